// A member added directly, without an invitation, is announced by `member.added` (issue 17, item
// 6), so that a product provisioning from webhooks hears of them as it hears of an enrollment:
// the direct add (CLI and chat), the import's rows with a password or an enterprise ID, and the
// add by enterprise ID. One event per member, written with the member row (a refused add writes
// none), carrying the member's properties; the import writes its events set-based in SQL, the
// other paths in TypeScript, and both say exactly the same thing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCompany } from '../../src/companies/add-company.js';
import { setCompanySecured } from '../../src/companies/secure-company.js';
import { runImport } from '../../src/imports/run-import.js';
import { addLicence } from '../../src/licences/manage-licences.js';
import { addMember } from '../../src/members/add-member.js';
import { addMemberWithTemporaryPassword } from '../../src/members/add-member-with-temporary-password.js';
import { updateOrganizationSetting } from '../../src/organizations/update-setting.js';
import { webhookPayload } from '../../src/outbox/payloads.js';
import type { Actor } from '../../src/permissions/actor.js';
import { addMemberByEnterpriseId } from '../../src/sso/add-member-by-enterprise-id.js';
import { addWebhookEndpoint } from '../../src/webhooks/manage-endpoints.js';
import { memberAddedData, memberAddedDataSql } from '../../src/webhooks/member-added.js';
import { failure, newOrganization } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.close());

const PASSWORD = 'Tr0mbone-Lavande-42';
const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** An organization with a licence, an endpoint that hears every event and one that hears only others. */
async function listeningOrganization(seats: number): Promise<Actor> {
  const { owner } = await newOrganization(t.prisma, { seats });
  const organizationId = owner.organization.id;
  await addLicence(t.prisma, owner, 'insights', {
    nameEn: 'Insights',
    nameFr: 'Insights',
    userTypes: ['creator', 'editor'],
    owned: '10',
  });
  await t.prisma.webhookEndpoint.createMany({
    data: [
      { organizationId, url: 'https://hooks.example.com/all', secret: 'whsec_all' },
      { organizationId, url: 'https://hooks.example.com/other', secret: 'whsec_o', events: ['member.removed'] },
    ],
  });
  // The identity provider's row is all an add by enterprise ID asks for.
  await t.prisma.identityProvider.create({
    data: { organizationId, issuer: 'https://login.acme.example', clientId: 'sesame', clientSecret: {}, label: 'SSO' },
  });
  return owner;
}

/** The data of every member.added call of the organization, by e-mail; fails on a second call for a member. */
async function announced(organizationId: string): Promise<Map<string, Record<string, unknown>>> {
  const rows = await t.prisma.outboxMessage.findMany({
    where: { organizationId, kind: 'webhook', payload: { path: ['event'], equals: 'member.added' } },
  });
  const endpoints = await t.prisma.webhookEndpoint.findMany({ where: { organizationId } });
  const hearing = endpoints.filter((endpoint) => endpoint.events.length === 0).map((endpoint) => endpoint.id);
  const byEmail = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    const { endpointId, data } = webhookPayload.parse(row.payload);
    expect(hearing).toEqual([endpointId]);
    expect(byEmail.has(String(data.email)), `a second member.added for ${data.email}`).toBe(false);
    byEmail.set(String(data.email), data);
  }
  return byEmail;
}

/** Each call says what memberAddedData says of the member row, at an ISO instant. */
async function expectSameAsMemberRows(calls: Map<string, Record<string, unknown>>, organizationId: string) {
  const members = await t.prisma.member.findMany({ where: { organizationId, email: { in: [...calls.keys()] } } });
  expect(members).toHaveLength(calls.size);
  for (const member of members) {
    const { occurredAt, ...data } = calls.get(member.email) ?? {};
    expect(occurredAt).toMatch(ISO_INSTANT);
    expect(data).toEqual(memberAddedData(member));
  }
}

describe('member.added', () => {
  it('is emitted once by a direct add from the CLI or chat, with the member and its properties; never on a refusal', async () => {
    const owner = await listeningOrganization(3);
    const organizationId = owner.organization.id;
    await addCompany(t.prisma, owner, { name: 'JLO PARIS' });
    await setCompanySecured(t.prisma, owner, 'JLO PARIS', true);
    await updateOrganizationSetting(t.prisma, owner, 'external-seats', '1');

    const adaInput = {
      email: 'ada@example.org',
      firstName: 'Ada',
      lastName: 'Byron',
      username: 'ada.byron',
      password: PASSWORD,
      role: 'Data Editor',
      userType: 'Creator',
      licences: ['insights'],
      credits: '7',
      language: 'fr',
    };
    const { member: ada } = await addMember(t.prisma, owner, adaInput);
    const { member: ana } = await addMemberWithTemporaryPassword(t.prisma, owner, {
      email: 'ana@jlo.example',
      firstName: 'Ana',
      lastName: 'Lopes',
      company: 'JLO PARIS',
    });
    // Refused: already a member, then no seat left (the owner, Ada and Bob fill the plan).
    expect((await failure(addMember(t.prisma, owner, adaInput))).code).toBe('email.active_member');
    await addMember(t.prisma, owner, { email: 'bob@example.org', firstName: 'Bob', lastName: 'B', password: PASSWORD });
    const full = { email: 'cy@example.org', firstName: 'Cy', lastName: 'C', password: PASSWORD };
    expect((await failure(addMember(t.prisma, owner, full))).code).toBe('seats.full');

    const calls = await announced(organizationId);
    expect([...calls.keys()].sort()).toEqual(['ada@example.org', 'ana@jlo.example', 'bob@example.org']);
    expect(calls.get('ada@example.org')).toEqual({
      memberId: ada.id,
      email: 'ada@example.org',
      username: 'ada.byron',
      firstName: 'Ada',
      lastName: 'Byron',
      role: 'data_editor',
      userType: 'creator',
      kind: 'internal',
      company: null,
      groups: [],
      signIn: 'password',
      enterpriseId: null,
      licences: ['insights'],
      credits: 7,
      language: 'fr',
      occurredAt: expect.stringMatching(ISO_INSTANT),
    });
    expect(calls.get('ana@jlo.example')).toMatchObject({
      memberId: ana.id,
      kind: 'external',
      company: 'JLO PARIS',
      licences: [],
      credits: null,
      language: null,
    });
    await expectSameAsMemberRows(calls, organizationId);
  });

  it('is emitted by an enterprise-ID add, which says how the member signs in', async () => {
    const owner = await listeningOrganization(5);
    const { member } = await addMemberByEnterpriseId(t.prisma, owner, {
      email: 'jon@acme.example',
      firstName: 'Jon',
      lastName: 'Cho',
      enterpriseId: '00uJON',
    });
    const refused = { email: 'other@acme.example', firstName: 'O', lastName: 'T', enterpriseId: '00uJON' };
    expect((await failure(addMemberByEnterpriseId(t.prisma, owner, refused))).code).toBe('sso.enterprise_id_taken');

    const calls = await announced(owner.organization.id);
    expect([...calls.keys()]).toEqual(['jon@acme.example']);
    expect(calls.get('jon@acme.example')).toMatchObject({
      memberId: member.id,
      signIn: 'enterprise',
      enterpriseId: '00uJON',
    });
    await expectSameAsMemberRows(calls, owner.organization.id);
  });

  it('is emitted set-based by an import for each member it adds, by password or enterprise ID; not for the others', async () => {
    const owner = await listeningOrganization(20);
    const organizationId = owner.organization.id;
    const was = { email: 'was@example.org', firstName: 'W', lastName: 'S', username: 'wes.already' };
    await addMember(t.prisma, owner, { ...was, password: PASSWORD });
    const before = await announced(organizationId);
    const csv = [
      'Email,First Name,Last Name,Username,Password,Enterprise ID,Role,User Type,Licences,Credits,Language',
      'dee@example.org,Dee,Rect,dee.rect,Zx9!kq2mw,,Data Editor,Editor,insights,unlimited,en',
      'jcho@example.org,Jon,Cho,,,00uJCHO,,Creator,,12,',
      'was@example.org,Wes,Already,,jc40.l2eh,,,,,,', // a member already: nothing
      'taken@example.org,Tak,En,wes.already,jc40.l2eh,,,,,,', // the username is a member's: refused
      'ivy@example.org,Ivy,Tee,,,,,,,,', // invited, not added
    ].join('\n');
    const result = await runImport(t.prisma, owner, csv);
    expect(result).toMatchObject({ added: 2, alreadyMembers: 1, invited: 1 });
    expect(result.errors.map((error) => error.code)).toEqual(['username.taken']);

    const calls = await announced(organizationId);
    expect([...calls.keys()].filter((email) => !before.has(email)).sort()).toEqual([
      'dee@example.org',
      'jcho@example.org',
    ]);
    expect(calls.get('was@example.org')).toEqual(before.get('was@example.org'));
    expect(calls.get('dee@example.org')).toMatchObject({
      username: 'dee.rect',
      role: 'data_editor',
      userType: 'editor',
      signIn: 'password',
      licences: ['insights'],
      credits: 'unlimited',
      language: 'en',
    });
    expect(calls.get('jcho@example.org')).toMatchObject({ signIn: 'enterprise', enterpriseId: '00uJCHO', credits: 12 });
    await expectSameAsMemberRows(calls, organizationId);
  });

  it('says the same in TypeScript and in SQL over any member row', async () => {
    const owner = await listeningOrganization(5);
    const organizationId = owner.organization.id;
    await addMember(t.prisma, owner, { email: 'eve@example.org', firstName: 'Eve', lastName: 'E', password: PASSWORD });
    await addMemberByEnterpriseId(t.prisma, owner, {
      email: 'zed@example.org',
      firstName: 'Zed',
      lastName: 'Z',
      enterpriseId: '00uZED',
    });
    const members = await t.prisma.member.findMany({ where: { organizationId } });
    const fromSql = await t.prisma.$queryRawUnsafe<{ id: string; said: unknown }[]>(
      `SELECT m.id::text, jsonb_build_object(${memberAddedDataSql('m')}) AS said FROM member m
        WHERE m.organization_id = $1::uuid`,
      organizationId,
    );
    expect(members).toHaveLength(3);
    expect(new Map(fromSql.map((row) => [row.id, row.said]))).toEqual(
      new Map(members.map((member) => [member.id, memberAddedData(member)])),
    );
  });

  it('is an event an endpoint may ask for by name', async () => {
    const owner = await listeningOrganization(5);
    const { endpoint } = await addWebhookEndpoint(t.prisma, owner, {
      url: 'https://hooks.example.com/added',
      events: ['member.added'],
    });
    expect(endpoint.events).toEqual(['member.added']);
  });
});
