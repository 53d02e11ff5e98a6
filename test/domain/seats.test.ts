// Seats: holding beyond the limit, one seat request, decided exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../src/errors/app-error.js';
import { translate } from '../../src/i18n/messages.js';
import { invite } from '../../src/invitations/invite.js';
import { revokeInvitation } from '../../src/invitations/revoke.js';
import { decideSeatRequest } from '../../src/seats/decide-seat-request.js';
import { listSeatRequests } from '../../src/seats/list-seat-requests.js';
import { seatSummary } from '../../src/seats/seat-summary.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { failure, memberActor, newOrganization } from './fixtures.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe('seats', () => {
  it('counts members and pending invitations, and holds what does not fit behind one request', async () => {
    const { owner } = await newOrganization(t.prisma, { seats: 3 }); // the owner takes one seat
    const result = await invite(t.prisma, owner, {
      emails: ['a@x.com', 'b@x.com', 'c@x.com', 'd@x.com'],
      userType: 'Editor',
    });
    expect(result.results.map((r) => r.outcome)).toEqual(['invited', 'invited', 'held', 'held']);
    expect(result.seatRequestId).toBeDefined();
    const summary = await seatSummary(t.prisma, owner);
    expect(summary).toMatchObject({ limit: 3, used: 3, remaining: 0, members: 1, pending: 2, awaitingApproval: 2 });
    expect(summary.byUserType).toEqual({ creator: 1, editor: 2 });
    const [request] = await listSeatRequests(t.prisma, owner);
    expect(request).toMatchObject({
      seatsRequested: 2,
      limitBefore: 3,
      limitAfter: 5,
      status: 'PENDING',
      requestedByEmail: owner.member.email,
    });
    // Held invitations get no e-mail until approved; the managers are notified.
    expect(
      await t.prisma.outboxMessage.count({
        where: { organizationId: owner.organization.id, kind: 'invitation.email' },
      }),
    ).toBe(2);
    expect(
      await t.prisma.outboxMessage.count({ where: { organizationId: owner.organization.id, kind: 'notification' } }),
    ).toBe(1);
  });

  it('approving raises the limit and sends the held invitations, once, whoever clicks', async () => {
    const { owner } = await newOrganization(t.prisma, { seats: 1 });
    const m1 = await memberActor(t.prisma, owner, { email: 'm1@x.com', manager: true });
    const m2 = await memberActor(t.prisma, owner, { email: 'm2@x.com', manager: true });
    // Two members were added directly in set-up, so the organization is already over its limit.
    const { seatRequestId } = await invite(t.prisma, owner, { emails: ['a@x.com', 'b@x.com'] });
    const requestId = seatRequestId ?? '';
    const outcomes = await Promise.allSettled([
      decideSeatRequest(t.prisma, m1, { requestId, decision: 'approve' }),
      decideSeatRequest(t.prisma, m2, { requestId, decision: 'approve' }),
    ]);
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const error = lost[0]?.reason as AppError;
    expect(error.code).toBe('seat_request.already_decided');
    expect(translate('en', 'seat_request.already_decided', error.params as never)).toMatch(
      /already approved by m[12]@x\.com/,
    );
    const summary = await seatSummary(t.prisma, owner);
    expect(summary).toMatchObject({ limit: 3, pending: 2, awaitingApproval: 0 });
    expect(
      await t.prisma.outboxMessage.count({
        where: { organizationId: owner.organization.id, kind: 'invitation.email' },
      }),
    ).toBe(2);
    const decidedNotices = await t.prisma.outboxMessage.findMany({
      where: { organizationId: owner.organization.id, idempotencyKey: `seat_request:${requestId}:decided` },
    });
    expect(decidedNotices).toHaveLength(1);
    expect(decidedNotices[0]?.payload).toMatchObject({ recipientId: owner.member.id });
  });

  it('denying cancels the held invitations with the reason, and needs a reason', async () => {
    const { owner } = await newOrganization(t.prisma, { seats: 1 });
    const { seatRequestId, results } = await invite(t.prisma, owner, { emails: ['a@x.com'] });
    const requestId = seatRequestId ?? '';
    expect((await failure(decideSeatRequest(t.prisma, owner, { requestId, decision: 'deny' }))).code).toBe(
      'seat_request.reason_required',
    );
    const decided = await decideSeatRequest(t.prisma, owner, {
      requestId,
      decision: 'deny',
      reason: 'No budget this quarter',
    });
    expect(decided).toMatchObject({ invitations: 1, limitAfter: 1 });
    const invitation = await t.prisma.invitation.findUniqueOrThrow({ where: { id: results[0]?.invitationId ?? '' } });
    expect(invitation).toMatchObject({ status: 'CANCELLED', closedReason: 'No budget this quarter', openEmail: null });
    const again = await failure(decideSeatRequest(t.prisma, owner, { requestId, decision: 'approve' }));
    expect(translate('fr', again.code, again.params as never)).toBe(
      `Cette demande a déjà été refusée par ${owner.member.email}.`,
    );
    // The address can be invited again later.
    expect((await invite(t.prisma, owner, { emails: ['a@x.com'] })).results[0]?.outcome).toBe('held');
  });

  it('lets only managers and owners decide', async () => {
    const { owner } = await newOrganization(t.prisma, { seats: 1 });
    const admin = await memberActor(t.prisma, owner, { email: 'admin@x.com', role: 'administrator' });
    const { seatRequestId } = await invite(t.prisma, admin, { emails: ['a@x.com'] });
    expect(
      (await failure(decideSeatRequest(t.prisma, admin, { requestId: seatRequestId ?? '', decision: 'approve' }))).code,
    ).toBe('permission.decide');
  });

  it('does not let one organization decide another one’s request', async () => {
    const a = await newOrganization(t.prisma, { seats: 1 });
    const b = await newOrganization(t.prisma, { seats: 1 });
    const { seatRequestId } = await invite(t.prisma, a.owner, { emails: ['a@x.com'] });
    expect(
      (await failure(decideSeatRequest(t.prisma, b.owner, { requestId: seatRequestId ?? '', decision: 'approve' })))
        .code,
    ).toBe('seat_request.not_found');
  });

  it('revoking a held invitation asks for one seat fewer', async () => {
    const { owner } = await newOrganization(t.prisma, { seats: 1 });
    const { seatRequestId } = await invite(t.prisma, owner, { emails: ['a@x.com', 'b@x.com'] });
    await revokeInvitation(t.prisma, owner, 'a@x.com');
    const decided = await decideSeatRequest(t.prisma, owner, { requestId: seatRequestId ?? '', decision: 'approve' });
    expect(decided).toMatchObject({ invitations: 1, limitAfter: 2 });
  });
});
