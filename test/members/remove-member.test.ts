// Removing a member (issue 17, item 5): owners and administrators remove a member, an owner only
// by another owner, never themselves and never the last owner. The removal frees the seat, the
// username and the address at once (a re-invite works right after), hands the invitations and
// seat requests the member made to whoever removes them, and is audited and sent as a
// `member.removed` webhook.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCompany } from '../../src/companies/add-company.js';
import { setCompanySecured } from '../../src/companies/secure-company.js';
import type { AppError } from '../../src/errors/app-error.js';
import { invite } from '../../src/invitations/invite.js';
import { addMember } from '../../src/members/add-member.js';
import { previewMemberRemoval, removeMember } from '../../src/members/remove-member.js';
import { resolveActor } from '../../src/members/resolve-actor.js';
import { updateOrganizationSetting } from '../../src/organizations/update-setting.js';
import type { Actor } from '../../src/permissions/actor.js';
import { assertCanRemoveMember } from '../../src/permissions/policy.js';
import { seatSummary } from '../../src/seats/seat-summary.js';
import { failure, memberActor, newOrganization, refreshed } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const person = (email: string, username?: string) => ({
  email,
  firstName: 'Ana',
  lastName: 'Lopes',
  password: 'Tr0mbone-Lavande-42',
  ...(username ? { username } : {}),
});

/** A second owner (owners are made when an organization is created; tests make a second one). */
async function secondOwner(owner: Actor, email: string): Promise<Actor> {
  await memberActor(t.prisma, owner, { email, role: 'administrator' });
  await t.prisma.member.update({
    where: { organizationId_email: { organizationId: owner.organization.id, email } },
    data: { isOwner: true },
  });
  return resolveActor(t.prisma, { organization: owner.organization, email, channel: 'cli' });
}

describe('removing a member', () => {
  it('frees the seat, the username and the address at once: the same person is invited again right after', async () => {
    const { owner } = await newOrganization(t.prisma, { seats: 2 });
    const orgId = owner.organization.id;
    await t.prisma.webhookEndpoint.create({
      data: { organizationId: orgId, url: 'https://hooks.example.com/sesame', secret: 'whsec_test' },
    });
    const { member } = await addMember(t.prisma, owner, person('ana@example.com', 'ana.gis'));
    expect(await seatSummary(t.prisma, owner)).toMatchObject({ limit: 2, used: 2, remaining: 0 });

    const preview = await previewMemberRemoval(t.prisma, owner, 'ANA@example.com');
    expect(preview).toMatchObject({ email: 'ana@example.com', username: 'ana.gis', kind: 'internal', company: null });

    const removed = await removeMember(t.prisma, owner, { email: ' Ana@Example.com ' });
    expect(removed).toMatchObject({ memberId: member.id, email: 'ana@example.com', username: 'ana.gis' });
    expect(await t.prisma.member.findUnique({ where: { id: member.id } })).toBeNull();
    expect(await seatSummary(t.prisma, owner)).toMatchObject({ used: 1, remaining: 1, members: 1 });

    const audit = await t.prisma.auditEvent.findFirstOrThrow({
      where: { organizationId: orgId, action: 'member.removed' },
    });
    expect(audit).toMatchObject({ subjectType: 'member', subjectId: member.id, actorEmail: owner.member.email });
    expect(audit.data).toMatchObject({ email: 'ana@example.com', username: 'ana.gis', kind: 'internal' });
    const webhook = await t.prisma.outboxMessage.findFirstOrThrow({
      where: { organizationId: orgId, kind: 'webhook', payload: { path: ['event'], equals: 'member.removed' } },
    });
    expect((webhook.payload as { data: unknown }).data).toMatchObject({
      memberId: member.id,
      email: 'ana@example.com',
      username: 'ana.gis',
      firstName: 'Ana',
      lastName: 'Lopes',
      kind: 'internal',
      company: null,
    });

    // "Resend" to a member added directly: remove, then invite, with the same username.
    const again = await invite(t.prisma, owner, { emails: ['ana@example.com'], username: 'ana.gis' });
    expect(again.results).toMatchObject([{ email: 'ana@example.com', outcome: 'invited' }]);
    const invitation = await t.prisma.invitation.findUniqueOrThrow({ where: { id: again.results[0]?.invitationId } });
    expect(invitation.openUsername).toBe('ana.gis');
    expect(await seatSummary(t.prisma, owner)).toMatchObject({ used: 2, pending: 1 });
  });

  it('frees an external seat for an external member and says so', async () => {
    const { owner } = await newOrganization(t.prisma, { seats: 5 });
    await addCompany(t.prisma, owner, { name: 'Groupe JLO' });
    await setCompanySecured(t.prisma, owner, 'Groupe JLO', true);
    await updateOrganizationSetting(t.prisma, owner, 'external-seats', '1');
    const actor = await refreshed(t.prisma, owner);
    await addMember(t.prisma, actor, { ...person('ex@jlo.example'), company: 'Groupe JLO' });
    expect((await seatSummary(t.prisma, actor)).external).toMatchObject({ used: 1, members: 1 });

    const removed = await removeMember(t.prisma, actor, { email: 'ex@jlo.example' });
    expect(removed).toMatchObject({ kind: 'external', company: 'Groupe JLO' });
    expect((await seatSummary(t.prisma, actor)).external).toMatchObject({ used: 0, members: 0 });
    const webhook = await t.prisma.outboxMessage.findMany({
      where: { organizationId: actor.organization.id, kind: 'webhook' },
    });
    expect(webhook).toEqual([]); // no endpoint: nothing queued
  });

  it('keeps the invitations and seat requests a removed administrator made, handed to whoever removes them', async () => {
    const { owner } = await newOrganization(t.prisma, { seats: 3 });
    const admin = await memberActor(t.prisma, owner, { email: 'admin@example.com', role: 'administrator' });
    // The admin fills the last seat and has one invitation held beyond the limit.
    const made = await invite(t.prisma, admin, { emails: ['p1@example.com', 'p2@example.com'] });
    expect(made.results.map((r) => r.outcome)).toEqual(['invited', 'held']);
    await invite(t.prisma, admin, { emails: ['p3@example.com'] }); // held too, on the same request

    const preview = await previewMemberRemoval(t.prisma, owner, 'admin@example.com');
    expect(preview).toMatchObject({ openInvitations: 3, pendingSeatRequests: 1 });
    const removed = await removeMember(t.prisma, owner, { email: 'admin@example.com' });
    expect(removed).toMatchObject({ openInvitations: 3, pendingSeatRequests: 1 });

    const invitations = await t.prisma.invitation.findMany({ where: { organizationId: owner.organization.id } });
    expect(invitations).toHaveLength(3);
    expect(new Set(invitations.map((i) => i.inviterId))).toEqual(new Set([owner.member.id]));
    const request = await t.prisma.seatRequest.findFirstOrThrow({ where: { organizationId: owner.organization.id } });
    expect(request).toMatchObject({ requestedById: owner.member.id, status: 'PENDING' });
    // The admin's seat is free; the held invitations still wait for a manager's decision.
    expect(await seatSummary(t.prisma, owner)).toMatchObject({ members: 1, pending: 1, awaitingApproval: 2 });
  });

  it('removes a manager like any member', async () => {
    const { owner } = await newOrganization(t.prisma);
    await memberActor(t.prisma, owner, { email: 'manager@example.com', manager: true });
    await expect(removeMember(t.prisma, owner, { email: 'manager@example.com' })).resolves.toMatchObject({
      email: 'manager@example.com',
    });
  });

  it('is for owners and administrators only, and an owner is removed by another owner only', async () => {
    const { owner } = await newOrganization(t.prisma);
    const viewer = await memberActor(t.prisma, owner, { email: 'viewer@example.com' });
    const admin = await memberActor(t.prisma, owner, { email: 'admin@example.com', role: 'administrator' });
    await memberActor(t.prisma, owner, { email: 'other@example.com' });

    const plain = await failure<AppError>(removeMember(t.prisma, viewer, { email: 'other@example.com' }));
    expect([plain.code, plain.kind]).toEqual(['permission.remove_member', 'forbidden']);
    expect((await failure<AppError>(previewMemberRemoval(t.prisma, viewer, 'other@example.com'))).code).toBe(
      'permission.remove_member',
    );
    const ownerByAdmin = await failure<AppError>(removeMember(t.prisma, admin, { email: owner.member.email }));
    expect([ownerByAdmin.code, ownerByAdmin.kind]).toEqual(['member.remove_owner', 'forbidden']);
    expect((await failure<AppError>(previewMemberRemoval(t.prisma, admin, owner.member.email))).code).toBe(
      'member.remove_owner',
    );
    // An administrator removes another administrator or a plain member.
    await memberActor(t.prisma, owner, { email: 'admin2@example.com', role: 'administrator' });
    await removeMember(t.prisma, admin, { email: 'admin2@example.com' });
    await removeMember(t.prisma, admin, { email: 'other@example.com' });
    expect(await t.prisma.member.count({ where: { organizationId: owner.organization.id } })).toBe(3);
  });

  it('never removes yourself, nor the last owner; an owner removes another owner', async () => {
    const { owner } = await newOrganization(t.prisma);
    const admin = await memberActor(t.prisma, owner, { email: 'admin@example.com', role: 'administrator' });
    const self = await failure<AppError>(removeMember(t.prisma, admin, { email: 'ADMIN@example.com' }));
    expect([self.code, self.kind]).toEqual(['member.remove_self', 'refused']);
    expect((await failure<AppError>(removeMember(t.prisma, owner, { email: owner.member.email }))).code).toBe(
      'member.remove_self',
    );

    const second = await secondOwner(owner, 'second.owner@example.com');
    await removeMember(t.prisma, second, { email: owner.member.email });
    const owners = await t.prisma.member.findMany({ where: { organizationId: owner.organization.id, isOwner: true } });
    expect(owners.map((o) => o.email)).toEqual(['second.owner@example.com']);
    // The removed owner can no longer act: their actor is refused, even holding an old Actor.
    const gone = await failure<AppError>(removeMember(t.prisma, owner, { email: 'admin@example.com' }));
    expect(gone.code).toBe('member.not_found');
    expect(await t.prisma.member.count({ where: { organizationId: owner.organization.id } })).toBe(2);
  });

  it('refuses to remove the last owner: the rule the removal applies under the lock', async () => {
    const { owner } = await newOrganization(t.prisma);
    const second = await secondOwner(owner, 'second.owner@example.com');
    // Seen by the second owner while the first is the only one left (the other removal won).
    const last = await failure<AppError>((async () => assertCanRemoveMember(second, owner.member, 1))());
    expect([last.code, last.kind]).toEqual(['member.last_owner', 'refused']);
    expect(() => assertCanRemoveMember(second, owner.member, 2)).not.toThrow();
  });

  it('leaves one owner when the last two owners remove each other at the same time', async () => {
    for (let round = 0; round < 3; round++) {
      const { owner } = await newOrganization(t.prisma);
      const second = await secondOwner(owner, `second.${round}@example.com`);
      const outcomes = await Promise.allSettled([
        removeMember(t.prisma, owner, { email: second.member.email }),
        removeMember(t.prisma, second, { email: owner.member.email }),
      ]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
      const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
      expect((refused.reason as AppError).code).toBe('member.not_found');
      expect(await t.prisma.member.count({ where: { organizationId: owner.organization.id, isOwner: true } })).toBe(1);
      expect(
        await t.prisma.auditEvent.count({ where: { organizationId: owner.organization.id, action: 'member.removed' } }),
      ).toBe(1);
    }
  });

  it("does not find another organization's member, nor an unknown address, and removes the member it showed", async () => {
    const { owner } = await newOrganization(t.prisma);
    const other = await newOrganization(t.prisma);
    await memberActor(t.prisma, other.owner, { email: 'elsewhere@example.com' });
    const elsewhere = await failure<AppError>(removeMember(t.prisma, owner, { email: 'elsewhere@example.com' }));
    expect([elsewhere.code, elsewhere.kind]).toEqual(['member.not_found', 'not_found']);
    expect((await failure<AppError>(previewMemberRemoval(t.prisma, owner, 'elsewhere@example.com'))).code).toBe(
      'member.not_found',
    );
    expect(await t.prisma.member.count({ where: { organizationId: other.organization.id } })).toBe(2);
    expect((await failure<AppError>(removeMember(t.prisma, owner, { email: 'not an address' }))).code).toBe(
      'member.not_found',
    );

    // A confirmation names the member it showed: the same address re-added since is another member.
    await memberActor(t.prisma, owner, { email: 'ana@example.com' });
    const shown = await previewMemberRemoval(t.prisma, owner, 'ana@example.com');
    await removeMember(t.prisma, owner, { email: 'ana@example.com' });
    await memberActor(t.prisma, owner, { email: 'ana@example.com' });
    const stale = await failure<AppError>(
      removeMember(t.prisma, owner, { email: 'ana@example.com', memberId: shown.memberId }),
    );
    expect(stale.code).toBe('member.not_found');
    expect(await t.prisma.member.count({ where: { organizationId: owner.organization.id } })).toBe(2);
  });
});
