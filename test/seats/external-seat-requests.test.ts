// External seats beyond their limit are held for a manager's approval, like internal ones, on a
// seat request of their own kind (issue 16, item 4): approving raises the external limit, denying
// cancels, one open request per kind, an import's chunks share one request per kind, revoking
// follows the right request, and two invites at once never pass the limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCompany } from '../../src/companies/add-company.js';
import { coveredCompany } from '../../src/companies/external-company.js';
import { setCompanySecured } from '../../src/companies/secure-company.js';
import { invite } from '../../src/invitations/invite.js';
import { revokeInvitation } from '../../src/invitations/revoke.js';
import {
  type NewInvitation,
  type SeatRequestSlots,
  writeInvitations,
} from '../../src/invitations/write-invitations.js';
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

/** An organization of `seats` plan seats (the owner takes one) and `external` external seats. */
async function organization(seats: number, external: number) {
  const { owner } = await newOrganization(t.prisma, { seats });
  await addCompany(t.prisma, owner, { name: 'Groupe JLO' });
  await addCompany(t.prisma, owner, { name: 'JLO PARIS', parent: 'Groupe JLO' });
  await addCompany(t.prisma, owner, { name: 'Acme' });
  await setCompanySecured(t.prisma, owner, 'Groupe JLO', true);
  await setCompanySecured(t.prisma, owner, 'Acme', true);
  await updateOrganizationSetting(t.prisma, owner, 'external-seats', String(external));
  return owner;
}

const row = (email: string, company: NewInvitation['company'] = null): NewInvitation => ({
  email,
  firstName: '',
  lastName: '',
  username: null,
  role: 'viewer',
  userType: 'creator',
  groups: [],
  message: null,
  mustUseEmail: true,
  company,
});

const companies = async (owner: Actor) => ({
  paris: await coveredCompany(t.prisma, owner.organization.id, 'JLO PARIS'),
  acme: await coveredCompany(t.prisma, owner.organization.id, 'Acme'),
});

const requestsOf = (owner: Actor) =>
  // Internal first: the kinds are ordered as declared.
  t.prisma.seatRequest.findMany({ where: { organizationId: owner.organization.id }, orderBy: { kind: 'asc' } });

const emails = (owner: Actor) =>
  t.prisma.outboxMessage.count({ where: { organizationId: owner.organization.id, kind: 'invitation.email' } });

describe('external seats beyond their limit', () => {
  it('are held on a request for external seats; approving raises the external limit and sends them', async () => {
    const owner = await organization(10, 2);
    const made = await invite(t.prisma, owner, {
      emails: ['ana@jlo.example', 'ben@jlo.example', 'cy@jlo.example'],
      company: 'JLO PARIS',
    });
    expect(made.results.map((r) => r.outcome)).toEqual(['invited', 'invited', 'held']);
    const [request, ...others] = await requestsOf(owner);
    expect(others).toEqual([]);
    expect(request).toMatchObject({ kind: 'external', status: 'PENDING', seatsRequested: 1, limitBefore: 2 });
    expect(made.seatRequestId).toBe(request?.id);
    const created = await t.prisma.auditEvent.findFirst({
      where: { organizationId: owner.organization.id, action: 'seat_request.created' },
    });
    expect(created?.data).toMatchObject({ kind: 'external', limitBefore: 2 });
    const notified = await t.prisma.outboxMessage.findMany({
      where: { organizationId: owner.organization.id, kind: 'notification' },
    });
    expect(notified.map((n) => n.payload)).toEqual([{ type: 'seat_request.created', seatRequestId: request?.id }]);
    const held = await seatSummary(t.prisma, owner);
    expect(held).toMatchObject({ limit: 10, awaitingApproval: 0, openSeatRequests: 1 });
    expect(held.external).toEqual({ limit: 2, used: 2, members: 0, pending: 2, awaitingApproval: 1 });
    expect(await emails(owner)).toBe(2);

    const decided = await decideSeatRequest(t.prisma, owner, { requestId: request?.id ?? '', decision: 'approve' });
    expect(decided).toMatchObject({ invitations: 1, limitAfter: 3 });
    const org = await t.prisma.organization.findUniqueOrThrow({ where: { id: owner.organization.id } });
    expect([org.seatLimit, org.externalSeatLimit]).toEqual([10, 3]);
    const after = await seatSummary(t.prisma, owner);
    expect(after.external).toEqual({ limit: 3, used: 3, members: 0, pending: 3, awaitingApproval: 0 });
    expect(after).toMatchObject({ limit: 10, used: 1, openSeatRequests: 0 });
    expect(await emails(owner)).toBe(3);
    const approved = await t.prisma.auditEvent.findFirst({
      where: { organizationId: owner.organization.id, action: 'seat_request.approved' },
    });
    expect(approved?.data).toMatchObject({ seats: 1, limitBefore: 2, limitAfter: 3 });
  });

  it('are held even with no external seat at all, and denying cancels them without touching the limits', async () => {
    const owner = await organization(10, 0);
    const made = await invite(t.prisma, owner, { emails: ['ana@jlo.example'], company: 'JLO PARIS' });
    expect(made.results.map((r) => r.outcome)).toEqual(['held']);
    const decided = await decideSeatRequest(t.prisma, owner, {
      requestId: made.seatRequestId ?? '',
      decision: 'deny',
      reason: 'No partner access this year',
    });
    expect(decided).toMatchObject({ invitations: 1, limitAfter: 0 });
    const invitation = await t.prisma.invitation.findFirstOrThrow({
      where: { organizationId: owner.organization.id, email: 'ana@jlo.example' },
    });
    expect(invitation).toMatchObject({ status: 'CANCELLED', closedReason: 'No partner access this year' });
    const org = await t.prisma.organization.findUniqueOrThrow({ where: { id: owner.organization.id } });
    expect([org.seatLimit, org.externalSeatLimit]).toEqual([10, 0]);
    expect(await emails(owner)).toBe(0);
  });

  it('and internal ones beyond theirs, in one batch, make one request of each kind; later ones join them', async () => {
    const owner = await organization(2, 1); // one plan seat left, one external seat
    const { paris, acme } = await companies(owner);
    const write = (rows: NewInvitation[]) =>
      t.prisma.$transaction((tx) => writeInvitations(tx, { actor: owner, rows }));
    const first = await write([
      row('staff@iwe.example'),
      row('ana@jlo.example', paris),
      row('more@iwe.example'),
      row('bob@acme.example', acme),
      row('cy@jlo.example', paris),
    ]);
    expect(Object.fromEntries(first.created.map((c) => [c.email, c.status]))).toEqual({
      'staff@iwe.example': 'PENDING',
      'ana@jlo.example': 'PENDING',
      'more@iwe.example': 'AWAITING_APPROVAL',
      'bob@acme.example': 'AWAITING_APPROVAL',
      'cy@jlo.example': 'AWAITING_APPROVAL',
    });
    const [internal, external] = await requestsOf(owner);
    expect(internal).toMatchObject({ kind: 'internal', seatsRequested: 1, limitBefore: 2 });
    expect(external).toMatchObject({ kind: 'external', seatsRequested: 2, limitBefore: 1 });
    expect(first.seatRequestIds).toEqual({ internal: internal?.id, external: external?.id });
    const heldOn = async () =>
      Object.fromEntries(
        (
          await t.prisma.invitation.findMany({
            where: { organizationId: owner.organization.id, status: 'AWAITING_APPROVAL' },
          })
        ).map((i) => [
          i.email,
          i.seatRequestId === internal?.id ? 'internal' : i.seatRequestId === external?.id ? 'external' : '?',
        ]),
      );
    expect(await heldOn()).toEqual({
      'more@iwe.example': 'internal',
      'bob@acme.example': 'external',
      'cy@jlo.example': 'external',
    });

    // One open request per kind: the next held invitations join the request of their kind.
    await write([row('dee@acme.example', acme), row('last@iwe.example')]);
    expect(await heldOn()).toMatchObject({ 'dee@acme.example': 'external', 'last@iwe.example': 'internal' });
    expect(await requestsOf(owner)).toHaveLength(2);
    expect((await requestsOf(owner)).map((r) => [r.kind, r.seatsRequested])).toEqual([
      ['internal', 2],
      ['external', 3],
    ]);

    // Approving the internal one raises the plan only; the external one stays open.
    await decideSeatRequest(t.prisma, owner, { requestId: internal?.id ?? '', decision: 'approve' });
    const org = await t.prisma.organization.findUniqueOrThrow({ where: { id: owner.organization.id } });
    expect([org.seatLimit, org.externalSeatLimit]).toEqual([4, 1]);
    expect((await seatSummary(t.prisma, owner)).external).toMatchObject({ awaitingApproval: 3 });
    expect((await t.prisma.seatRequest.findUniqueOrThrow({ where: { id: external?.id ?? '' } })).status).toBe(
      'PENDING',
    );
  });

  it('make at most one request per kind for an import written in chunks', async () => {
    const owner = await organization(1, 0); // the owner takes the only plan seat
    const { paris } = await companies(owner);
    const slots: SeatRequestSlots = {};
    await t.prisma.$transaction(async (tx) => {
      await writeInvitations(tx, {
        actor: owner,
        seatRequests: slots,
        rows: [row('a@iwe.example'), row('a@jlo.example', paris)],
      });
      await writeInvitations(tx, {
        actor: owner,
        seatRequests: slots,
        rows: [row('b@iwe.example'), row('b@jlo.example', paris), row('c@jlo.example', paris)],
      });
    });
    const requests = await requestsOf(owner);
    expect(requests.map((r) => [r.kind, r.seatsRequested, r.postedLimitBefore, r.postedLimitAfter])).toEqual([
      ['internal', 2, 1, 3],
      ['external', 3, 0, 3],
    ]);
    expect(slots).toEqual({
      internal: { id: requests[0]?.id, seats: 2 },
      external: { id: requests[1]?.id, seats: 3 },
    });
  });

  it('follow the request of their kind when revoked: the external one is withdrawn, the internal one kept', async () => {
    const owner = await organization(1, 0);
    const inside = await invite(t.prisma, owner, { emails: ['staff@iwe.example'] });
    const outside = await invite(t.prisma, owner, { emails: ['ana@jlo.example'], company: 'JLO PARIS' });
    await revokeInvitation(t.prisma, owner, 'ana@jlo.example');
    const status = async (id: string | undefined) =>
      (await t.prisma.seatRequest.findUniqueOrThrow({ where: { id: id ?? '' } })).status;
    expect(await status(outside.seatRequestId)).toBe('WITHDRAWN');
    expect(await status(inside.seatRequestId)).toBe('PENDING');
  });

  it('redraw their request’s cards when an owner changes the external limit', async () => {
    const owner = await organization(10, 1);
    const { seatRequestId = '' } = await invite(t.prisma, owner, {
      emails: ['a@jlo.example', 'b@jlo.example', 'c@jlo.example'],
      company: 'JLO PARIS',
    });
    const redraws = () =>
      t.prisma.outboxMessage.count({
        where: { kind: 'notification', idempotencyKey: { startsWith: `seat_request:${seatRequestId}:revision:` } },
      });
    expect(await redraws()).toBe(0);
    await updateOrganizationSetting(t.prisma, owner, 'external-seats', '2');
    expect(await redraws()).toBe(1);
  });

  it('are never passed by two invites at once', async () => {
    const owner = await organization(10, 2);
    const outcomes = await Promise.all([
      invite(t.prisma, owner, { emails: ['a1@jlo.example', 'a2@jlo.example'], company: 'JLO PARIS' }),
      invite(t.prisma, owner, { emails: ['b1@acme.example', 'b2@acme.example'], company: 'Acme' }),
    ]);
    const said = outcomes.flatMap((o) => o.results.map((r) => r.outcome)).sort();
    expect(said).toEqual(['held', 'held', 'invited', 'invited']);
    const summary = await seatSummary(t.prisma, owner);
    expect(summary.external).toMatchObject({ limit: 2, used: 2, pending: 2, awaitingApproval: 2 });
    const requests = await requestsOf(owner);
    expect(requests.map((r) => [r.kind, r.seatsRequested])).toEqual([['external', 2]]);
  });
});
