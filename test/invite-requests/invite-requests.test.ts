// Invite requests from members who are not admins (issue 19, item 3): a request goes to the
// admins, approving invites as the approving admin (through invite(): seats, domains, roles),
// denying says why, a request is decided once, duplicates are merged, and the organization can
// turn requests off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../src/errors/app-error.js';
import { translate } from '../../src/i18n/messages.js';
import { invite } from '../../src/invitations/invite.js';
import { decideInviteRequest } from '../../src/invite-requests/decide-invite-request.js';
import { listInviteRequests } from '../../src/invite-requests/list-invite-requests.js';
import { requestInvitation } from '../../src/invite-requests/request-invitation.js';
import { updateOrganizationSetting } from '../../src/organizations/update-setting.js';
import type { Actor } from '../../src/permissions/actor.js';
import { failure, memberActor, newOrganization, refreshed } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

async function organization(seats = 10) {
  const { owner } = await newOrganization(t.prisma, { seats });
  const ana = await memberActor(t.prisma, owner, { email: 'ana@members.example' });
  const ben = await memberActor(t.prisma, owner, { email: 'ben@members.example' });
  const admin = await memberActor(t.prisma, owner, { email: 'admin@members.example', role: 'administrator' });
  return { owner, ana, ben, admin };
}

const notifications = (actor: Actor) =>
  t.prisma.outboxMessage.findMany({
    where: { organizationId: actor.organization.id, kind: 'notification' },
    orderBy: { createdAt: 'asc' },
  });
const audit = (actor: Actor, action: string) =>
  t.prisma.auditEvent.findMany({ where: { organizationId: actor.organization.id, action } });

describe('a member who may not invite', () => {
  it('asks; the admins get a card; approving invites the address as the admin who approved', async () => {
    const { ana, admin } = await organization();
    const asked = await requestInvitation(t.prisma, ana, { email: ' Zoe@Partner.example ', note: 'our new analyst' });
    expect(asked.outcome).toBe('requested');
    if (asked.outcome !== 'requested') return;
    expect(asked.request).toMatchObject({ email: 'zoe@partner.example', note: 'our new analyst', status: 'PENDING' });
    expect((await notifications(ana)).map((n) => n.payload)).toEqual([
      { type: 'invite_request.created', inviteRequestId: asked.request.id },
    ]);
    expect(await audit(ana, 'invite_request.requested')).toHaveLength(1);

    const decided = await decideInviteRequest(t.prisma, admin, { requestId: asked.request.id, decision: 'approve' });
    expect(decided.invitation?.outcome).toBe('invited');
    const invitation = await t.prisma.invitation.findUniqueOrThrow({ where: { id: decided.invitation?.invitationId } });
    expect(invitation).toMatchObject({ email: 'zoe@partner.example', inviterId: admin.member.id, status: 'PENDING' });
    expect(decided.request).toMatchObject({
      status: 'APPROVED',
      decidedById: admin.member.id,
      invitationId: invitation.id,
    });
    const [approved] = await audit(ana, 'invite_request.approved');
    expect(approved).toMatchObject({ actorId: admin.member.id });
    expect(approved?.data).toMatchObject({ requestedBy: ['ana@members.example'], invitationId: invitation.id });
    const told = (await notifications(ana)).map((n) => n.payload);
    expect(told).toContainEqual({
      type: 'invite_request.decided',
      inviteRequestId: asked.request.id,
      recipientId: ana.member.id,
    });
  });

  it('hears why when an admin denies, and the reason is required', async () => {
    const { ana, admin } = await organization();
    const asked = await requestInvitation(t.prisma, ana, { email: 'x@partner.example' });
    if (asked.outcome !== 'requested') throw new Error(asked.outcome);
    const refused = await failure<AppError>(
      decideInviteRequest(t.prisma, admin, { requestId: asked.request.id, decision: 'deny' }),
    );
    expect(refused.code).toBe('invite_request.reason_required');
    const denied = await decideInviteRequest(t.prisma, admin, {
      requestId: asked.request.id,
      decision: 'deny',
      reason: 'Not a partner of ours',
    });
    expect(denied.request).toMatchObject({ status: 'DENIED', reason: 'Not a partner of ours', openEmail: null });
    expect(
      await t.prisma.invitation.count({ where: { organizationId: ana.organization.id, email: 'x@partner.example' } }),
    ).toBe(0);
    expect((await notifications(ana)).map((n) => n.idempotencyKey)).toContain(
      `invite_request:${asked.request.id}:decided:${ana.member.id}`,
    );
    expect(await audit(ana, 'invite_request.denied')).toHaveLength(1);
  });

  it('is decided once when two admins click at once; the second is told who decided', async () => {
    const { owner, ana, admin } = await organization();
    const asked = await requestInvitation(t.prisma, ana, { email: 'race@partner.example' });
    if (asked.outcome !== 'requested') throw new Error(asked.outcome);
    const outcomes = await Promise.allSettled([
      decideInviteRequest(t.prisma, admin, { requestId: asked.request.id, decision: 'approve' }),
      decideInviteRequest(t.prisma, owner, { requestId: asked.request.id, decision: 'deny', reason: 'no' }),
    ]);
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const loser = lost[0]?.reason as AppError<'invite_request.already_decided'>;
    expect(loser.code).toBe('invite_request.already_decided');
    const request = await t.prisma.inviteRequest.findUniqueOrThrow({ where: { id: asked.request.id } });
    const decider = request.decidedById === admin.member.id ? admin : owner;
    expect(translate('en', 'invite_request.already_decided', loser.params)).toContain(decider.member.email);
    const invitations = await t.prisma.invitation.count({
      where: { organizationId: ana.organization.id, email: 'race@partner.example' },
    });
    expect(invitations).toBe(request.status === 'APPROVED' ? 1 : 0);
    // One decision, one set of notifications and one audit event.
    const decisions = await t.prisma.auditEvent.count({
      where: {
        organizationId: ana.organization.id,
        action: { in: ['invite_request.approved', 'invite_request.denied'] },
      },
    });
    expect(decisions).toBe(1);
  });

  it('joins a pending request for the same address: one request, both requesters told', async () => {
    const { ana, ben, admin } = await organization();
    const [first, second] = await Promise.all([
      requestInvitation(t.prisma, ana, { email: 'dup@partner.example' }),
      requestInvitation(t.prisma, ben, { email: 'DUP@partner.example' }),
    ]);
    expect([first?.outcome, second?.outcome].sort()).toEqual(['joined', 'requested']);
    const again = await requestInvitation(t.prisma, ana, { email: 'dup@partner.example' });
    expect(again.outcome).toBe('already_requested');
    const requests = await t.prisma.inviteRequest.findMany({ where: { organizationId: ana.organization.id } });
    expect(requests).toHaveLength(1);
    const id = requests[0]?.id ?? '';
    await decideInviteRequest(t.prisma, admin, { requestId: id, decision: 'deny', reason: 'Later' });
    const told = (await notifications(ana))
      .map((n) => n.payload as { type: string; recipientId?: string })
      .filter((p) => p.type === 'invite_request.decided')
      .map((p) => p.recipientId)
      .sort();
    expect(told).toEqual([ana.member.id, ben.member.id].sort());
  });

  it('is answered at once for an address already invited or a member, without a request', async () => {
    const { owner, ana } = await organization();
    await invite(t.prisma, owner, { emails: ['open@partner.example'] });
    expect((await requestInvitation(t.prisma, ana, { email: 'open@partner.example' })).outcome).toBe('already_invited');
    expect((await requestInvitation(t.prisma, ana, { email: 'BEN@members.example' })).outcome).toBe('already_member');
    expect(await t.prisma.inviteRequest.count({ where: { organizationId: ana.organization.id } })).toBe(0);
  });

  it('is refused with a clear text when the organization turned requests off', async () => {
    const { owner, ana } = await organization();
    await updateOrganizationSetting(t.prisma, owner, 'invite-requests', 'off');
    const refused = await failure<AppError>(requestInvitation(t.prisma, ana, { email: 'z@partner.example' }));
    expect(refused.code).toBe('invite_request.off');
    expect(translate('fr', 'invite_request.off', {})).toContain('désactivées');
    await updateOrganizationSetting(t.prisma, owner, 'invite-requests', 'on');
    expect((await requestInvitation(t.prisma, ana, { email: 'z@partner.example' })).outcome).toBe('requested');
  });

  it('is checked at the edge: allowed domains, the address, the note; admins invite instead', async () => {
    const { owner, ana, admin } = await organization();
    await updateOrganizationSetting(t.prisma, owner, 'allowed-domains', 'members.example');
    const member = await refreshed(t.prisma, ana);
    const outside = await failure<AppError>(requestInvitation(t.prisma, member, { email: 'z@elsewhere.example' }));
    expect(outside.code).toBe('email.domain_not_allowed');
    const malformed = await failure<AppError>(requestInvitation(t.prisma, member, { email: 'not-an-address' }));
    expect(malformed.code).toBe('email.malformed');
    const long = await failure<AppError>(
      requestInvitation(t.prisma, member, { email: 'new@members.example', note: 'x'.repeat(501) }),
    );
    expect(long.code).toBe('invite_request.note_too_long');
    const self = await failure<AppError>(requestInvitation(t.prisma, admin, { email: 'new@members.example' }));
    expect(self.code).toBe('invite_request.invite_instead');
  });

  it('holds the invitation beyond the seat limit, like any other invite', async () => {
    // The owner and the three members take the four seats.
    const { ana, admin } = await organization(4);
    const asked = await requestInvitation(t.prisma, ana, { email: 'extra@partner.example' });
    if (asked.outcome !== 'requested') throw new Error(asked.outcome);
    const decided = await decideInviteRequest(t.prisma, admin, { requestId: asked.request.id, decision: 'approve' });
    expect(decided.invitation?.outcome).toBe('held');
  });

  it('cannot be seen, decided by a member, nor decided from another organization', async () => {
    const { ana, ben } = await organization();
    const other = await organization();
    const asked = await requestInvitation(t.prisma, ana, { email: 'mine@partner.example' });
    if (asked.outcome !== 'requested') throw new Error(asked.outcome);
    const notFound = await failure<AppError>(
      decideInviteRequest(t.prisma, other.admin, { requestId: asked.request.id, decision: 'approve' }),
    );
    expect(notFound.code).toBe('invite_request.not_found');
    const forbidden = await failure<AppError>(
      decideInviteRequest(t.prisma, ben, { requestId: asked.request.id, decision: 'approve' }),
    );
    expect(forbidden.code).toBe('permission.decide_invite_requests');
    expect((await failure<AppError>(listInviteRequests(t.prisma, ben))).code).toBe('permission.list_invite_requests');
    expect(await listInviteRequests(t.prisma, other.admin)).toEqual([]);
  });
});
