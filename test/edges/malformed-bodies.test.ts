// Issue 12, item 10: no request body may take the service down. The real service (dist/main.js,
// as `npm start` runs it) is started with Slack, Teams (local mode), SendGrid's webhook and the
// enrollment pages on, and every inbound endpoint is sent malformed bodies: JSON null, arrays,
// numbers, strings, invalid or truncated JSON, wrong content types, huge bodies, and requests cut
// off mid-body. Each answer must be a 4xx (never a 5xx, never a hang) whose body shows no internals
// (item 8), the process must still be alive and answering /healthz afterwards, and its log must
// hold no unhandled error.
import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitation, Visitor } from '../enrollment/support.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.js';
import { slackSignature } from '../support/slack-requests.js';
import { internalsIn } from './internals.js';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const SIGNING_SECRET = 'fuzz-signing-secret-0123456789abcdef';

let t: TestDatabase;
let fake: FakeSlack;
let service: ChildProcess;
let dataDir: string;
let base: string;
let sendgridKey: KeyObject;
const lines: string[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  fake = await startFakeSlack();
  dataDir = await mkdtemp(join(tmpdir(), 'sesame-fuzz-'));
  const pair = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  sendgridKey = pair.privateKey;
  service = spawn(process.execPath, ['dist/main.js'], {
    cwd: projectRoot,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dataDir,
      DATA_DIR: dataDir,
      DATABASE_URL: t.url,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      NODE_ENV: 'test',
      JOBS_ENABLED: 'false',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: fake.botToken,
      SLACK_API_URL: fake.apiUrl,
      SENDGRID_WEBHOOK_PUBLIC_KEY: pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let buffered = '';
  const collect = (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    lines.push(...parts);
  };
  service.stdout?.on('data', collect);
  service.stderr?.on('data', collect);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const listening = lines.map((line) => /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(line)).find(Boolean);
    if (listening?.[1]) {
      base = `http://127.0.0.1:${listening[1]}`;
      break;
    }
    if (service.exitCode !== null || Date.now() > deadline)
      throw new Error(`the service did not listen:\n${lines.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 90_000);

afterAll(async () => {
  if (service && service.exitCode === null) {
    const exited = new Promise((resolve) => service.once('exit', resolve));
    service.kill('SIGTERM');
    await exited;
  }
  await fake?.close();
  await t?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

interface Attempt {
  name: string;
  contentType?: string;
  body: string;
  headers?: Record<string, string>;
  /** Over every route's limit: hanging up on it before it is all sent is a refusal too. */
  oversized?: boolean;
}

const huge = 'x'.repeat(5 * 1024 * 1024);
/** Bodies that are well-formed transport but not what any endpoint takes. */
const jsonBodies: Attempt[] = [
  { name: 'JSON null', body: 'null' },
  { name: 'JSON array', body: '[]' },
  { name: 'array of null', body: '[null]' },
  { name: 'array of numbers', body: '[1,2,3]' },
  { name: 'JSON number', body: '42' },
  { name: 'JSON string', body: '"hello"' },
  { name: 'JSON true', body: 'true' },
  { name: 'empty body', body: '' },
  { name: 'invalid JSON', body: '{nope' },
  { name: 'truncated JSON', body: '{"type":"message","conversation":{"id":"a' },
  { name: 'huge string', body: JSON.stringify(huge), oversized: true },
].map((a) => ({ contentType: 'application/json', ...a }));

const formBodies: Attempt[] = [
  { name: 'payload=null', body: 'payload=null' },
  { name: 'payload=[]', body: 'payload=%5B%5D' },
  { name: 'payload=42', body: 'payload=42' },
  { name: 'payload="x"', body: 'payload=%22x%22' },
  { name: 'payload=invalid JSON', body: 'payload=%7Bnope' },
  { name: 'payload truncated', body: 'payload=%7B%22type%22%3A%22block_actions%22' },
  { name: 'payload repeated', body: 'payload=%7B%7D&payload=%7B%7D' },
  { name: 'bad percent-encoding', body: 'payload=%E0%A4%A&text=%' },
  { name: 'empty form', body: '' },
  { name: 'huge form', body: `text=${huge}`, oversized: true },
].map((a) => ({ contentType: 'application/x-www-form-urlencoded', ...a }));

const otherTypes: Attempt[] = [
  { name: 'text/plain object', contentType: 'text/plain', body: '{"type":"event_callback"}' },
  { name: 'no content type', body: '{"type":"event_callback"}' },
  { name: 'multipart', contentType: 'multipart/form-data; boundary=x', body: '--x\r\n\r\n--x--' },
];

/**
 * One request on a connection of its own: a server that refuses a body without reading it closes
 * the connection, which must not fail the next attempt. Status 0 is a connection that got no
 * answer at all (reset, or nothing within 20 s).
 */
function post(path: string, attempt: Attempt, signer?: (body: string) => Record<string, string>) {
  const headers: Record<string, string> = { ...(signer?.(attempt.body) ?? {}), ...attempt.headers };
  if (attempt.contentType) headers['content-type'] = attempt.contentType;
  return new Promise<{ status: number; text: string }>((resolve) => {
    const req = request(base + path, { method: 'POST', headers, agent: false, timeout: 20_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (error) => resolve({ status: 0, text: String(error) }));
    });
    req.on('timeout', () => req.destroy(new Error('no answer within 20 s')));
    // A server may answer an oversized body and hang up while it is still being sent: the answer,
    // when it arrives just after the write error, is the one that counts.
    req.on('error', (error) => setTimeout(() => resolve({ status: 0, text: String(error) }), 500));
    req.end(attempt.body);
  });
}

const slackSigned = (body: string) => {
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(SIGNING_SECRET, timestamp, body),
  };
};

const sendgridSigned = (body: string) => {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = sign('sha256', Buffer.from(timestamp + body), sendgridKey).toString('base64');
  return {
    'x-twilio-email-event-webhook-signature': signature,
    'x-twilio-email-event-webhook-timestamp': timestamp,
  };
};

/** Sends headers announcing more body than is sent, then hangs up. */
function cutOff(path: string, contentType: string, partial: string): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(Number(new URL(base).port), '127.0.0.1', () => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: ${contentType}\r\ncontent-length: 100000\r\n\r\n${partial}`,
      );
      setTimeout(() => socket.destroy(), 100);
    });
    socket.on('close', () => resolve());
    socket.on('error', () => resolve());
  });
}

async function expectAlive(): Promise<void> {
  const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(5_000) });
  expect(res.status).toBe(200);
  expect(service.exitCode).toBeNull();
}

/**
 * Each attempt's answer, as "name: 4xx" for a refusal whose body shows no internals (issue 12,
 * item 8: internals.ts), else its status, the marks found and the body, for one readable
 * assertion per endpoint.
 */
async function answers(path: string, attempts: Attempt[], signer?: (body: string) => Record<string, string>) {
  const out: string[] = [];
  for (const attempt of attempts) {
    const { status, text } = await post(path, attempt, signer);
    const refused =
      (status >= 400 && status < 500) || (attempt.oversized && status === 0 && /EPIPE|ECONNRESET/.test(text));
    const marks = status === 0 ? [] : internalsIn(text);
    out.push(`${attempt.name}: ${refused && marks.length === 0 ? '4xx' : `${status} ${marks} ${text.slice(0, 200)}`}`);
  }
  return out;
}

const all4xx = (results: string[]) => results.map((line) => line.replace(/: .*$/, ': 4xx'));

describe('malformed bodies on every inbound endpoint', () => {
  it('Slack events, commands and interactions (signed): 4xx each, and the service keeps serving', async () => {
    const results = await answers('/slack/events', [...jsonBodies, ...formBodies, ...otherTypes], slackSigned);
    expect(results).toEqual(all4xx(results));
    // Unsigned, the same bodies are refused as well.
    const unsigned = await answers('/slack/events', [...jsonBodies.slice(0, 4), ...formBodies.slice(0, 2)]);
    expect(unsigned).toEqual(all4xx(unsigned));
    await cutOff('/slack/events', 'application/json', '{"type":"event_');
    await cutOff('/slack/events', 'application/x-www-form-urlencoded', 'payload=%7B');
    await expectAlive();
  }, 120_000);

  it('Teams /api/messages: 4xx each, and the service keeps serving', async () => {
    const activities: Attempt[] = [
      { name: 'no type', body: '{"conversation":{"id":"a"}}' },
      { name: 'type not a string', body: '{"type":42,"conversation":{"id":"a"}}' },
      { name: 'conversation null', body: '{"type":"message","conversation":null}' },
    ].map((a) => ({ contentType: 'application/json', ...a }));
    const results = await answers('/api/messages', [...jsonBodies, ...activities, ...formBodies, ...otherTypes]);
    expect(results).toEqual(all4xx(results));
    await cutOff('/api/messages', 'application/json', '{"type":"mess');
    await expectAlive();
  }, 120_000);

  it('SendGrid events (signed and unsigned): 4xx each, and the service keeps serving', async () => {
    // An array is a batch: its items that are not events are skipped (200), so SendGrid does not retry them.
    const notEvents = jsonBodies.filter((a) => !/array/.test(a.name));
    const results = await answers('/webhooks/sendgrid', [...notEvents, ...otherTypes], sendgridSigned);
    expect(results).toEqual(all4xx(results));
    const unsigned = await answers('/webhooks/sendgrid', jsonBodies);
    expect(unsigned).toEqual(all4xx(unsigned));
    await cutOff('/webhooks/sendgrid', 'application/json', '[{"event":');
    await expectAlive();
  }, 120_000);

  it("the enrollment pages' form posts: 4xx each, and the service keeps serving", async () => {
    const link = await invitation(t.prisma);
    const visitor = new Visitor(base, { 'accept-language': 'en' });
    const form = await visitor.get(link.path);
    expect(form.csrf).toBeTruthy();
    const withCookie = () => ({ cookie: visitor.cookieHeader });
    const pageAttempts: Attempt[] = [...formBodies, ...jsonBodies, ...otherTypes].map((a) => ({
      ...a,
      headers: withCookie(),
    }));
    for (const path of [link.path, '/first-login']) {
      const results = await answers(path, pageAttempts);
      expect(results).toEqual(all4xx(results));
      await cutOff(path, 'application/x-www-form-urlencoded', 'csrf=');
    }
    await expectAlive();
  }, 120_000);

  it('logged no unhandled error and never exited', async () => {
    await expectAlive();
    const log = lines.join('\n');
    expect(log).not.toMatch(/unhandled|uncaught|TypeError|Cannot read prop/i);
  });
});
