// Every invitation webhook says the invitation's kind and company (issue 16, item 5): created,
// accepted, revoked and expired alike, from one definition (src/invitations/invitation-kind.ts)
// whose TypeScript and SQL forms agree.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCompany } from '../../src/companies/add-company.js';
import { setCompanySecured } from '../../src/companies/secure-company.js';
import { acceptInvitation } from '../../src/invitations/accept.js';
import { issueAcceptToken } from '../../src/invitations/accept-token.js';
import { expireDueInvitations } from '../../src/invitations/expire.js';
import { invitationKind, invitationKindSql } from '../../src/invitations/invitation-kind.js';
import { invite } from '../../src/invitations/invite.js';
import { revokeInvitation } from '../../src/invitations/revoke.js';
import { updateOrganizationSetting } from '../../src/organizations/update-setting.js';
import { newOrganization } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe("an invitation's kind in its webhooks", () => {
  it('is internal or external with the company, on every event, and the same in TypeScript and SQL', async () => {
    const { owner } = await newOrganization(t.prisma, { seats: 10 });
    await addCompany(t.prisma, owner, { name: 'Groupe JLO' });
    await addCompany(t.prisma, owner, { name: 'JLO PARIS', parent: 'Groupe JLO' });
    await setCompanySecured(t.prisma, owner, 'Groupe JLO', true);
    await updateOrganizationSetting(t.prisma, owner, 'external-seats', '5');
    await t.prisma.webhookEndpoint.create({
      data: { organizationId: owner.organization.id, url: 'https://hooks.example.com/sesame', secret: 'whsec_test' },
    });
    const internal = await invite(t.prisma, owner, { emails: ['in.one@example.org', 'in.two@example.org'] });
    const external = await invite(t.prisma, owner, {
      emails: ['ex.one@jlo.example', 'ex.two@jlo.example', 'ex.three@jlo.example'],
      company: 'JLO PARIS',
    });
    const [inOne, inTwo] = internal.results.map((r) => r.invitationId ?? '');
    const [exOne, exTwo, exThree] = external.results.map((r) => r.invitationId ?? '');

    await revokeInvitation(t.prisma, owner, exOne ?? '');
    await revokeInvitation(t.prisma, owner, inOne ?? '');
    await t.prisma.invitation.updateMany({
      where: { id: { in: [exTwo ?? '', inTwo ?? ''] } },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await expireDueInvitations(t.prisma)).toBe(2);
    const accepted = await acceptInvitation(t.prisma, {
      token: await issueAcceptToken(t.prisma, exThree ?? ''),
      firstName: 'Ex',
      lastName: 'Three',
      password: 'Tr0mbone-Lavande-42',
      passwordConfirmation: 'Tr0mbone-Lavande-42',
    });
    expect(accepted.status).toBe('enrolled');

    const calls = await t.prisma.outboxMessage.findMany({
      where: { organizationId: owner.organization.id, kind: 'webhook' },
    });
    const said = calls.map((call) => {
      const payload = call.payload as { event: string; data: { invitationId: string; kind: string; company: unknown } };
      return `${payload.event} ${payload.data.invitationId} ${payload.data.kind} ${payload.data.company}`;
    });
    const externalOf = (id: string | undefined) => `${id} external JLO PARIS`;
    const internalOf = (id: string | undefined) => `${id} internal null`;
    expect(said.sort()).toEqual(
      [
        `invitation.created ${internalOf(inOne)}`,
        `invitation.created ${internalOf(inTwo)}`,
        `invitation.created ${externalOf(exOne)}`,
        `invitation.created ${externalOf(exTwo)}`,
        `invitation.created ${externalOf(exThree)}`,
        `invitation.revoked ${externalOf(exOne)}`,
        `invitation.revoked ${internalOf(inOne)}`,
        `invitation.expired ${externalOf(exTwo)}`,
        `invitation.expired ${internalOf(inTwo)}`,
        `invitation.accepted ${externalOf(exThree)}`,
        `member.enrolled ${externalOf(exThree)}`,
      ].sort(),
    );

    // The two forms of the rule give the same answer for every kind of row.
    const rows = await t.prisma.invitation.findMany({ where: { organizationId: owner.organization.id } });
    const fromSql = await t.prisma.$queryRawUnsafe<{ id: string; said: { kind: string; company: string | null } }[]>(
      `SELECT i.id::text, jsonb_build_object(${invitationKindSql('i')}) AS said FROM invitation i
        WHERE i.organization_id = $1::uuid`,
      owner.organization.id,
    );
    expect(new Map(fromSql.map((row) => [row.id, row.said]))).toEqual(
      new Map(rows.map((row) => [row.id, invitationKind(row)])),
    );
  });
});
