// The `seats` card in Teams with the external seats apart and how members sign in, and the
// `companies` tree with its marks, in English and French; names are shown as typed (escaped).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCompany } from '../../src/companies/add-company.js';
import { setCompanySecured } from '../../src/companies/secure-company.js';
import { invite } from '../../src/invitations/invite.js';
import { updateOrganizationSetting } from '../../src/organizations/update-setting.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { messageActivity } from '../support/teams-requests.js';
import { checkCardsAfterEach, linkedTenant, post, sentTo, startTeams, type TeamsHarness } from './support.js';

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

/** What the bot answered the owner's message, with French non-breaking spaces read as spaces. */
async function say(w: Awaited<ReturnType<typeof linkedTenant>>, locale: 'en' | 'fr', text: string): Promise<string> {
  const from = h.fake.calls.length;
  const person = w.ownerUser;
  await post(
    h,
    messageActivity({
      text,
      user: person,
      conversation: person.personal,
      serviceUrl: h.fake.url,
      locale: locale === 'fr' ? 'fr-FR' : 'en-US',
    }),
  );
  return sentTo(h, person.personal.id, from)
    .join('\n')
    .replace(/\u00a0/g, ' ');
}

describe.each([
  {
    locale: 'en',
    external: [
      'External seats',
      '1 of 3 used · 2 remaining',
      '0 external members · 1 pending invitations · 0 awaiting',
    ],
    signIn: 'Members join with Acme \\\\*SSO\\\\* or a password.',
    password: 'Members join with a password.',
    tree: ['Partner companies** (3)', '🔒 Groupe JLO', '└─ ✅ JLO \\\\*PARIS\\\\*', '⚠️ Groupe \\\\[Autre\\\\]'],
  },
  {
    locale: 'fr',
    external: ['Places externes', '1 sur 3 utilisées · 2 restantes', '0 membres externes · 1 invitations en attente'],
    signIn: 'Les membres rejoignent avec Acme \\\\*SSO\\\\* ou un mot de passe.',
    password: 'Les membres rejoignent avec un mot de passe.',
    tree: ['Sociétés partenaires** (3)', '🔒 Groupe JLO', '└─ ✅ JLO \\\\*PARIS\\\\*', '⚠️ Groupe \\\\[Autre\\\\]'],
  },
] as const)('Teams seats and companies ($locale)', ({ locale, external, signIn, password, tree }) => {
  it('shows the external seats apart, and how members sign in', async () => {
    const w = await linkedTenant(t, h, { locale, seats: 4 });
    const plainSeats = await say(w, locale, 'seats');
    expect(plainSeats).toContain(password);
    expect(plainSeats).not.toContain(external[0]);

    await t.prisma.identityProvider.create({
      data: {
        organizationId: w.organization.id,
        issuer: 'https://login.acme.example',
        clientId: 'sesame',
        clientSecret: {},
        label: 'Acme *SSO*',
        joinMode: 'EITHER',
      },
    });
    await addCompany(t.prisma, w.owner, { name: 'Groupe JLO' });
    await setCompanySecured(t.prisma, w.owner, 'Groupe JLO', true);
    await updateOrganizationSetting(t.prisma, w.owner, 'external-seats', '3');
    await invite(t.prisma, w.owner, { emails: ['paul@jlo.example'], company: 'Groupe JLO' });
    const seats = await say(w, locale, 'seats');
    for (const line of external) expect(seats).toContain(line);
    expect(seats).toContain(signIn);
  });

  it('lists the companies as a tree with their marks', async () => {
    const w = await linkedTenant(t, h, { locale });
    await addCompany(t.prisma, w.owner, { name: 'Groupe JLO' });
    await addCompany(t.prisma, w.owner, { name: 'JLO *PARIS*', parent: 'Groupe JLO' });
    await addCompany(t.prisma, w.owner, { name: 'Groupe [Autre]' });
    await setCompanySecured(t.prisma, w.owner, 'Groupe JLO', true);
    const shown = await say(w, locale, 'companies');
    for (const line of tree) expect(shown).toContain(line);
  });
});
