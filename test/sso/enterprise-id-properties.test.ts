// A member added by enterprise ID gets the same member properties as one added with a password
// (issue 17: licences, credits, language), with the same refusals; before, they were dropped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLicence, listLicences } from '../../src/licences/manage-licences.js';
import { addMemberByEnterpriseId } from '../../src/sso/add-member-by-enterprise-id.js';
import { failure, newOrganization } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

async function organizationWithProviderAndLicence(owned: string) {
  const made = await newOrganization(t.prisma, { seats: 10 });
  await t.prisma.identityProvider.create({
    data: {
      organizationId: made.owner.organization.id,
      issuer: 'https://login.acme.example',
      clientId: 'sesame',
      clientSecret: {},
      label: 'Acme SSO',
    },
  });
  await addLicence(t.prisma, made.owner, 'insights', {
    nameEn: 'Insights',
    nameFr: 'Insights',
    userTypes: ['creator'],
    owned,
  });
  return made;
}

const person = (id: string) => ({ email: `${id}@acme.example`, firstName: 'Jon', lastName: 'Cho', enterpriseId: id });

describe('a member added by enterprise ID, with member properties', () => {
  it('carries licences, credits and language, and takes the licence', async () => {
    const { owner } = await organizationWithProviderAndLicence('1');
    const { member } = await addMemberByEnterpriseId(t.prisma, owner, {
      ...person('00ua1'),
      userType: 'creator',
      licences: ['Insights'],
      credits: 'unlimited',
      language: 'fr',
    });
    expect(member).toMatchObject({ licences: ['insights'], creditsUnlimited: true, language: 'fr' });
    expect((await listLicences(t.prisma, owner)).find((l) => l.key === 'insights')?.used).toBe(1);

    // None left: refused with the count, and nothing is added.
    const refused = await failure(
      addMemberByEnterpriseId(t.prisma, owner, { ...person('00ua2'), userType: 'creator', licences: ['insights'] }),
    );
    expect(refused.code).toMatch(/^licence\./);
    expect(await t.prisma.member.count({ where: { enterpriseId: '00ua2' } })).toBe(0);
  });

  it('refuses a licence the user type cannot hold and bad credits, as a direct add does', async () => {
    const { owner } = await organizationWithProviderAndLicence('5');
    const incompatible = await failure(
      addMemberByEnterpriseId(t.prisma, owner, { ...person('00ub1'), userType: 'viewer', licences: ['insights'] }),
    );
    expect(incompatible.code).toMatch(/^licence\./);
    const credits = await failure(addMemberByEnterpriseId(t.prisma, owner, { ...person('00ub2'), credits: 'lots' }));
    expect(credits.code).toMatch(/^credits\./);
    expect(await t.prisma.member.count({ where: { enterpriseId: { in: ['00ub1', '00ub2'] } } })).toBe(0);
  });
});
