// Securing a company again resumes its suspended invitations within the external seats (issue 16,
// item 4): the oldest pending ones keep their link while they fit, those beyond the room are held
// on the open request for external seats (created if needed, like any held invitation).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCompany } from '../../src/companies/add-company.js';
import { moveCompany } from '../../src/companies/move-company.js';
import { setCompanySecured } from '../../src/companies/secure-company.js';
import { openInvitationLink } from '../../src/invitations/accept.js';
import { issueAcceptToken } from '../../src/invitations/accept-token.js';
import { invite } from '../../src/invitations/invite.js';
import { updateOrganizationSetting } from '../../src/organizations/update-setting.js';
import type { Actor } from '../../src/permissions/actor.js';
import { decideSeatRequest } from '../../src/seats/decide-seat-request.js';
import { seatSummary } from '../../src/seats/seat-summary.js';
import { newOrganization } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

async function organization(external: number) {
  const { owner } = await newOrganization(t.prisma, { seats: 10 });
  await addCompany(t.prisma, owner, { name: 'Groupe JLO' });
  await addCompany(t.prisma, owner, { name: 'JLO PARIS', parent: 'Groupe JLO' });
  await addCompany(t.prisma, owner, { name: 'Acme' });
  await setCompanySecured(t.prisma, owner, 'Groupe JLO', true);
  await setCompanySecured(t.prisma, owner, 'Acme', true);
  await updateOrganizationSetting(t.prisma, owner, 'external-seats', String(external));
  return owner;
}

const statuses = async (owner: Actor) =>
  Object.fromEntries(
    (await t.prisma.invitation.findMany({ where: { organizationId: owner.organization.id } })).map((i) => [
      i.email,
      `${i.status}${i.suspended ? ' suspended' : ''}`,
    ]),
  );

const seatRequests = (owner: Actor) =>
  t.prisma.seatRequest.findMany({ where: { organizationId: owner.organization.id } });

describe('securing a company again', () => {
  it('resumes the oldest pending invitations that fit and holds the others for approval', async () => {
    const owner = await organization(3);
    // Invited one after the other: the oldest keeps its seat first.
    for (const email of ['ana@jlo.example', 'ben@jlo.example', 'cy@jlo.example'])
      await invite(t.prisma, owner, { emails: [email], company: 'JLO PARIS' });
    const ana = await t.prisma.invitation.findFirstOrThrow({
      where: { organizationId: owner.organization.id, email: 'ana@jlo.example' },
    });
    const anaToken = await issueAcceptToken(t.prisma, ana.id);
    await setCompanySecured(t.prisma, owner, 'Groupe JLO', false);
    // While they are suspended, two of the three seats go to Acme's people.
    await invite(t.prisma, owner, { emails: ['dan@acme.example', 'eve@acme.example'], company: 'Acme' });

    const secured = await setCompanySecured(t.prisma, owner, 'Groupe JLO', true);
    expect(secured).toMatchObject({ resumedInvitations: 3, heldInvitations: 2 });
    expect(await statuses(owner)).toEqual({
      'ana@jlo.example': 'PENDING',
      'ben@jlo.example': 'AWAITING_APPROVAL',
      'cy@jlo.example': 'AWAITING_APPROVAL',
      'dan@acme.example': 'PENDING',
      'eve@acme.example': 'PENDING',
    });
    // The one that fits keeps its link.
    expect((await openInvitationLink(t.prisma, anaToken)).invitation.email).toBe('ana@jlo.example');
    expect((await seatSummary(t.prisma, owner)).external).toEqual({
      limit: 3,
      used: 3,
      members: 0,
      pending: 3,
      awaitingApproval: 2,
    });
    const [request, ...others] = await seatRequests(owner);
    expect(others).toEqual([]);
    expect(request).toMatchObject({
      kind: 'external',
      status: 'PENDING',
      seatsRequested: 2,
      limitBefore: 3,
      requestedById: owner.member.id,
    });
    const held = await t.prisma.invitation.findMany({
      where: { status: 'AWAITING_APPROVAL', organizationId: owner.organization.id },
    });
    expect(held.map((i) => [i.seatRequestId, i.nextReminderAt])).toEqual([
      [request?.id, null],
      [request?.id, null],
    ]);
    // Created as any held invitation's request is: its audit event and the managers' notification.
    const created = await t.prisma.auditEvent.findMany({
      where: { organizationId: owner.organization.id, action: 'seat_request.created' },
    });
    expect(created.map((e) => [e.subjectId, e.actorId])).toEqual([[request?.id, owner.member.id]]);
    const notified = await t.prisma.outboxMessage.findMany({
      where: { organizationId: owner.organization.id, kind: 'notification' },
    });
    expect(notified.map((n) => n.payload)).toEqual([{ type: 'seat_request.created', seatRequestId: request?.id }]);
    const audit = await t.prisma.auditEvent.findFirst({
      where: { organizationId: owner.organization.id, action: 'company.secured' },
      orderBy: { id: 'desc' },
    });
    expect(audit?.data).toMatchObject({ resumedInvitations: 3, heldInvitations: 2 });

    // Suspended and resumed again: the held ones stay held on their request, the pending one fits.
    await setCompanySecured(t.prisma, owner, 'Groupe JLO', false);
    expect(await setCompanySecured(t.prisma, owner, 'Groupe JLO', true)).toMatchObject({
      resumedInvitations: 3,
      heldInvitations: 0,
    });
    expect((await seatSummary(t.prisma, owner)).external).toMatchObject({ used: 3, awaitingApproval: 2 });
    expect(await seatRequests(owner)).toHaveLength(1);

    // Approving sends them, on two more external seats.
    const emailsBefore = await t.prisma.outboxMessage.count({
      where: { organizationId: owner.organization.id, kind: 'invitation.email' },
    });
    const decided = await decideSeatRequest(t.prisma, owner, { requestId: request?.id ?? '', decision: 'approve' });
    expect(decided).toMatchObject({ invitations: 2, limitAfter: 5 });
    expect(
      await t.prisma.outboxMessage.count({
        where: { organizationId: owner.organization.id, kind: 'invitation.email' },
      }),
    ).toBe(emailsBefore + 2);
  });

  it('holds on the open request for external seats when one is waiting (moving under a secured parent too)', async () => {
    const owner = await organization(1);
    await invite(t.prisma, owner, { emails: ['ana@jlo.example'], company: 'JLO PARIS' });
    await moveCompany(t.prisma, owner, 'JLO PARIS', null);
    await invite(t.prisma, owner, { emails: ['dan@acme.example'], company: 'Acme' });
    const waiting = await invite(t.prisma, owner, { emails: ['eve@acme.example'], company: 'Acme' });
    expect(waiting.results[0]?.outcome).toBe('held');

    const moved = await moveCompany(t.prisma, owner, 'JLO PARIS', 'Groupe JLO');
    expect(moved).toMatchObject({ resumedInvitations: 1, heldInvitations: 1 });
    expect(await statuses(owner)).toMatchObject({
      'ana@jlo.example': 'AWAITING_APPROVAL',
      'eve@acme.example': 'AWAITING_APPROVAL',
    });
    const [request, ...others] = await seatRequests(owner);
    expect(others).toEqual([]);
    expect(request).toMatchObject({ id: waiting.seatRequestId, kind: 'external', seatsRequested: 2 });
    // Its cards are redrawn with the new figures.
    const redraws = await t.prisma.outboxMessage.count({
      where: { idempotencyKey: { startsWith: `seat_request:${request?.id}:revision:` } },
    });
    expect(redraws).toBe(1);
  });
});
