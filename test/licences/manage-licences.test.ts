// The catalogue of add-on licences (issue 17, item 1): added, changed and removed by owners and
// administrators, listed with how many are used; removal refused while assigned, with the count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/messages.js';
import { invite } from '../../src/invitations/invite.js';
import { addLicence, listLicences, removeLicence, setLicence } from '../../src/licences/manage-licences.js';
import { failure, memberActor, newOrganization } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const insights = { nameEn: 'Insights for ArcGIS', nameFr: 'Insights pour ArcGIS', userTypes: ['Creator'], owned: '5' };

describe('the licence catalogue', () => {
  it('adds, lists with used/owned, changes and removes a licence', async () => {
    const { owner } = await newOrganization(t.prisma);
    const added = await addLicence(t.prisma, owner, 'Insights', insights);
    expect(added).toMatchObject({ key: 'insights', userTypes: ['creator'], owned: 5, used: 0 });
    await addLicence(t.prisma, owner, 'workforce', {
      nameEn: 'Workforce',
      nameFr: 'Workforce',
      userTypes: ['editor,creator'],
      unlimited: true,
    });
    await invite(t.prisma, owner, {
      emails: ['a@example.org', 'b@example.org'],
      userType: 'creator',
      licences: ['insights'],
    });
    const listed = await listLicences(t.prisma, owner);
    expect(listed.map((l) => [l.key, l.used, l.owned])).toEqual([
      ['insights', 2, 5],
      ['workforce', 0, null],
    ]);

    const lowered = await failure(setLicence(t.prisma, owner, 'insights', { owned: '1' }));
    expect(lowered.code).toBe('licence.owned_below_used');
    expect((await setLicence(t.prisma, owner, 'insights', { owned: '2', nameFr: 'Insights' })).names.fr).toBe(
      'Insights',
    );

    const inUse = await failure(removeLicence(t.prisma, owner, 'insights'));
    expect(inUse.code).toBe('licence.in_use');
    expect(translate('en', inUse.code as 'licence.in_use', inUse.params as never)).toContain('(2 member(s)');
    await removeLicence(t.prisma, owner, 'workforce');
    expect((await listLicences(t.prisma, owner)).map((l) => l.key)).toEqual(['insights']);
  });

  it('refuses bad input with its reason, and members who are not administrators', async () => {
    const { owner } = await newOrganization(t.prisma);
    expect((await failure(addLicence(t.prisma, owner, 'bad key!', insights))).code).toBe('licence.invalid_key');
    expect((await failure(addLicence(t.prisma, owner, 'x', { ...insights, userTypes: ['Pilot'] }))).code).toBe(
      'user_type.unknown',
    );
    expect((await failure(addLicence(t.prisma, owner, 'x', { ...insights, owned: '-3' }))).code).toBe(
      'licence.invalid_owned',
    );
    await addLicence(t.prisma, owner, 'insights', insights);
    expect((await failure(addLicence(t.prisma, owner, 'insights', insights))).code).toBe('licence.exists');
    const viewer = await memberActor(t.prisma, owner, { email: 'viewer@example.org' });
    expect((await failure(listLicences(t.prisma, viewer))).code).toBe('permission.manage_licences');
    const admin = await memberActor(t.prisma, owner, { email: 'admin@example.org', role: 'administrator' });
    expect((await listLicences(t.prisma, admin)).length).toBe(1);
  });
});
