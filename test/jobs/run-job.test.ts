// Each job end to end through runJob (in this thread, as `sesame jobs run` does): what a run
// changes in the database, batching, cancellation.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Env } from '../../src/config/env.js';
import { issueAcceptToken } from '../../src/invitations/accept-token.js';
import type { JobContext } from '../../src/jobs/job.js';
import { runJob } from '../../src/jobs/run-job.js';
import { seatSummary } from '../../src/seats/seat-summary.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { DAY, organizationWithInvitations, testEnv, testLog } from './support.js';

// Jobs work across organizations: each test gets a database of its own, so that the counts a
// run returns are this test's alone.
let t: TestDatabase;
let env: Env;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ env, cleanup } = await testEnv());
});
afterAll(() => cleanup());
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(() => t.close());

const at = (days: number) => new Date(Date.now() + days * DAY);
const ctx = (now: Date, signal?: AbortSignal): JobContext => ({ db: t.prisma, env, log: testLog(), now, signal });

describe('send-reminders', () => {
  it('queues day 3 and day 10 once each, and nothing after expiry', async () => {
    const { ids } = await organizationWithInvitations(t.prisma, 1, { prefix: 'rem' });
    const id = ids[0] ?? '';
    const emails = () =>
      t.prisma.outboxMessage.findMany({
        where: { kind: 'invitation.email', payload: { path: ['invitationId'], equals: id } },
        orderBy: { id: 'asc' },
      });
    const remind = async (days: number) => (await runJob('send-reminders', ctx(at(days)))).summary.reminded;

    expect(await remind(2)).toBe(0);
    expect(await remind(3.1)).toBe(1);
    expect(await remind(3.2)).toBe(0);
    expect(await remind(9.9)).toBe(0);
    expect(await remind(10.1)).toBe(1);
    expect(await remind(11)).toBe(0);
    expect(await remind(20)).toBe(0);
    const rows = await emails();
    expect(rows.map((r) => [r.idempotencyKey, (r.payload as { reason: string }).reason])).toEqual([
      [`invitation:${id}:send:1`, expect.any(String)],
      [`invitation:${id}:send:2`, 'reminder'],
      [`invitation:${id}:send:3`, 'reminder'],
    ]);
    expect(
      await t.prisma.auditEvent.count({ where: { subjectId: id, action: 'invitation.reminded', channel: 'system' } }),
    ).toBe(2);
  });

  it('sends nothing for an invitation that expired before its reminder was due', async () => {
    const { ids } = await organizationWithInvitations(t.prisma, 1, { prefix: 'late' });
    const id = ids[0] ?? '';
    await t.prisma.invitation.update({ where: { id }, data: { expiresAt: at(2) } });
    expect((await runJob('send-reminders', ctx(at(3.5)))).summary.reminded).toBe(0);
    expect(await t.prisma.invitation.findUniqueOrThrow({ where: { id } })).toMatchObject({ remindersSent: 0 });
  });
});

describe('expire-invitations', () => {
  it('expires once, frees the seat, tells the inviter and queues the webhook', async () => {
    const { owner, ids } = await organizationWithInvitations(t.prisma, 1, { prefix: 'exp' });
    const id = ids[0] ?? '';
    const endpoint = await t.prisma.webhookEndpoint.create({
      data: { organizationId: owner.organization.id, url: 'https://hooks.example.com/sesame', secret: 's3cret' },
    });
    expect((await seatSummary(t.prisma, owner)).pending).toBe(1);
    expect((await runJob('expire-invitations', ctx(at(13.9)))).summary).toEqual({ expired: 0 });

    const run = await runJob('expire-invitations', ctx(at(14.1)));
    expect(run).toMatchObject({ job: 'expire-invitations', summary: { expired: 1 }, batches: 1, incomplete: false });
    expect((await runJob('expire-invitations', ctx(at(14.2)))).summary).toEqual({ expired: 0 });

    expect(await t.prisma.invitation.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'EXPIRED',
      openEmail: null,
      closedReason: 'expired',
    });
    expect((await seatSummary(t.prisma, owner)).pending).toBe(0);
    // This expiry is named by the end of the lifetime that ran out (an invitation may expire again).
    const expiry = `${id}:${(await t.prisma.invitation.findUniqueOrThrow({ where: { id } })).expiresAt.toISOString()}`;
    const notification = await t.prisma.outboxMessage.findUniqueOrThrow({
      where: { idempotencyKey: `invitation:${expiry.replace(':', ':expired:')}` },
    });
    expect(notification).toMatchObject({
      kind: 'notification',
      payload: { type: 'invitation.expired', invitationId: id, recipientId: owner.member.id },
    });
    const webhook = await t.prisma.outboxMessage.findUniqueOrThrow({
      where: { idempotencyKey: `webhook:${endpoint.id}:invitation.expired:${expiry}` },
    });
    expect(webhook).toMatchObject({
      kind: 'webhook',
      payload: { event: 'invitation.expired', endpointId: endpoint.id },
    });
    expect(await t.prisma.auditEvent.count({ where: { subjectId: id, action: 'invitation.expired' } })).toBe(1);
  });

  it('drains a backlog in full batches, up to the batch bound, and stops between batches when cancelled', async () => {
    const { ids } = await organizationWithInvitations(t.prisma, 7, { prefix: 'batch' });
    await t.prisma.invitation.updateMany({ where: { id: { in: ids } }, data: { expiresAt: at(-1) } });
    const bounded = await runJob('expire-invitations', ctx(new Date()), { payload: { limit: 2 }, maxBatches: 2 });
    expect(bounded).toMatchObject({ summary: { expired: 4 }, batches: 2, incomplete: true });

    const cancelled = new AbortController();
    cancelled.abort();
    expect(
      await runJob('expire-invitations', ctx(new Date(), cancelled.signal), { payload: { limit: 2 } }),
    ).toMatchObject({
      summary: {},
      batches: 0,
      incomplete: true,
    });

    const rest = await runJob('expire-invitations', ctx(new Date()), { payload: { limit: 2 } });
    // 3 left: a full batch of 2, then a batch of 1 (not full: the run ends).
    expect(rest).toMatchObject({ summary: { expired: 3 }, batches: 2, incomplete: false });
    expect(await t.prisma.invitation.count({ where: { id: { in: ids }, status: 'EXPIRED' } })).toBe(7);
  });

  it('refuses options its schema refuses, and unknown jobs', async () => {
    await expect(runJob('expire-invitations', ctx(new Date()), { payload: { limit: 0 } })).rejects.toThrow();
    await expect(runJob('bogus' as never, ctx(new Date()))).rejects.toThrow(/expected one of send-reminders/);
  });
});

describe('clean-up-tokens', () => {
  it('deletes the tokens of invitations that expired longer than the retention ago, and keeps the others', async () => {
    const { ids } = await organizationWithInvitations(t.prisma, 3, { prefix: 'tok' });
    const [closedLongAgo, closedRecently, open] = ids as [string, string, string];
    // A token is kept until 30 days after its invitation's expiry date (set when it is minted).
    await t.prisma.invitation.update({
      where: { id: closedLongAgo },
      data: { status: 'EXPIRED', openEmail: null, expiresAt: at(-31), closedAt: at(-31) },
    });
    await t.prisma.invitation.update({
      where: { id: closedRecently },
      data: { status: 'REVOKED', openEmail: null, expiresAt: at(-1), closedAt: at(-1) },
    });
    for (const id of ids) await issueAcceptToken(t.prisma, id);
    const run = await runJob('clean-up-tokens', ctx(new Date()));
    expect(run.summary.deleted).toBeGreaterThanOrEqual(1);
    const left = async (id: string) => t.prisma.invitationToken.count({ where: { invitationId: id } });
    expect(await left(closedLongAgo)).toBe(0);
    expect(await left(closedRecently)).toBe(1);
    expect(await left(open)).toBe(1);
  });
});
