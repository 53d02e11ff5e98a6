// The Teams invite and add dialogs set what the seed's "Set member properties" step does (issue 17):
// the add-on licences (with how many are left and the user types each suits), the credits (for
// those who may set them) and the language. A dialog is not redrawn when the user type changes, so
// a licence the chosen user type cannot hold is refused at submit, above the licences field, as are
// a licence none is left of, credits that are not a number and an unknown language. The pending
// card names an invitation's properties. Every card goes through Microsoft's validators.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../src/i18n/locale.js';
import { invite } from '../../src/invitations/invite.js';
import { inviteFormChoices } from '../../src/invitations/invite-form-choices.js';
import { addLicence } from '../../src/licences/manage-licences.js';
import { addMemberDialog } from '../../src/teams/cards/add-member-dialog.js';
import { inviteDialog } from '../../src/teams/cards/invite-dialog.js';
import { adaptiveCardProblems, adaptiveCardsIn } from '../support/card-validation.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { messageActivity, taskFetchInvoke, taskSubmitInvoke } from '../support/teams-requests.js';
import { aboveOf, choicesOf, dialogBody, inputOf, type Json, plain } from './dialog-inspection.js';
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

/**
 * A tenant whose organization has two licences (unless `licences` is false): ArcGIS Insights for
 * Creators only, 3 owned, and ArcGIS Workforce for Editors and Creators, unlimited.
 */
async function world(options: { locale?: Locale; licences?: boolean } = {}) {
  const locale = options.locale ?? 'en';
  const w = await linkedTenant(t, h, { locale, seats: 20 });
  if (options.licences !== false) {
    const insights = { nameEn: 'ArcGIS Insights', nameFr: 'Insights pour ArcGIS', userTypes: ['creator'] };
    await addLicence(t.prisma, w.owner, 'insights', { ...insights, owned: '3' });
    const workforce = { nameEn: 'ArcGIS Workforce', nameFr: 'ArcGIS Workforce', userTypes: ['editor', 'creator'] };
    await addLicence(t.prisma, w.owner, 'workforce', { ...workforce, unlimited: true });
  }
  const base = {
    user: w.ownerUser,
    conversation: w.ownerUser.personal,
    serviceUrl: h.fake.url,
    locale: locale === 'fr' ? 'fr-FR' : 'en-US',
  };
  const open = async (verb: string) => dialogBody((await post(h, taskFetchInvoke({ ...base, data: { verb } }))).json);
  const submit = async (data: Json) => (await post(h, taskSubmitInvoke({ ...base, data }))).json;
  const inviteForm = (data: Json) =>
    submit({ verb: 'invite_form', emails: 'ana@example.com', assignment: 'creator/user', ...data });
  const addForm = (data: Json) =>
    submit({
      verb: 'add_member_form',
      email: 'kim@example.com',
      firstName: 'Kim',
      lastName: 'Lee',
      assignment: 'creator/user',
      ...data,
    });
  const invitations = () => t.prisma.invitation.findMany({ where: { organizationId: w.organization.id } });
  const added = () =>
    t.prisma.member.findFirst({ where: { organizationId: w.organization.id, email: 'kim@example.com' } });
  /** Licences given to creators through the domain, so that fewer are left. */
  const taken = (...emails: string[]) =>
    invite(t.prisma, w.owner, { emails, userType: 'creator', role: 'viewer', licences: ['insights'] });
  return { ...w, base, open, submit, inviteForm, addForm, invitations, added, taken };
}

const dialogs = ['invite_form', 'add_member_form'] as const;

describe('the Teams invite and add dialogs with member properties', () => {
  it('offer the licences with how many are left and the user types they suit, the credits and the language', async () => {
    const w = await world();
    await w.taken('held@example.com');
    for (const verb of dialogs) {
      const body = await w.open(verb);
      const licences = inputOf(body, 'licences');
      expect(licences).toMatchObject({ type: 'Input.ChoiceSet', isMultiSelect: true, label: 'Add-on licences' });
      expect(choicesOf(licences)).toEqual([
        { title: 'ArcGIS Insights (2 left) · Creator', value: 'insights' },
        { title: 'ArcGIS Workforce · Editor, Creator', value: 'workforce' },
      ]);
      expect(inputOf(body, 'credits')).toMatchObject({ type: 'Input.Text', label: 'Credits' });
      const language = inputOf(body, 'language');
      expect(choicesOf(language)).toEqual([
        { title: 'Organization’s language (English)', value: 'organization' },
        { title: 'Français', value: 'fr' },
        { title: 'English', value: 'en' },
      ]);
      expect(language?.value).toBe('organization');
    }
  });

  it('offer no licences field when the organization has no licences', async () => {
    const w = await world({ licences: false });
    for (const verb of dialogs) {
      const body = await w.open(verb);
      expect(inputOf(body, 'licences')).toBeUndefined();
      expect(inputOf(body, 'language')).toBeDefined();
    }
  });

  it('write the licences, credits and language on the invitation', async () => {
    const w = await world();
    await w.inviteForm({ licences: 'insights,workforce', credits: '500', language: 'fr' });
    await w.inviteForm({ emails: 'bo@example.com', licences: '', credits: '', language: 'organization' });
    const rows = (await w.invitations()).sort((a, b) => a.email.localeCompare(b.email));
    expect(rows.map((r) => [r.email, r.licences, r.credits, r.creditsUnlimited, r.language])).toEqual([
      ['ana@example.com', ['insights', 'workforce'], 500, false, 'fr'],
      ['bo@example.com', [], null, false, null],
    ]);
  });

  it('write them on the member added directly', async () => {
    const w = await world();
    const answer = await w.addForm({
      assignment: 'editor/data_editor',
      licences: 'workforce',
      credits: 'unlimited',
      language: 'en',
    });
    expect(JSON.stringify(answer)).toContain('is a member');
    expect(await w.added()).toMatchObject({
      licences: ['workforce'],
      credits: null,
      creditsUnlimited: true,
      language: 'en',
    });
  });

  it('refuse a licence the chosen user type cannot hold, above the licences field, keeping what was chosen', async () => {
    const w = await world();
    const refusal = 'ArcGIS Insights is not compatible with Editor: choose another user type or assign it later.';
    for (const body of [
      dialogBody(await w.inviteForm({ assignment: 'editor/data_editor', licences: 'insights,workforce' })),
      dialogBody(await w.addForm({ assignment: 'editor/data_editor', licences: 'insights,workforce' })),
    ]) {
      expect(aboveOf(body, 'licences')?.text).toBe(refusal);
      expect(inputOf(body, 'licences')?.value).toBe('insights,workforce');
    }
    expect(await w.invitations()).toEqual([]);
    expect(await w.added()).toBeNull();
  });

  it('refuse a licence none is left of, with the count, above the licences field', async () => {
    const w = await world();
    await w.taken('a@example.com', 'b@example.com', 'c@example.com');
    expect(choicesOf(inputOf(await w.open('invite_form'), 'licences'))[0]?.title).toBe(
      'ArcGIS Insights (0 left) · Creator',
    );
    for (const body of [
      dialogBody(await w.inviteForm({ licences: 'insights' })),
      dialogBody(await w.addForm({ licences: 'insights' })),
    ]) {
      expect(aboveOf(body, 'licences')?.text).toContain('ArcGIS Insights: 0 of 3 left.');
    }
    expect((await w.invitations()).map((r) => r.email).sort()).toEqual([
      'a@example.com',
      'b@example.com',
      'c@example.com',
    ]);
    expect(await w.added()).toBeNull();
  });

  it('refuse credits that are not a number and a language Sesame does not speak, above their fields', async () => {
    const w = await world();
    const credits = dialogBody(await w.addForm({ credits: 'lots' }));
    expect(aboveOf(credits, 'credits')?.text).toBe(
      '"lots" is not a credit allocation: a whole number from 0 to 1,000,000,000, or "unlimited".',
    );
    expect(inputOf(credits, 'credits')?.value).toBe('lots');
    const language = dialogBody(await w.inviteForm({ language: 'de' }));
    expect(aboveOf(language, 'language')?.text).toBe('"de" is not a language Sesame speaks: fr or en.');
    expect(await w.invitations()).toEqual([]);
  });

  it('show no credits field to someone who may not set credits', async () => {
    const w = await world();
    const choices = { ...(await inviteFormChoices(t.prisma, w.owner)), canSetCredits: false };
    for (const dialog of [
      inviteDialog(w.organization, choices, 'en'),
      addMemberDialog(w.organization, choices, 'en'),
    ]) {
      const [card] = adaptiveCardsIn(dialog);
      expect(adaptiveCardProblems(card)).toEqual([]);
      expect(inputOf(card?.body as Json[], 'credits')).toBeUndefined();
      expect(inputOf(card?.body as Json[], 'licences')).toBeDefined();
    }
  });

  it('carry them on a member added by Enterprise ID, with the same refusals', async () => {
    const w = await world();
    await t.prisma.identityProvider.create({
      data: {
        organizationId: w.organization.id,
        issuer: 'https://login.acme.example',
        clientId: 'sesame',
        clientSecret: {},
        label: 'Acme SSO',
        joinMode: 'EITHER',
      },
    });
    const byId = { enterpriseId: 'kim@acme', assignment: 'editor/data_editor' };
    const refused = dialogBody(await w.addForm({ ...byId, licences: 'insights' }));
    expect(aboveOf(refused, 'licences')?.text).toBe(
      'ArcGIS Insights is not compatible with Editor: choose another user type or assign it later.',
    );
    expect(await w.added()).toBeNull();
    const answer = await w.addForm({ ...byId, licences: 'workforce', credits: '50', language: 'fr' });
    expect(JSON.stringify(answer)).toContain('their enterprise login');
    expect(await w.added()).toMatchObject({
      enterpriseId: 'kim@acme',
      licences: ['workforce'],
      credits: 50,
      language: 'fr',
    });
  });

  it('speak French', async () => {
    const w = await world({ locale: 'fr' });
    const body = await w.open('invite_form');
    expect(plain(inputOf(body, 'licences')?.label)).toBe('Licences additionnelles');
    expect(choicesOf(inputOf(body, 'licences')).map((c) => plain(c.title))).toEqual([
      'Insights pour ArcGIS (3 restantes) · Creator',
      'ArcGIS Workforce · Editor, Creator',
    ]);
    expect(choicesOf(inputOf(body, 'language')).map((c) => plain(c.title))).toEqual([
      'Langue de l’organisation (français)',
      'Français',
      'English',
    ]);
    const refused = dialogBody(await w.inviteForm({ assignment: 'editor/data_editor', licences: 'insights' }));
    expect(plain(aboveOf(refused, 'licences')?.text)).toBe(
      "Insights pour ArcGIS n'est pas compatible avec Editor : choisissez un autre type d'utilisateur ou attribuez-la plus tard.",
    );
    await w.inviteForm({ licences: 'insights', credits: 'illimité' });
    expect((await w.invitations()).map((r) => [r.licences, r.creditsUnlimited])).toEqual([[['insights'], true]]);
  });
});

describe('the Teams pending card', () => {
  it.each([
    ['en', 'Licences: geo\\\\_enrich · Credits: 500 · Language: French', 'Credits'],
    ['fr', 'Licences : geo\\\\_enrich · Crédits : 500 · Langue : français', 'Crédits'],
  ] as const)('names an invitation’s member properties, escaped (%s)', async (locale, line, credits) => {
    const w = await world({ locale, licences: false });
    const geo = { nameEn: 'GeoEnrichment', nameFr: 'GeoEnrichment', userTypes: ['creator'], unlimited: true };
    await addLicence(t.prisma, w.owner, 'geo_enrich', geo);
    const properties = {
      userType: 'creator',
      role: 'viewer',
      licences: ['geo_enrich'],
      credits: '500',
      language: 'fr',
    };
    await invite(t.prisma, w.owner, { emails: ['with@example.com'], ...properties });
    await invite(t.prisma, w.owner, { emails: ['without@example.com'] });
    const from = h.fake.calls.length;
    await post(h, messageActivity({ ...w.base, text: 'pending' }));
    const card = plain(sentTo(h, w.ownerUser.personal.id, from).join('\n'));
    expect(card).toContain(line);
    // Only the invitation that has some: the other's row is as before.
    expect(card.split(credits).length - 1).toBe(1);
  });
});
