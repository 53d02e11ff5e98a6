// The logger: JSON lines for collectors, readable lines on a terminal, levels, and the fields that
// never reach a log whatever a caller passes.
import { createRequire } from 'node:module';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createLogger, type LogDestination } from '../../src/log/logger.js';

function capture(isTTY?: boolean): LogDestination & { text: () => string } {
  let text = '';
  return {
    isTTY,
    write: (chunk: string) => {
      text += chunk;
    },
    text: () => text,
  };
}

/** Colours on a terminal are ANSI escape sequences. */
const ESCAPE = String.fromCharCode(27);

describe('output format', () => {
  // First in this file: nothing has asked for a readable line yet.
  it('loads pino-pretty only when a logger writes readable lines', () => {
    const require = createRequire(import.meta.url);
    const prettyModule = require.resolve('pino-pretty');
    createLogger('info', { destination: capture(false) }).info('collected');
    expect(require.cache[prettyModule]).toBeUndefined();
    createLogger('info', { destination: capture(true) }).info('on a terminal');
    expect(require.cache[prettyModule]).toBeDefined();
  });

  it('writes one JSON object per line when the output is not a terminal', () => {
    const out = capture(false);
    createLogger('info', { destination: out }).warn('Job x terminated', { job: 'x', ms: 12 });
    const lines = out.text().trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ level: 'warn', msg: 'Job x terminated', job: 'x', ms: 12 });
    expect(JSON.parse(lines[0] ?? '').time).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('writes readable, coloured lines on a terminal', () => {
    const out = capture(true);
    createLogger('info', { destination: out }).warn('Job x terminated', { job: 'x' });
    const line = out.text();
    expect(() => JSON.parse(line)).toThrow();
    expect(line).toContain(ESCAPE);
    const plain = stripVTControlCharacters(line);
    expect(plain).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] WARN: Job x terminated \{"job":"x"\}\n$/);
  });

  it('writes readable lines without colours when asked for them off a terminal', () => {
    const out = capture(false);
    createLogger('info', { destination: out, format: 'pretty' }).info('Sesame listening');
    expect(out.text()).toMatch(/INFO: Sesame listening\n$/);
    expect(out.text()).not.toContain(ESCAPE);
  });

  it('hands a test each line as JSON, without its newline', () => {
    const lines: string[] = [];
    createLogger('debug', (line) => lines.push(line)).debug('one', { id: 1 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/\n/);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ level: 'debug', msg: 'one', id: 1 });
  });
});

describe('levels', () => {
  it('drops lines below the level, and everything when silent', () => {
    const lines: string[] = [];
    const log = createLogger('warn', (line) => lines.push(line));
    log.debug('d');
    log.info('i');
    log.warn('w');
    log.error('e');
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual(['w', 'e']);

    const silent: string[] = [];
    createLogger('silent', (line) => silent.push(line)).error('nothing');
    expect(silent).toEqual([]);
  });
});

describe('redaction', () => {
  const secrets = {
    token: 'tok-123',
    password: 'hunter2-password',
    temporaryPassword: 'temp-pass-999',
    secret: 'shh-secret',
    apiKey: 'SG.key-abc',
    payload: { to: 'kim@example.org', subject: 'Welcome' },
    body: 'an e-mail body',
    html: '<p>your link</p>',
    text: 'a message text',
    email: 'kim@example.org',
  };

  it('keeps credentials, payloads, bodies and addresses out of the line, at any level and depth', () => {
    const lines: string[] = [];
    const log = createLogger('debug', (line) => lines.push(line));
    log.debug('call', { ...secrets, route: 'GET /accept/*', id: 42 });
    log.error('nested', {
      request: { headers: { authorization: 'Bearer xoxb-very-secret', cookie: 'sid=abc', 'set-cookie': 'sid=def' } },
      delivery: { attempt: { token: 'deep-token', body: 'deep body' } },
      count: 3,
    });
    const all = lines.join('\n');
    for (const value of ['tok-123', 'hunter2', 'temp-pass', 'shh-secret', 'SG.key', 'kim@example.org', 'Welcome']) {
      expect(all).not.toContain(value);
    }
    for (const value of ['an e-mail body', 'your link', 'a message text', 'xoxb-very-secret', 'sid=', 'deep-']) {
      expect(all).not.toContain(value);
    }
    const [first, second] = lines.map((line) => JSON.parse(line));
    // What is safe stays: ids, counts, route keys.
    expect(first).toMatchObject({ token: '[redacted]', payload: '[redacted]', route: 'GET /accept/*', id: 42 });
    expect(second).toMatchObject({
      request: { headers: { authorization: '[redacted]', cookie: '[redacted]', 'set-cookie': '[redacted]' } },
      delivery: { attempt: { token: '[redacted]', body: '[redacted]' } },
      count: 3,
    });
  });

  it('scrubs tokens out of the message and the texts of the fields (error messages)', () => {
    const lines: string[] = [];
    const log = createLogger('debug', (line) => lines.push(line));
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl';
    log.warn('Slack call failed with xoxb-1234-5678-abcdefgh', {
      error: `Request failed: Authorization: Bearer ${jwt}`,
      detail: 'SendGrid said no to SG.abcdefghijklmnopqrstuv.abcdefghijklmnopqrstuvwxyz0123',
      note: 'app token xapp-1-A1-2-abc, basic Basic dXNlcjpwYXNzd29yZA==',
      count: 2,
    });
    const [entry] = lines.map((line) => JSON.parse(line));
    const all = lines.join('\n');
    for (const secret of ['xoxb-1234', jwt, 'eyJ', 'SG.abcdef', 'xapp-1', 'dXNlcjpwYXNzd29yZA']) {
      expect(all).not.toContain(secret);
    }
    expect(entry).toMatchObject({ msg: 'Slack call failed with [redacted]', count: 2 });
    expect(entry.error).toBe('Request failed: Authorization: [redacted]');
    // Words are not tokens.
    createLogger('info', (line) => lines.push(line)).info('Only the bearer of METRICS_TOKEN may scrape');
    expect(JSON.parse(lines[1] ?? '').msg).toBe('Only the bearer of METRICS_TOKEN may scrape');
  });

  it('redacts on a terminal too', () => {
    const out = capture(true);
    createLogger('info', { destination: out }).info('call', { token: 'tok-123', Authorization: 'Bearer abc' });
    expect(out.text()).not.toContain('tok-123');
    expect(out.text()).not.toContain('Bearer abc');
    expect(out.text()).toContain('[redacted]');
  });
});
