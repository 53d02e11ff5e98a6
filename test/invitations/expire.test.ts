// Expiry (src/invitations/expire.ts): due invitations expire once, even with two runs at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../src/errors/app-error.js';
import { openInvitationLink } from '../../src/invitations/accept.js';
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
    expect(await t.prisma.outboxMessage.count({ where: { idempotencyKey: `invitation:${id}:expired` } })).toBe(1);
    expect((await seatSummary(t.prisma, owner)).pending).toBe(0);
    expect(((await failure(openInvitationLink(t.prisma, token))) as AppError).code).toBe('accept.expired');
  });
});
