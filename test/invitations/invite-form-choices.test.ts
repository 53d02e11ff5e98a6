// What the Slack and Teams invite and add forms offer: the sign-in method only with an enabled
// identity provider, and the partner companies with the covered ones first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCompany } from '../../src/companies/add-company.js';
import { setCompanySecured } from '../../src/companies/secure-company.js';
import { inviteFormChoices } from '../../src/invitations/invite-form-choices.js';
import { failure, memberActor, newOrganization } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe('the invite forms’ choices', () => {
  it('lists covered companies first (by path), then the others, and no sign-in method without a provider', async () => {
    const { owner } = await newOrganization(t.prisma);
    await addCompany(t.prisma, owner, { name: 'Acier Ouest' });
    await addCompany(t.prisma, owner, { name: 'Groupe JLO' });
    await addCompany(t.prisma, owner, { name: 'JLO PARIS', parent: 'Groupe JLO' });
    await setCompanySecured(t.prisma, owner, 'Groupe JLO', true);

    const choices = await inviteFormChoices(t.prisma, owner);
    expect(choices.enterpriseLogin).toBeNull();
    expect(choices.companies.map((c) => [c.path, c.covered])).toEqual([
      ['Groupe JLO', true],
      ['Groupe JLO/JLO PARIS', true],
      ['Acier Ouest', false],
    ]);
  });

  it('offers the enterprise login only while the provider is enabled', async () => {
    const { owner } = await newOrganization(t.prisma);
    await t.prisma.identityProvider.create({
      data: {
        organizationId: owner.organization.id,
        issuer: 'https://login.example.com',
        clientId: 'sesame',
        clientSecret: {},
        label: 'Acme SSO',
        joinMode: 'ENTERPRISE',
      },
    });
    expect((await inviteFormChoices(t.prisma, owner)).enterpriseLogin).toEqual({
      label: 'Acme SSO',
      joinMode: 'ENTERPRISE',
    });
    await t.prisma.identityProvider.update({
      where: { organizationId: owner.organization.id },
      data: { enabled: false },
    });
    expect((await inviteFormChoices(t.prisma, owner)).enterpriseLogin).toBeNull();
  });

  it('is for those who invite: a plain member is refused', async () => {
    const { owner } = await newOrganization(t.prisma);
    const viewer = await memberActor(t.prisma, owner, { email: 'viewer@example.com' });
    expect((await failure(inviteFormChoices(t.prisma, viewer))).code).toBe('permission.invite');
  });
});
