// A suspended external invitation (its company no longer covered) is not e-mailed again: a resend
// or a "remind now" would send a link that only shows the "cannot be used right now" page. Both are
// refused with the company to secure, in English and French, from every channel (the domain
// decides); once the company is covered again, the invitation can be resent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCompany } from '../../src/companies/add-company.js';
import { removeCompany } from '../../src/companies/remove-company.js';
import { setCompanySecured } from '../../src/companies/secure-company.js';
import type { AppError } from '../../src/errors/app-error.js';
import { translate } from '../../src/i18n/messages.js';
import { invite } from '../../src/invitations/invite.js';
import { remindNow } from '../../src/invitations/remind.js';
import { resendInvitation } from '../../src/invitations/resend.js';
import { updateOrganizationSetting } from '../../src/organizations/update-setting.js';
import type { Actor } from '../../src/permissions/actor.js';
import { failure, newOrganization } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { adaptiveCardActionInvoke } from '../support/teams-requests.js';
import { checkCardsAfterEach, linkedTenant, post, startTeams, type TeamsHarness } from '../teams/support.js';

let t: TestDatabase;
let h: TeamsHarness;
beforeAll(async () => {
  t = await createTestDatabase();
  h = await startTeams(t);
});
checkCardsAfterEach(() => h);
afterAll(async () => {
  await h?.close();
  await t?.close();
});

// Past the resend cooldown (24 h), well before the invitation expires.
const later = () => new Date(Date.now() + 25 * 3_600_000);

/** An owner whose "JLO PARIS" (under "Groupe JLO") has one external invitation, then uncovered. */
async function suspendedInvitation(owner: Actor, email: string) {
  await addCompany(t.prisma, owner, { name: 'Groupe JLO' });
  await addCompany(t.prisma, owner, { name: 'JLO PARIS', parent: 'Groupe JLO' });
  await setCompanySecured(t.prisma, owner, 'Groupe JLO', true);
  await updateOrganizationSetting(t.prisma, owner, 'external-seats', '5');
  await invite(t.prisma, owner, { emails: [email], company: 'JLO PARIS' });
  await setCompanySecured(t.prisma, owner, 'Groupe JLO', false);
  const invitation = await t.prisma.invitation.findFirstOrThrow({
    where: { organizationId: owner.organization.id, email },
  });
  expect(invitation.suspended).toBe(true);
  return invitation;
}

const emailsQueued = (owner: Actor) =>
  t.prisma.outboxMessage.count({ where: { organizationId: owner.organization.id, kind: 'invitation.email' } });

const texts = (error: AppError) => ({
  en: translate('en', error.code, error.params as never),
  fr: translate('fr', error.code, error.params as never).replace(/\u00a0/g, ' '),
});

describe('a suspended external invitation', () => {
  it('is neither resent nor reminded, with the company to secure named, then resent once covered again', async () => {
    const { owner } = await newOrganization(t.prisma);
    const invitation = await suspendedInvitation(owner, 'paul@jlo.example');
    const queued = await emailsQueued(owner);

    const resend = await failure(resendInvitation(t.prisma, owner, invitation.id, later()));
    expect(resend.code).toBe('invitation.suspended');
    expect(texts(resend)).toEqual({
      en: 'The invitation to paul@jlo.example is suspended, so it is not sent. JLO PARIS is not secured: secure it or one of its parent companies (Groupe JLO).',
      fr: "L'invitation à paul@jlo.example est suspendue : elle n'est pas envoyée. JLO PARIS n'est pas sécurisée : sécurisez-la, ou l'une de ses sociétés mères (Groupe JLO).",
    });
    const remind = await failure(remindNow(t.prisma, owner, 'paul@jlo.example', later()));
    expect(remind.code).toBe('invitation.suspended');
    expect(await emailsQueued(owner)).toBe(queued);
    const unchanged = await t.prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(unchanged.sendCount).toBe(invitation.sendCount);
    expect(unchanged.expiresAt).toEqual(invitation.expiresAt);

    await setCompanySecured(t.prisma, owner, 'JLO PARIS', true);
    const resent = await resendInvitation(t.prisma, owner, invitation.id, later());
    expect(resent.sendCount).toBe(invitation.sendCount + 1);
    expect(await emailsQueued(owner)).toBe(queued + 1);
  });

  it('names a top-level company alone, and says when the company was removed', async () => {
    const { owner } = await newOrganization(t.prisma, { locale: 'fr' });
    await addCompany(t.prisma, owner, { name: 'Acme' });
    await setCompanySecured(t.prisma, owner, 'Acme', true);
    await updateOrganizationSetting(t.prisma, owner, 'external-seats', '5');
    await invite(t.prisma, owner, { emails: ['ana@acme.example'], company: 'Acme' });
    await setCompanySecured(t.prisma, owner, 'Acme', false);
    const alone = await failure(resendInvitation(t.prisma, owner, 'ana@acme.example', later()));
    expect(texts(alone).en).toBe(
      'The invitation to ana@acme.example is suspended, so it is not sent. Acme is not secured: secure it first (sesame companies secure "Acme").',
    );

    await removeCompany(t.prisma, owner, 'Acme');
    const removed = await failure(remindNow(t.prisma, owner, 'ana@acme.example', later()));
    expect(removed.code).toBe('invitation.suspended_company_removed');
    expect(texts(removed)).toEqual({
      en: 'The invitation to ana@acme.example is suspended, so it is not sent. Its company, Acme, was removed: revoke the invitation, or invite the person again for a secured company.',
      fr: "L'invitation à ana@acme.example est suspendue : elle n'est pas envoyée. Sa société, Acme, a été retirée : révoquez l'invitation, ou invitez de nouveau la personne pour une société sécurisée.",
    });
  });

  it('is refused from the Teams pending card too, the card redrawn with the reason', async () => {
    const w = await linkedTenant(t, h);
    const invitation = await suspendedInvitation(w.owner, 'teams.guest@jlo.example');
    await t.prisma.invitation.update({ where: { id: invitation.id }, data: { lastSentAt: new Date(0) } });
    const res = await post(
      h,
      adaptiveCardActionInvoke({
        verb: 'pending_resend',
        data: { id: invitation.id, list: { page: 1 } },
        user: w.ownerUser,
        conversation: w.ownerUser.personal,
        serviceUrl: h.fake.url,
      }),
    );
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.json)).toContain('teams.guest@jlo.example is suspended, so it is not sent');
    const after = await t.prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(after.sendCount).toBe(invitation.sendCount);
  });
});
