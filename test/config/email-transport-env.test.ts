// Issue 13, item 5: a deployment without SENDGRID_API_KEY would write its e-mails to a local
// folder, count them as sent and log their live links. It must refuse to start instead, unless
// EMAIL_TRANSPORT=file says it is meant.
import { describe, expect, it } from 'vitest';
import { ConfigError, emailTransportKind, logsAcceptLinks, parseEnv } from '../../src/config/env.js';

const refusal = (source: NodeJS.ProcessEnv) => {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  return undefined;
};

describe('EMAIL_TRANSPORT and SENDGRID_API_KEY', () => {
  it.each([
    [{ NODE_ENV: 'production' }],
    [{ PUBLIC_URL: 'https://sesame.example.com' }],
    [{ PUBLIC_URL: 'http://10.0.0.5:3000' }],
  ])('refuses a deployment (%o) without a key, in one line naming SENDGRID_API_KEY', (source) => {
    const message = refusal(source);
    expect(message).toMatch(/^Invalid configuration: SENDGRID_API_KEY=missing: .*EMAIL_TRANSPORT=file/);
    expect(message).not.toContain('\n');
  });

  it.each([
    [{}],
    [{ PUBLIC_URL: 'http://localhost:3000' }],
    [{ PUBLIC_URL: 'http://127.0.0.1:8080/' }],
    [{ NODE_ENV: 'test', PUBLIC_URL: 'http://[::1]:3000' }],
  ])('keeps the local folder on a local set-up (%o)', (source) => {
    expect(emailTransportKind(parseEnv(source))).toBe('file');
  });

  it('starts in production on the local folder when EMAIL_TRANSPORT=file says it is meant, logging no link', () => {
    const env = parseEnv({ NODE_ENV: 'production', PUBLIC_URL: 'https://sesame.example.com', EMAIL_TRANSPORT: 'file' });
    expect(emailTransportKind(env)).toBe('file');
    expect(logsAcceptLinks(env)).toBe(false);
  });

  it('picks SendGrid with a key, the folder when EMAIL_TRANSPORT=file overrides it, and refuses sendgrid without a key', () => {
    expect(emailTransportKind(parseEnv({ NODE_ENV: 'production', SENDGRID_API_KEY: 'SG.x' }))).toBe('sendgrid');
    expect(emailTransportKind(parseEnv({ SENDGRID_API_KEY: 'SG.x', EMAIL_TRANSPORT: 'file' }))).toBe('file');
    expect(refusal({ EMAIL_TRANSPORT: 'sendgrid' })).toMatch(/^Invalid configuration: SENDGRID_API_KEY=missing: /);
    expect(refusal({ EMAIL_TRANSPORT: 'smtp' })).toMatch(/^Invalid configuration: EMAIL_TRANSPORT="smtp"/);
  });

  it('logs live accept links only in development on a local address', () => {
    expect(logsAcceptLinks(parseEnv({}))).toBe(true);
    expect(logsAcceptLinks(parseEnv({ NODE_ENV: 'test' }))).toBe(false);
    expect(logsAcceptLinks(parseEnv({ PUBLIC_URL: 'https://sesame.example.com', EMAIL_TRANSPORT: 'file' }))).toBe(
      false,
    );
  });
});
