import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EmailTransport } from '../../src/email/outgoing-email.js';
import { invite } from '../../src/invitations/invite.js';
import { deliverOutbox } from '../../src/outbox/deliver-outbox.js';
import { SIGNATURE_HEADER, signWebhook, verifyWebhookSignature } from '../../src/webhooks/sign-webhook.js';
import { newOrganization } from '../domain/fixtures.js';
import { memoryLog, PUBLIC_URL, seconds } from '../email/support.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

let db: TestDatabase;
let server: Server;
let endpointUrl: string;
const received: Received[] = [];
/** Status codes for the next requests (then 200); 0 means never answer. */
const answers: { status: number; headers?: Record<string, string> }[] = [];

// E-mails are not the subject here: a transport that accepts everything.
const acceptAll: EmailTransport = {
  name: 'file',
  async *send(emails) {
    if (emails.length > 0) yield { indexes: emails.map((_, i) => i), outcome: { ok: true } };
  },
};

beforeAll(async () => {
  db = await createTestDatabase();
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const answer = answers.shift() ?? { status: 200 };
      if (answer.status === 0) return;
      res.writeHead(answer.status, answer.headers);
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpointUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/sesame?token=abc`;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await db?.close();
});
afterEach(async () => {
  await db.prisma.outboxMessage.deleteMany({});
  received.length = 0;
  answers.length = 0;
});

/** An organization with a webhook endpoint, and one invitation (which emits invitation.created). */
async function invitationWithEndpoint(options: { url?: string; active?: boolean } = {}) {
  const { owner } = await newOrganization(db.prisma);
  const secret = `whsec_${Math.random().toString(36).slice(2)}`;
  const endpoint = await db.prisma.webhookEndpoint.create({
    data: {
      organizationId: owner.organization.id,
      url: options.url ?? endpointUrl,
      secret,
      active: options.active ?? true,
    },
  });
  const result = await invite(db.prisma, owner, { emails: ['new.member@example.org'], role: 'viewer' });
  return { owner, endpoint, secret, invitationId: result.results[0]?.invitationId as string };
}

// The receiver is this test's own server on 127.0.0.1, a private address: delivering to it needs
// the operator's development setting (WEBHOOKS_ALLOW_PRIVATE_ADDRESSES=true), which production
// leaves off (test/webhooks/public-addresses.test.ts shows the refusal).
const allowLocalReceiver = { webhooksAllowPrivateAddresses: true };

const webhookRow = () => db.prisma.outboxMessage.findFirstOrThrow({ where: { kind: 'webhook' } });

describe('outbound webhooks', () => {
  it('POSTs the event as signed JSON', async () => {
    const { log, lines } = memoryLog();
    const { secret, invitationId } = await invitationWithEndpoint();
    const result = await deliverOutbox(db.prisma, {
      ...allowLocalReceiver,
      transport: acceptAll,
      publicUrl: PUBLIC_URL,
      log,
    });
    expect(result.sent).toBe(2); // the invitation e-mail and the webhook

    expect(received).toHaveLength(1);
    const [call] = received as [Received];
    expect(call.headers['content-type']).toBe('application/json');
    expect(call.headers['sesame-event']).toBe('invitation.created');
    const signature = call.headers[SIGNATURE_HEADER.toLowerCase()] as string;
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(secret, signature, call.body)).toBe(true);

    const body = JSON.parse(call.body);
    const row = await webhookRow();
    expect(body).toEqual({
      id: String(row.id),
      type: 'invitation.created',
      createdAt: row.createdAt.toISOString(),
      // kind and company: internal or external, and the company of an external one (issue 16);
      // the member properties: licences, credits and language, null when not set (issue 17).
      data: {
        invitationId,
        email: 'new.member@example.org',
        status: 'PENDING',
        kind: 'internal',
        company: null,
        licences: [],
        credits: null,
        language: null,
        occurredAt: expect.any(String),
      },
    });
    expect(call.headers['sesame-delivery']).toBe(String(row.id));
    expect(row.status).toBe('SENT');
    // The endpoint's URL may hold credentials: only its host is logged.
    expect(lines.join('\n')).not.toContain('token=abc');
  });

  it('signs so that a receiver detects a wrong secret, a changed body and a replay', () => {
    const body = '{"id":"1"}';
    const now = new Date();
    const header = signWebhook('secret', body, Math.floor(now.getTime() / 1000));
    expect(verifyWebhookSignature('secret', header, body, { now })).toBe(true);
    expect(verifyWebhookSignature('other', header, body, { now })).toBe(false);
    expect(verifyWebhookSignature('secret', header, '{"id":"2"}', { now })).toBe(false);
    expect(verifyWebhookSignature('secret', header, body, { now: seconds(now, 301) })).toBe(false);
    expect(verifyWebhookSignature('secret', undefined, body, { now })).toBe(false);
    expect(verifyWebhookSignature('secret', 't=1,v1=zz', body, { now })).toBe(false);
  });

  it('retries a refused call with backoff, with the same id and a fresh signature', async () => {
    const { log } = memoryLog();
    const { secret } = await invitationWithEndpoint();
    const t0 = seconds(new Date(), 1);
    answers.push({ status: 500 });
    expect(
      await deliverOutbox(db.prisma, {
        ...allowLocalReceiver,
        transport: acceptAll,
        publicUrl: PUBLIC_URL,
        log,
        now: t0,
      }),
    ).toMatchObject({
      retried: 1,
    });
    let row = await webhookRow();
    expect(row).toMatchObject({ status: 'PENDING', attempts: 1, lastError: 'The endpoint answered 500' });
    expect(row.nextAttemptAt).toEqual(seconds(t0, 30));

    answers.push({ status: 429, headers: { 'retry-after': '120' } });
    await deliverOutbox(db.prisma, {
      ...allowLocalReceiver,
      transport: acceptAll,
      publicUrl: PUBLIC_URL,
      log,
      now: seconds(t0, 31),
    });
    row = await webhookRow();
    expect(row.attempts).toBe(2);
    expect(Math.abs(row.nextAttemptAt.getTime() - (Date.now() + 120_000))).toBeLessThan(5_000);

    const done = await deliverOutbox(db.prisma, {
      ...allowLocalReceiver,
      transport: acceptAll,
      publicUrl: PUBLIC_URL,
      log,
      now: seconds(t0, 200),
    });
    expect(done.sent).toBe(1);
    expect(received).toHaveLength(3);
    expect(new Set(received.map((r) => JSON.parse(r.body).id)).size).toBe(1);
    for (const call of received) {
      expect(verifyWebhookSignature(secret, call.headers['sesame-signature'] as string, call.body)).toBe(true);
    }
    expect((await webhookRow()).status).toBe('SENT');
  });

  it('treats timeouts, unreachable endpoints and redirects as failures', async () => {
    const { log } = memoryLog();
    await invitationWithEndpoint();
    answers.push({ status: 0 });
    const t0 = seconds(new Date(), 1);
    await deliverOutbox(db.prisma, {
      ...allowLocalReceiver,
      transport: acceptAll,
      publicUrl: PUBLIC_URL,
      log,
      now: t0,
      webhookTimeoutMs: 200,
    });
    expect((await webhookRow()).lastError).toBe('The endpoint is unreachable: timed out');

    answers.push({ status: 302, headers: { location: 'http://example.com/' } });
    await deliverOutbox(db.prisma, {
      ...allowLocalReceiver,
      transport: acceptAll,
      publicUrl: PUBLIC_URL,
      log,
      now: seconds(t0, 60),
    });
    expect((await webhookRow()).lastError).toBe('The endpoint answered 302');

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await db.prisma.webhookEndpoint.updateMany({ data: { url: `http://127.0.0.1:${closedPort}/closed` } });
    await deliverOutbox(db.prisma, {
      ...allowLocalReceiver,
      transport: acceptAll,
      publicUrl: PUBLIC_URL,
      log,
      now: seconds(t0, 200),
    });
    expect((await webhookRow()).lastError).toBe('The endpoint is unreachable: ECONNREFUSED');
  });

  it('gives up after the last attempt, and skips calls to a disabled endpoint', async () => {
    const { log } = memoryLog();
    const { endpoint } = await invitationWithEndpoint();
    answers.push({ status: 500 }, { status: 502 });
    let now = seconds(new Date(), 1);
    const results = [];
    for (let i = 0; i < 2; i++) {
      results.push(
        await deliverOutbox(db.prisma, {
          ...allowLocalReceiver,
          transport: acceptAll,
          publicUrl: PUBLIC_URL,
          log,
          now,
          maxAttempts: 2,
        }),
      );
      now = seconds(now, 7200);
    }
    expect(results.map((r) => [r.retried, r.failed])).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(await webhookRow()).toMatchObject({
      status: 'FAILED',
      lastError: 'gave up after 2 attempts: The endpoint answered 502',
    });
    await db.prisma.outboxMessage.deleteMany({});

    await db.prisma.webhookEndpoint.update({ where: { id: endpoint.id }, data: { active: false } });
    await db.prisma.outboxMessage.create({
      data: {
        organizationId: endpoint.organizationId,
        kind: 'webhook',
        idempotencyKey: `webhook:${endpoint.id}:invitation.revoked:x`,
        payload: { endpointId: endpoint.id, event: 'invitation.revoked', data: {} },
      },
    });
    expect(
      await deliverOutbox(db.prisma, {
        ...allowLocalReceiver,
        transport: acceptAll,
        publicUrl: PUBLIC_URL,
        log,
        now,
      }),
    ).toMatchObject({
      skipped: 1,
    });
    expect(await webhookRow()).toMatchObject({
      status: 'SENT',
      lastError: 'skipped: the webhook endpoint was removed or disabled',
    });
    expect(received).toHaveLength(2);
  });
});
