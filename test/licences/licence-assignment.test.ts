// Licences, credits and language at invite and add (issue 17, items 1-3): a licence must fit the
// user type, pending invitations reserve it and are refused with the count when none is left (never
// oversold under concurrency), a revoked invitation frees it, and acceptance carries the licences,
// credits and language to the member.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/messages.js';
import { acceptInvitation } from '../../src/invitations/accept.js';
import { issueAcceptToken } from '../../src/invitations/accept-token.js';
import { invite } from '../../src/invitations/invite.js';
import { revokeInvitation } from '../../src/invitations/revoke.js';
import { addLicence, listLicences } from '../../src/licences/manage-licences.js';
import { addMember } from '../../src/members/add-member.js';
import { canSetCredits } from '../../src/permissions/policy.js';
import { failure, memberActor, newOrganization } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

async function organizationWithInsights(owned: string) {
  const made = await newOrganization(t.prisma, { seats: 100 });
  await addLicence(t.prisma, made.owner, 'insights', {
    nameEn: 'Insights',
    nameFr: 'Insights',
    userTypes: ['creator'],
    owned,
  });
  return made;
}

const used = async (owner: Parameters<typeof listLicences>[1]) =>
  (await listLicences(t.prisma, owner)).find((l) => l.key === 'insights')?.used;

describe('licences at invite and add', () => {
  it('refuses a licence the user type cannot hold, naming both, and an unknown one', async () => {
    const { owner } = await organizationWithInsights('5');
    const refused = await failure(
      invite(t.prisma, owner, {
        emails: ['e@example.org'],
        userType: 'editor',
        role: 'viewer',
        licences: ['Insights'],
      }),
    );
    expect(refused.code).toBe('licence.not_compatible');
    expect(translate('en', 'licence.not_compatible', refused.params as never)).toBe(
      'Insights is not compatible with Editor: choose another user type or assign it later.',
    );
    expect((await failure(invite(t.prisma, owner, { emails: ['e@example.org'], licences: ['geo'] }))).code).toBe(
      'licence.unknown',
    );
  });

  it('reserves licences while pending, refuses beyond with the count, frees them on revoke', async () => {
    const { owner } = await organizationWithInsights('2');
    const made = await invite(t.prisma, owner, {
      emails: ['a@example.org', 'b@example.org', 'c@example.org'],
      userType: 'creator',
      licences: ['insights'],
    });
    expect(made.results.map((r) => r.outcome)).toEqual(['invited', 'invited', 'refused']);
    const refusal = made.results[2]?.error;
    expect(refusal && translate('en', refusal.code, refusal.params as never)).toMatch(/^Insights: 0 of 2 left\./);
    expect(refusal && translate('fr', refusal.code, refusal.params as never)).toMatch(/^Insights\u00a0: 0 sur 2/);
    expect(await used(owner)).toBe(2);

    await revokeInvitation(t.prisma, owner, made.results[0]?.invitationId ?? '');
    expect(await used(owner)).toBe(1);
    const again = await invite(t.prisma, owner, {
      emails: ['c@example.org'],
      userType: 'creator',
      licences: ['insights'],
    });
    expect(again.results[0]?.outcome).toBe('invited');

    // A direct add takes one too, under the same lock: none is left now.
    const added = await failure(
      addMember(t.prisma, owner, {
        email: 'd@example.org',
        firstName: 'D',
        lastName: 'D',
        password: 'Tr0mbone-Lavande-42',
        userType: 'creator',
        licences: ['insights'],
      }),
    );
    expect(added.code).toBe('licence.none_left');
  });

  it('never oversells: 20 parallel invites for the last 5 licences, exactly 5 succeed', async () => {
    const { owner } = await organizationWithInsights('5');
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        invite(t.prisma, owner, { emails: [`p${n}@example.org`], userType: 'creator', licences: ['insights'] }),
      ),
    );
    const invited = outcomes.filter((o) => o.results[0]?.outcome === 'invited');
    expect(invited.length).toBe(5);
    expect(outcomes.filter((o) => o.results[0]?.error?.code === 'licence.none_left').length).toBe(15);
    expect(await used(owner)).toBe(5);
  });

  it('carries licences, credits and language to the member on acceptance, and on a direct add', async () => {
    const { owner } = await organizationWithInsights('5');
    const made = await invite(t.prisma, owner, {
      emails: ['z@example.org'],
      userType: 'creator',
      licences: ['insights'],
      credits: '250',
      language: 'fr',
    });
    const id = made.results[0]?.invitationId ?? '';
    expect(await t.prisma.invitation.findUniqueOrThrow({ where: { id } })).toMatchObject({
      licences: ['insights'],
      credits: 250,
      creditsUnlimited: false,
      language: 'fr',
    });
    const accepted = await acceptInvitation(t.prisma, {
      token: await issueAcceptToken(t.prisma, id),
      firstName: 'Zoé',
      lastName: 'Z',
      password: 'Tr0mbone-Lavande-42',
      passwordConfirmation: 'Tr0mbone-Lavande-42',
    });
    if (accepted.status !== 'enrolled') throw new Error('not enrolled');
    expect(accepted.member).toMatchObject({ licences: ['insights'], credits: 250, language: 'fr' });
    expect(await used(owner)).toBe(1);

    const { member } = await addMember(t.prisma, owner, {
      email: 'y@example.org',
      firstName: 'Y',
      lastName: 'Y',
      password: 'Tr0mbone-Lavande-42',
      userType: 'creator',
      licences: ['insights'],
      credits: 'unlimited',
      language: 'en',
    });
    expect(member).toMatchObject({ licences: ['insights'], credits: null, creditsUnlimited: true, language: 'en' });
    expect(await used(owner)).toBe(2);
  });

  it('refuses bad credits and languages with their reason; credits are an administrator rule', async () => {
    const { owner } = await organizationWithInsights('5');
    expect((await failure(invite(t.prisma, owner, { emails: ['q@example.org'], credits: 'lots' }))).code).toBe(
      'credits.invalid',
    );
    expect((await failure(invite(t.prisma, owner, { emails: ['q@example.org'], language: 'de' }))).code).toBe(
      'language.invalid',
    );
    const viewer = await memberActor(t.prisma, owner, { email: 'viewer@example.org' });
    const admin = await memberActor(t.prisma, owner, { email: 'admin@example.org', role: 'administrator' });
    expect(canSetCredits(viewer.member, viewer.organization)).toBe(false);
    expect(canSetCredits(admin.member, admin.organization)).toBe(true);
    expect(canSetCredits(owner.member, owner.organization)).toBe(true);
  });
});
