// The lists' --external and --company filters: a company selects its subsidiaries too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCompany } from '../../src/companies/add-company.js';
import { removeCompany } from '../../src/companies/remove-company.js';
import { setCompanySecured } from '../../src/companies/secure-company.js';
import { invite } from '../../src/invitations/invite.js';
import { listInvitations } from '../../src/invitations/list-invitations.js';
import { addMember } from '../../src/members/add-member.js';
import { listMembers } from '../../src/members/list-members.js';
import { updateOrganizationSetting } from '../../src/organizations/update-setting.js';
import { failure, newOrganization } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe('filtering the lists by kind and company', () => {
  it('selects external invitations and members, of a company and its subsidiaries', async () => {
    const { owner } = await newOrganization(t.prisma);
    await addCompany(t.prisma, owner, { name: 'Groupe JLO' });
    await addCompany(t.prisma, owner, { name: 'JLO PARIS', parent: 'Groupe JLO' });
    await addCompany(t.prisma, owner, { name: 'Acme' });
    await setCompanySecured(t.prisma, owner, 'Groupe JLO', true);
    await setCompanySecured(t.prisma, owner, 'Acme', true);
    await updateOrganizationSetting(t.prisma, owner, 'external-seats', '10');
    await invite(t.prisma, owner, { emails: ['in@iwe.example'] });
    await invite(t.prisma, owner, { emails: ['group@jlo.example'], company: 'Groupe JLO' });
    await invite(t.prisma, owner, { emails: ['paris@jlo.example'], company: 'JLO PARIS' });
    await invite(t.prisma, owner, { emails: ['wile@acme.example'], company: 'Acme' });
    await addMember(t.prisma, owner, {
      email: 'bob@jlo.example',
      firstName: 'Bob',
      lastName: 'Roy',
      password: 'Tr0mbone-Lavande-42',
      company: 'JLO PARIS',
    });

    const emails = async (filter: { external?: boolean; company?: string }) =>
      (await listInvitations(t.prisma, owner, filter)).invitations.map((i) => i.email).sort();
    expect(await emails({})).toHaveLength(4);
    expect(await emails({ external: true })).toEqual(['group@jlo.example', 'paris@jlo.example', 'wile@acme.example']);
    expect(await emails({ company: 'Groupe JLO' })).toEqual(['group@jlo.example', 'paris@jlo.example']);
    expect(await emails({ company: 'jlo paris' })).toEqual(['paris@jlo.example']);
    expect((await failure(emails({ company: 'Nope' }))).code).toBe('company.not_found');

    const members = async (filter: { external?: boolean; company?: string }) =>
      (await listMembers(t.prisma, owner, filter)).members.map((m) => m.email);
    expect(await members({ external: true })).toEqual(['bob@jlo.example']);
    expect(await members({ company: 'Groupe JLO' })).toEqual(['bob@jlo.example']);
    expect(await members({ company: 'Acme' })).toEqual([]);
    expect(await members({})).toHaveLength(2);
  });

  it('lists the external members in an unsecured company (unsecured, under an unsecured parent, or removed) for the admin to decide', async () => {
    const { owner } = await newOrganization(t.prisma);
    await addCompany(t.prisma, owner, { name: 'Groupe JLO' });
    await addCompany(t.prisma, owner, { name: 'JLO PARIS', parent: 'Groupe JLO' });
    await addCompany(t.prisma, owner, { name: 'Acme' });
    await addCompany(t.prisma, owner, { name: 'Gone' });
    for (const name of ['Groupe JLO', 'Acme', 'Gone']) await setCompanySecured(t.prisma, owner, name, true);
    await updateOrganizationSetting(t.prisma, owner, 'external-seats', '10');
    const add = (email: string, company?: string) =>
      addMember(t.prisma, owner, { email, firstName: 'A', lastName: 'B', password: 'Tr0mbone-Lavande-42', company });
    await add('in@iwe.example');
    await add('paris@jlo.example', 'JLO PARIS');
    await add('wile@acme.example', 'Acme');
    await add('left@gone.example', 'Gone');

    const uncovered = async () =>
      (await listMembers(t.prisma, owner, { uncovered: true })).members.map((m) => m.email).sort();
    expect(await uncovered()).toEqual([]);
    await setCompanySecured(t.prisma, owner, 'Groupe JLO', false);
    await removeCompany(t.prisma, owner, 'Gone');
    expect(await uncovered()).toEqual(['left@gone.example', 'paris@jlo.example']);
    // The members are kept: the plain list still has all of them (the owner too).
    expect((await listMembers(t.prisma, owner, {})).members).toHaveLength(5);
  });
});
