// Expiry (src/invitations/expire.ts): due invitations expire once, even with two runs at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../src/errors/app-error.js';
import { openInvitationLink } from '../../src/invitations/accept.js';
import { bulkResendExpired } from '../../src/invitations/bulk-resend-expired.js';
import { expireDueInvitations } from '../../src/invitations/expire.js';
import { seatSummary } from '../../src/seats/seat-summary.js';
import { failure, newInvitation } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const DAY = 86_400_000;
const invited = (email: string) => newInvitation(t.prisma, email);

describe('expiry', () => {
  it('expires due invitations once, frees their seats and tells the inviters', async () => {
    const { owner, id, token } = await invited('old@x.com');
    const later = new Date(Date.now() + 15 * DAY);
    expect(await expireDueInvitations(t.prisma, { now: new Date() })).toBe(0);
    const [first, second] = await Promise.all([
      expireDueInvitations(t.prisma, { now: later }),
      expireDueInvitations(t.prisma, { now: later }),
    ]);
    expect((first ?? 0) + (second ?? 0)).toBeGreaterThanOrEqual(1);
    expect(await t.prisma.invitation.findUnique({ where: { id } })).toMatchObject({
      status: 'EXPIRED',
      openEmail: null,
    });
    expect(await t.prisma.auditEvent.count({ where: { subjectId: id, action: 'invitation.expired' } })).toBe(1);
    const { expiresAt } = await t.prisma.invitation.findUniqueOrThrow({ where: { id } });
    expect(
      await t.prisma.outboxMessage.count({
        where: { idempotencyKey: `invitation:${id}:expired:${expiresAt.toISOString()}` },
      }),
    ).toBe(1);
    expect((await seatSummary(t.prisma, owner)).pending).toBe(0);
    expect(((await failure(openInvitationLink(t.prisma, token))) as AppError).code).toBe('accept.expired');
  });

  it('announces each expiry of an invitation brought back in between: the inviter and the webhooks hear both', async () => {
    const { owner, id } = await invited('twice@x.com');
    await t.prisma.webhookEndpoint.create({
      data: { organizationId: owner.organization.id, url: 'https://hooks.example.com/sesame', secret: 'whsec_test' },
    });
    const announcements = async () => ({
      notices: await t.prisma.outboxMessage.count({
        where: { kind: 'notification', idempotencyKey: { startsWith: `invitation:${id}:expired` } },
      }),
      webhooks: await t.prisma.outboxMessage.count({
        where: { kind: 'webhook', idempotencyKey: { contains: `:invitation.expired:${id}` } },
      }),
    });
    const firstExpiry = new Date(Date.now() + 15 * DAY);
    expect(await expireDueInvitations(t.prisma, { now: firstExpiry })).toBe(1);
    expect(await announcements()).toEqual({ notices: 1, webhooks: 1 });

    // Brought back by "resend all expired": a new lifetime, which runs out in its turn.
    const revived = await bulkResendExpired(t.prisma, owner, { days: 30, now: new Date(firstExpiry.getTime() + DAY) });
    expect(revived.ids).toEqual([id]);
    const secondExpiry = new Date(firstExpiry.getTime() + 20 * DAY);
    expect(await expireDueInvitations(t.prisma, { now: secondExpiry })).toBe(1);
    expect(await announcements()).toEqual({ notices: 2, webhooks: 2 });
    // A run again over the same expiry adds nothing.
    await t.prisma.$executeRawUnsafe(`UPDATE invitation SET status = 'PENDING' WHERE id = $1::uuid`, id);
    expect(await expireDueInvitations(t.prisma, { now: secondExpiry })).toBe(1);
    expect(await announcements()).toEqual({ notices: 2, webhooks: 2 });
  });
});
