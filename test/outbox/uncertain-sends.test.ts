// Issue 13, items 1 and 2: a crash between SendGrid's 202 and its recording, or a request that
// timed out, leaves messages SendGrid may have accepted. They are reconciled with SendGrid's
// events before any re-send; without the Event Webhook, at most one request goes twice.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSendgridTransport } from '../../src/email/transport/sendgrid-transport.js';
import type { Logger } from '../../src/log/logger.js';
import { deliverOutbox } from '../../src/outbox/deliver-outbox.js';
import { EVENTS_WAIT_MS, WAITING_FOR_EVENTS } from '../../src/outbox/reconcile.js';
import { invitations, memoryLog, PUBLIC_URL, seconds } from '../email/support.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { type FakeSendgrid, startFakeSendgrid } from '../support/fake-sendgrid.js';
import { crashingAfter, duplicates, reportProcessed, SimulatedCrash } from './support.js';

let db: TestDatabase;
let fake: FakeSendgrid;

beforeAll(async () => {
  db = await createTestDatabase();
  fake = await startFakeSendgrid();
});
afterAll(async () => {
  await fake?.close();
  await db?.close();
});
afterEach(async () => {
  await db.prisma.outboxMessage.deleteMany({});
  fake.requests.length = 0;
  fake.respondWith(undefined);
  fake.delayMs = 0;
});

const LEASE_MS = 60_000;

function transport(log: Logger, options: { reportsEvents: boolean; timeoutMs?: number }) {
  return createSendgridTransport({
    apiKey: 'SG.test-key',
    baseUrl: fake.url,
    from: { email: 'sesame@example.com', name: 'Sesame' },
    log,
    maxPerRequest: 2,
    ...options,
  });
}

const deliver = (log: Logger, t: ReturnType<typeof transport>, now: Date) =>
  deliverOutbox(db.prisma, { transport: t, publicUrl: PUBLIC_URL, log, now, leaseMs: LEASE_MS });

describe('a crash between SendGrid accepting a request and its recording', () => {
  it('with the Event Webhook: sends nobody twice, waiting for late events rather than re-sending', async () => {
    const { log } = memoryLog();
    await invitations(db.prisma, 6, { prefix: 'crash-key' });
    const sendgrid = transport(log, { reportsEvents: true });
    const t0 = seconds(new Date(), 1);
    // Requests of 2: the first is recorded, the second answered 202 and then the worker dies.
    await expect(deliver(log, crashingAfter(sendgrid, 2), t0)).rejects.toBeInstanceOf(SimulatedCrash);
    expect(fake.accepted()).toHaveLength(4);

    // After the lease, no event has arrived yet: the 2 uncertain wait, the 2 never handed over go.
    const t1 = seconds(t0, LEASE_MS / 1000 + 1);
    expect(await deliver(log, sendgrid, t1)).toEqual({ sent: 2, failed: 0, retried: 2, skipped: 0 });
    expect(duplicates(fake.accepted())).toBe(0);
    const waiting = await db.prisma.outboxMessage.findMany({ where: { status: 'PENDING' } });
    expect(waiting.map((m) => m.lastError)).toEqual([WAITING_FOR_EVENTS, WAITING_FOR_EVENTS]);

    // SendGrid's events arrive: the waiting two are recognized as sent, not sent again.
    await reportProcessed(db.prisma, fake.accepted(), t1);
    const t2 = seconds(t0, EVENTS_WAIT_MS / 1000 + 1);
    expect(await deliver(log, sendgrid, t2)).toEqual({ sent: 2, failed: 0, retried: 0, skipped: 0 });
    expect(fake.accepted()).toHaveLength(6);
    expect(duplicates(fake.accepted())).toBe(0);
    expect(await db.prisma.outboxMessage.count({ where: { status: 'SENT', handedAt: null } })).toBe(6);
  });

  it('with the Event Webhook silent for too long: sends the uncertain ones again rather than lose them', async () => {
    const { log } = memoryLog();
    await invitations(db.prisma, 2, { prefix: 'crash-silent' });
    const sendgrid = transport(log, { reportsEvents: true });
    const t0 = seconds(new Date(), 1);
    await expect(deliver(log, crashingAfter(sendgrid, 1), t0)).rejects.toBeInstanceOf(SimulatedCrash);
    expect(await deliver(log, sendgrid, seconds(t0, LEASE_MS / 1000 + 1))).toMatchObject({ sent: 0, retried: 2 });
    expect(await deliver(log, sendgrid, seconds(t0, EVENTS_WAIT_MS / 1000 + 1))).toMatchObject({ sent: 2 });
    expect(duplicates(fake.accepted())).toBe(2);
  });

  it('on its last attempt, sends an uncertain message again rather than give it up while waiting', async () => {
    const { log } = memoryLog();
    await invitations(db.prisma, 1, { prefix: 'crash-last' });
    const sendgrid = transport(log, { reportsEvents: true });
    const t0 = seconds(new Date(), 1);
    await expect(deliver(log, crashingAfter(sendgrid, 1), t0)).rejects.toBeInstanceOf(SimulatedCrash);
    const last = await deliverOutbox(db.prisma, {
      transport: sendgrid,
      publicUrl: PUBLIC_URL,
      log,
      now: seconds(t0, LEASE_MS / 1000 + 1),
      leaseMs: LEASE_MS,
      maxAttempts: 2,
    });
    expect(last).toEqual({ sent: 1, failed: 0, retried: 0, skipped: 0 });
    expect(duplicates(fake.accepted())).toBe(1);
  });

  it('without the Event Webhook: sends again only the request that was cut short', async () => {
    const { log, lines } = memoryLog();
    await invitations(db.prisma, 6, { prefix: 'crash-nokey' });
    const sendgrid = transport(log, { reportsEvents: false });
    const t0 = seconds(new Date(), 1);
    await expect(deliver(log, crashingAfter(sendgrid, 2), t0)).rejects.toBeInstanceOf(SimulatedCrash);
    expect(await deliver(log, sendgrid, seconds(t0, LEASE_MS / 1000 + 1))).toMatchObject({ sent: 4, retried: 0 });
    expect(fake.accepted()).toHaveLength(8);
    // One request of 2 went twice; the rest of the claim, never handed over, went once.
    expect(duplicates(fake.accepted())).toBe(2);
    expect(lines.some((l) => l.includes('"resentUnconfirmed":2'))).toBe(true);
  });
});

describe('a request that timed out', () => {
  it('has an unknown outcome: with the Event Webhook it is reconciled, not sent blindly again', async () => {
    const { log } = memoryLog();
    await invitations(db.prisma, 2, { prefix: 'slow-key' });
    const sendgrid = transport(log, { reportsEvents: true, timeoutMs: 200 });
    fake.delayMs = 600; // SendGrid accepts, but answers after the client gave up.
    const t0 = seconds(new Date(), 1);
    expect(await deliver(log, sendgrid, t0)).toMatchObject({ sent: 0, retried: 2 });
    const rows = await db.prisma.outboxMessage.findMany({ where: { kind: 'invitation.email' } });
    expect(rows.every((r) => r.handedAt !== null && r.lastError?.startsWith('SendGrid did not answer'))).toBe(true);
    fake.delayMs = 0;

    // The retry is due (backoff), the events are not in yet: it waits instead of sending.
    expect(await deliver(log, sendgrid, seconds(t0, 31))).toMatchObject({ sent: 0, retried: 2 });
    expect(fake.requests).toHaveLength(1);
    await reportProcessed(db.prisma, fake.accepted(), seconds(t0, 40));
    expect(await deliver(log, sendgrid, seconds(t0, EVENTS_WAIT_MS / 1000 + 1))).toMatchObject({ sent: 2 });
    expect(fake.requests).toHaveLength(1);
    expect(duplicates(fake.accepted())).toBe(0);
  });

  it('is sent again at most once per request without the Event Webhook, and a refused connection is no doubt', async () => {
    const { log } = memoryLog();
    await invitations(db.prisma, 2, { prefix: 'slow-nokey' });
    const sendgrid = transport(log, { reportsEvents: false, timeoutMs: 200 });
    fake.delayMs = 600;
    const t0 = seconds(new Date(), 1);
    expect(await deliver(log, sendgrid, t0)).toMatchObject({ retried: 2 });
    fake.delayMs = 0;
    expect(await deliver(log, sendgrid, seconds(t0, 31))).toMatchObject({ sent: 2 });
    expect(duplicates(fake.accepted())).toBe(2);

    await invitations(db.prisma, 1, { prefix: 'refused' });
    const unreachable = createSendgridTransport({
      apiKey: 'SG.test-key',
      baseUrl: 'http://127.0.0.1:9',
      from: { email: 'sesame@example.com' },
      log,
    });
    const t1 = seconds(t0, 120);
    expect(await deliver(log, unreachable, t1)).toMatchObject({ retried: 1 });
    const row = await db.prisma.outboxMessage.findFirstOrThrow({ where: { status: 'PENDING' } });
    expect(row.handedAt).toBeNull();
    expect(row.lastError).toMatch(/^SendGrid unreachable: ECONNREFUSED/);
  });
});
