// Issue 13, item 3: a 400 that refuses a whole batch, whatever its recipients, used to be split
// in halves down to every single message (1,999 requests for 1,000). The bisection is bounded.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSendgridTransport, refusalBudget } from '../../src/email/transport/sendgrid-transport.js';
import { deliverOutbox } from '../../src/outbox/deliver-outbox.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { type FakeSendgrid, startFakeSendgrid } from '../support/fake-sendgrid.js';
import { invitations, memoryLog, PUBLIC_URL } from './support.js';

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
});

const COUNT = 64;
const REASON = 'The from address does not match a verified Sender Identity.';

const transport = (log: ReturnType<typeof memoryLog>['log']) =>
  createSendgridTransport({ apiKey: 'SG.test-key', baseUrl: fake.url, from: { email: 'sesame@example.com' }, log });

describe('a 400 from SendGrid', () => {
  it('refusing the whole request costs a bounded number of requests, and fails the messages with the reason', async () => {
    const { log } = memoryLog();
    await invitations(db.prisma, COUNT, { prefix: 'blanket' });
    fake.respondWith(() => ({ status: 400, message: REASON }));
    const result = await deliverOutbox(db.prisma, { transport: transport(log), publicUrl: PUBLIC_URL, log });
    // At most 13 requests for 64 messages (2·log2(64) + 1), not 127.
    expect(fake.requests.length).toBeLessThanOrEqual(refusalBudget(COUNT));
    expect(refusalBudget(1000)).toBe(21);
    expect(result.sent).toBe(0);
    expect(result.failed + result.retried).toBe(COUNT);
    const failed = await db.prisma.outboxMessage.findMany({ where: { status: 'FAILED' } });
    expect(failed.length).toBe(result.failed);
    expect(failed.every((m) => m.lastError === `SendGrid answered 400: ${REASON}`)).toBe(true);
    // Halves never tried are put off, not failed untried.
    const later = await db.prisma.outboxMessage.findMany({ where: { status: 'PENDING', kind: 'invitation.email' } });
    expect(later.every((m) => m.lastError === `not tried: SendGrid answered 400: ${REASON}`)).toBe(true);
    const invitationsFailed = await db.prisma.invitation.count({
      where: { deliveryStatus: 'FAILED', deliveryDetail: `SendGrid answered 400: ${REASON}` },
    });
    expect(invitationsFailed).toBe(result.failed);
  });

  it('for one bad recipient among many still isolates it within the same bound, and sends the others', async () => {
    const { log } = memoryLog();
    const { emails } = await invitations(db.prisma, COUNT, { prefix: 'onebad' });
    const bad = emails[37];
    fake.respondWith((body) =>
      body.personalizations.some((p) => p.to[0]?.email === bad)
        ? { status: 400, message: 'Does not contain a valid address.' }
        : undefined,
    );
    const result = await deliverOutbox(db.prisma, { transport: transport(log), publicUrl: PUBLIC_URL, log });
    expect(result).toEqual({ sent: COUNT - 1, failed: 1, retried: 0, skipped: 0 });
    expect(fake.requests.length).toBeLessThanOrEqual(refusalBudget(COUNT));
  });
});
