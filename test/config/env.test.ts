import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv, slackMode, teamsMode } from '../../src/config/env.js';

describe('parseEnv', () => {
  it('has a default for every setting', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      DATA_DIR: './data',
      EMBEDDED_DB_PORT: 0,
      PORT: 3000,
      HOST: '127.0.0.1',
      AUTO_MIGRATE: true,
      LOG_LEVEL: 'info',
    });
    // Without DATABASE_URL Sesame runs the embedded database; links default to localhost.
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PUBLIC_URL).toBeUndefined();
  });

  it('reads the values it is given', () => {
    const env = parseEnv({
      DATABASE_URL: 'postgresql://sesame@db.example.com:5432/sesame',
      PORT: '8080',
      AUTO_MIGRATE: 'false',
      PUBLIC_URL: 'https://sesame.example.com',
      SENDGRID_API_KEY: 'SG.test-key',
    });
    expect(env).toMatchObject({
      DATABASE_URL: 'postgresql://sesame@db.example.com:5432/sesame',
      PORT: 8080,
      AUTO_MIGRATE: false,
      PUBLIC_URL: 'https://sesame.example.com',
    });
  });

  it('treats an empty DATABASE_URL as unset', () => {
    expect(parseEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it.each(['abc', '70000', '-1', '80.5'])('rejects PORT=%s with one line naming PORT', (port) => {
    const error = catchError(() => parseEnv({ PORT: port }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).not.toContain('\n');
    expect(error.message).toMatch(/\bPORT\b/);
    expect(error.message).not.toMatch(/EMBEDDED_DB_PORT/);
    expect(error.message).toContain(JSON.stringify(port));
  });

  it('rejects a DATABASE_URL that is not a PostgreSQL URL, naming DATABASE_URL', () => {
    const error = catchError(() => parseEnv({ DATABASE_URL: 'mysql://root@localhost/sesame' }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).not.toContain('\n');
    expect(error.message).toContain('DATABASE_URL');
    expect(error.message).toContain('postgresql://');
  });
});

/** 32 bytes in base64, as `openssl rand -base64 32` prints. */
const KEY = Buffer.alloc(32, 7).toString('base64');

describe('Slack variables', () => {
  it('tells which set-up they describe', () => {
    expect(slackMode(parseEnv({}))).toBeUndefined();
    expect(slackMode(parseEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }))).toBe('single');
    const oauth = {
      SLACK_SIGNING_SECRET: 's',
      SLACK_CLIENT_ID: 'c',
      SLACK_CLIENT_SECRET: 'x',
      SLACK_STATE_SECRET: 'y',
      TOKEN_ENCRYPTION_KEY: KEY,
    };
    expect(slackMode(parseEnv(oauth))).toBe('oauth');
  });

  it.each([
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET=missing'],
    [{ SLACK_BOT_TOKEN: 'xoxp-user-token', SLACK_SIGNING_SECRET: 's' }, 'SLACK_BOT_TOKEN=(set): expected a bot token'],
    [{ SLACK_SIGNING_SECRET: 's' }, 'SLACK_BOT_TOKEN=missing'],
    [{ SLACK_SIGNING_SECRET: 's', SLACK_CLIENT_ID: 'c', SLACK_CLIENT_SECRET: 'x' }, 'SLACK_STATE_SECRET=missing'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_APP_TOKEN: 'xoxb-2' }, 'SLACK_APP_TOKEN=(set)'],
    [
      { SLACK_SIGNING_SECRET: 's', SLACK_CLIENT_ID: 'c', SLACK_CLIENT_SECRET: 'x', SLACK_STATE_SECRET: 'y' },
      'TOKEN_ENCRYPTION_KEY=missing: required with SLACK_CLIENT_ID',
    ],
    [{ TOKEN_ENCRYPTION_KEY: 'not-a-key-but-still-secret' }, 'TOKEN_ENCRYPTION_KEY=(set): key 1 is not 32 bytes'],
    [{ TOKEN_ENCRYPTION_KEY: `${KEY},c2hvcnQ=` }, 'TOKEN_ENCRYPTION_KEY=(set): key 2 is not 32 bytes'],
  ])('refuses an incomplete or wrong set-up in one line, never printing a secret (%o)', (vars, expected) => {
    const error = catchError(() => parseEnv(vars));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).not.toContain('\n');
    expect(error.message).toContain(expected);
    for (const value of Object.values(vars)) if (value.length > 2) expect(error.message).not.toContain(value);
  });
});

describe('Teams variables', () => {
  const id = '8e3d2a1c-4b5f-4c6d-9e7f-0a1b2c3d4e5f';
  it('authenticates with the three credentials; without them, answers only on a loopback address outside production', () => {
    const full = { MICROSOFT_APP_ID: id, MICROSOFT_APP_PASSWORD: 'secret', MICROSOFT_APP_TENANT_ID: 'tenant' };
    expect(teamsMode(parseEnv(full))).toBe('authenticated');
    expect(teamsMode(parseEnv({}))).toBe('local');
    expect(teamsMode(parseEnv({ HOST: '0.0.0.0' }))).toBeUndefined();
    expect(teamsMode(parseEnv({ NODE_ENV: 'production', EMAIL_TRANSPORT: 'file' }))).toBeUndefined();
  });

  it.each([
    [
      { MICROSOFT_APP_ID: 'not-a-guid', MICROSOFT_APP_PASSWORD: 'p', MICROSOFT_APP_TENANT_ID: 't' },
      'MICROSOFT_APP_ID=(set)',
    ],
    [{ MICROSOFT_APP_ID: id, MICROSOFT_APP_TENANT_ID: 't' }, 'MICROSOFT_APP_PASSWORD=missing'],
    [{ MICROSOFT_APP_ID: id, MICROSOFT_APP_PASSWORD: 'p' }, 'MICROSOFT_APP_TENANT_ID=missing'],
    [{ MICROSOFT_APP_PASSWORD: 'hunter2-value' }, 'MICROSOFT_APP_ID=missing'],
  ])('refuses an incomplete set-up in one line (%o)', (vars, expected) => {
    const error = catchError(() => parseEnv(vars));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain(expected);
    expect(error.message).not.toContain('hunter2-value');
  });
});

function catchError(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}
