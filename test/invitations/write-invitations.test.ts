// The set-based writer with a company per row (issue 16): one call mixes internal rows and external
// rows of several companies, as a CSV import with a Company column does, and every row's kind and
// company reach the invitation, its webhook and its audit event.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCompany } from '../../src/companies/add-company.js';
import { coveredCompany } from '../../src/companies/external-company.js';
import { setCompanySecured } from '../../src/companies/secure-company.js';
import { type NewInvitation, writeInvitations } from '../../src/invitations/write-invitations.js';
import { updateOrganizationSetting } from '../../src/organizations/update-setting.js';
import type { Actor } from '../../src/permissions/actor.js';
import { newOrganization } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const row = (email: string, extra: Partial<NewInvitation> = {}): NewInvitation => ({
  email,
  firstName: '',
  lastName: '',
  username: null,
  role: 'viewer',
  userType: 'creator',
  groups: [],
  message: null,
  mustUseEmail: true,
  ...extra,
});

async function twoCompanies(owner: Actor) {
  await addCompany(t.prisma, owner, { name: 'Groupe JLO' });
  await addCompany(t.prisma, owner, { name: 'JLO PARIS', parent: 'Groupe JLO' });
  await addCompany(t.prisma, owner, { name: 'Acme' });
  await setCompanySecured(t.prisma, owner, 'Groupe JLO', true);
  await setCompanySecured(t.prisma, owner, 'Acme', true);
  return {
    paris: await coveredCompany(t.prisma, owner.organization.id, 'JLO PARIS'),
    acme: await coveredCompany(t.prisma, owner.organization.id, 'Acme'),
  };
}

describe('writeInvitations with a company per row', () => {
  it('writes internal rows and external rows of several companies in one call, each with its kind and company', async () => {
    const { owner } = await newOrganization(t.prisma, { seats: 10 });
    const { paris, acme } = await twoCompanies(owner);
    await updateOrganizationSetting(t.prisma, owner, 'external-seats', '10');
    await t.prisma.webhookEndpoint.create({
      data: { organizationId: owner.organization.id, url: 'https://hooks.example.com/sesame', secret: 'whsec_test' },
    });

    const outcome = await t.prisma.$transaction((tx) =>
      writeInvitations(tx, {
        actor: owner,
        rows: [
          row('staff@iwe.example'),
          row('ana@jlo.example', { company: paris }),
          row('bob@acme.example', { company: acme }),
          row('more@iwe.example', { company: null }),
        ],
      }),
    );
    expect(outcome.refused).toEqual([]);
    expect(outcome.created.map((c) => c.status)).toEqual(['PENDING', 'PENDING', 'PENDING', 'PENDING']);

    const orgId = owner.organization.id;
    const invitations = await t.prisma.invitation.findMany({ where: { organizationId: orgId } });
    const expected = {
      'staff@iwe.example': 'internal null',
      'ana@jlo.example': 'external JLO PARIS',
      'bob@acme.example': 'external Acme',
      'more@iwe.example': 'internal null',
    };
    expect(
      Object.fromEntries(invitations.map((i) => [i.email, `${i.external ? 'external' : 'internal'} ${i.companyName}`])),
    ).toEqual(expected);
    expect(Object.fromEntries(invitations.map((i) => [i.email, i.companyId]))).toMatchObject({
      'ana@jlo.example': paris.id,
      'bob@acme.example': acme.id,
      'staff@iwe.example': null,
    });

    const hooks = await t.prisma.outboxMessage.findMany({ where: { organizationId: orgId, kind: 'webhook' } });
    const saidByHooks = hooks.map((hook) => {
      const { data } = hook.payload as { data: { email: string; kind: string; company: string | null } };
      return [data.email, `${data.kind} ${data.company}`];
    });
    expect(Object.fromEntries(saidByHooks)).toEqual(expected);

    const audit = await t.prisma.auditEvent.findMany({
      where: { organizationId: orgId, action: 'invitation.created' },
    });
    const saidByAudit = audit.map((event) => {
      const data = event.data as { email: string; kind: string; company: string | null };
      return [data.email, `${data.kind} ${data.company}`];
    });
    expect(Object.fromEntries(saidByAudit)).toEqual(expected);
  });

  it('counts each kind against its own limit in the same call', async () => {
    // The owner takes one of the plan's two seats: one internal row fits, the other is held.
    const { owner } = await newOrganization(t.prisma, { seats: 2 });
    const { paris, acme } = await twoCompanies(owner);
    await updateOrganizationSetting(t.prisma, owner, 'external-seats', '2');

    const outcome = await t.prisma.$transaction((tx) =>
      writeInvitations(tx, {
        actor: owner,
        rows: [
          row('ana@jlo.example', { company: paris }),
          row('staff@iwe.example'),
          row('bob@acme.example', { company: acme }),
          row('more@iwe.example'),
        ],
      }),
    );
    expect(outcome.refused).toEqual([]);
    expect(Object.fromEntries(outcome.created.map((c) => [c.email, c.status]))).toEqual({
      'ana@jlo.example': 'PENDING',
      'bob@acme.example': 'PENDING',
      'staff@iwe.example': 'PENDING',
      'more@iwe.example': 'AWAITING_APPROVAL',
    });
  });
});
