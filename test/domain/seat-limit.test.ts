// `org set seats`: never below the seats in use, and said so with the figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../src/errors/app-error.js';
import { translate } from '../../src/i18n/messages.js';
import { invite } from '../../src/invitations/invite.js';
import { updateOrganizationSetting } from '../../src/organizations/update-setting.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { failure, newOrganization } from './fixtures.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe('setting the seat limit', () => {
  it('refuses a limit below the seats in use, in English and French, and keeps the limit', async () => {
    const { owner } = await newOrganization(t.prisma, { seats: 10 });
    await invite(t.prisma, owner, { emails: ['a@x.com', 'b@x.com', 'c@x.com'] });
    const refused = await failure<AppError>(updateOrganizationSetting(t.prisma, owner, 'seats', '2'));
    expect(refused.code).toBe('org.seats_below_usage');
    expect(translate('en', refused.code, refused.params)).toBe(
      '4 seats are in use (1 member, 3 pending invitations): the limit cannot be set to 2. Set at least 4, or revoke invitations first.',
    );
    expect(translate('fr', refused.code, refused.params)).toBe(
      '4 places sont utilisées (1 membre, 3 invitations en attente) : la limite ne peut pas passer à 2. Indiquez au moins 4, ou révoquez d’abord des invitations.',
    );
    const org = await t.prisma.organization.findUniqueOrThrow({ where: { id: owner.organization.id } });
    expect(org.seatLimit).toBe(10);
    await updateOrganizationSetting(t.prisma, owner, 'seats', '4');
    expect((await t.prisma.organization.findUniqueOrThrow({ where: { id: owner.organization.id } })).seatLimit).toBe(4);
  });
});
