// The Teams invite and add dialogs when the organization has an identity provider and partner
// companies: the sign-in method, internal or external membership and the company (covered ones
// first), the Enterprise ID of a direct add; the domain's refusals land above their field. Every
// card goes through Microsoft's validators (checkCardsAfterEach).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCompany } from '../../src/companies/add-company.js';
import { setCompanySecured } from '../../src/companies/secure-company.js';
import type { Locale } from '../../src/i18n/locale.js';
import { updateOrganizationSetting } from '../../src/organizations/update-setting.js';
import { outboxKinds } from '../../src/outbox/enqueue.js';
import { adaptiveCardsIn } from '../support/card-validation.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { taskFetchInvoke, taskSubmitInvoke } from '../support/teams-requests.js';
import { checkCardsAfterEach, linkedTenant, post, startTeams, type TeamsHarness } from './support.js';

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

type Json = Record<string, unknown>;

/** French typography puts a non-breaking space before ":" in what Teams shows; compared as spaces. */
const plain = (value: unknown) => JSON.stringify(value).replace(/\u00a0/g, ' ');

/** The dialog's card body (a dialog answer is { task: { type: 'continue', value: { card } } }). */
function dialogBody(answer: unknown): Json[] {
  const [card] = adaptiveCardsIn(answer);
  if (!card) throw new Error(`no card in ${JSON.stringify(answer)}`);
  return card.body as Json[];
}

const inputOf = (body: Json[], id: string) => body.find((element) => element.id === id);
/** The element just above the input: where a field's problem is shown. */
const aboveOf = (body: Json[], id: string) => body[body.findIndex((element) => element.id === id) - 1];
const choicesOf = (input: Json | undefined) => (input?.choices as { title: string; value: string }[]) ?? [];

/**
 * A tenant whose organization has an identity provider ("Acme SSO", members join with it or a
 * password) unless `provider` is false, and partner companies: Groupe JLO (secured) and its
 * subsidiary JLO PARIS, Groupe Autre (not secured) and its subsidiary JLO LYON.
 */
async function world(options: { locale?: Locale; provider?: boolean; companies?: boolean } = {}) {
  const locale = options.locale ?? 'en';
  const w = await linkedTenant(t, h, { locale, seats: 10 });
  if (options.provider !== false) {
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
  }
  if (options.companies !== false) {
    await addCompany(t.prisma, w.owner, { name: 'Groupe Autre' });
    await addCompany(t.prisma, w.owner, { name: 'JLO LYON', parent: 'Groupe Autre' });
    await addCompany(t.prisma, w.owner, { name: 'Groupe JLO' });
    await addCompany(t.prisma, w.owner, { name: 'JLO PARIS', parent: 'Groupe JLO' });
    await setCompanySecured(t.prisma, w.owner, 'Groupe JLO', true);
    await updateOrganizationSetting(t.prisma, w.owner, 'external-seats', '5');
  }
  const base = {
    user: w.ownerUser,
    conversation: w.ownerUser.personal,
    serviceUrl: h.fake.url,
    locale: locale === 'fr' ? 'fr-FR' : 'en-US',
  };
  const open = async (verb: string) => dialogBody((await post(h, taskFetchInvoke({ ...base, data: { verb } }))).json);
  const submit = async (data: Json) => (await post(h, taskSubmitInvoke({ ...base, data }))).json;
  return { ...w, base, open, submit };
}

describe('the Teams invite dialog', () => {
  it('offers neither sign-in method nor companies to an organization without a provider or companies', async () => {
    const w = await world({ provider: false, companies: false });
    const body = await w.open('invite_form');
    expect(['signIn', 'kind', 'company'].map((id) => inputOf(body, id))).toEqual([undefined, undefined, undefined]);
    expect(inputOf(await w.open('add_member_form'), 'enterpriseId')).toBeUndefined();
  });

  it('offers the sign-in method, enterprise login first chosen, and the companies, covered first', async () => {
    const w = await world();
    const body = await w.open('invite_form');
    const signIn = inputOf(body, 'signIn');
    expect(choicesOf(signIn).map((c) => c.value)).toEqual(['password', 'enterprise']);
    expect(choicesOf(signIn)[1]?.title).toContain('Continue with Acme SSO');
    expect(signIn?.value).toBe('enterprise');
    const kind = inputOf(body, 'kind');
    expect([choicesOf(kind).map((c) => c.value), kind?.value]).toEqual([['internal', 'external'], 'internal']);
    expect(choicesOf(inputOf(body, 'company'))).toEqual([
      { title: 'Groupe JLO', value: 'Groupe JLO' },
      { title: 'Groupe JLO/JLO PARIS', value: 'Groupe JLO/JLO PARIS' },
      { title: 'Groupe Autre (not secured)', value: 'Groupe Autre' },
      { title: 'Groupe Autre/JLO LYON (not secured)', value: 'Groupe Autre/JLO LYON' },
    ]);
  });

  it('offers only the enterprise login when the organization joins through its provider only', async () => {
    const w = await world({ companies: false });
    await t.prisma.identityProvider.update({
      where: { organizationId: w.organization.id },
      data: { joinMode: 'ENTERPRISE' },
    });
    const body = await w.open('invite_form');
    expect(choicesOf(inputOf(body, 'signIn')).map((c) => c.value)).toEqual(['enterprise']);
    expect(inputOf(body, 'kind')).toBeUndefined();
  });

  it('sends an enterprise invitation, or a password one when asked', async () => {
    const w = await world();
    const form = { verb: 'invite_form', assignment: 'editor/data_editor' };
    await w.submit({ ...form, emails: 'sso.ana@example.com', signIn: 'enterprise', kind: 'internal' });
    await w.submit({ ...form, emails: 'pw.bo@example.com', signIn: 'password', kind: 'internal' });
    const rows = await t.prisma.invitation.findMany({
      where: { organizationId: w.organization.id },
      orderBy: { email: 'asc' },
    });
    expect(rows.map((r) => [r.email, r.enterprise, r.external])).toEqual([
      ['pw.bo@example.com', false, false],
      ['sso.ana@example.com', true, false],
    ]);
  });

  it('invites an external member for a covered company', async () => {
    const w = await world();
    const answer = await w.submit({
      verb: 'invite_form',
      emails: 'paul@jlo.example',
      assignment: 'editor/data_editor',
      signIn: 'password',
      kind: 'external',
      company: 'Groupe JLO/JLO PARIS',
    });
    expect(plain(answer)).toContain('paul@jlo.example');
    const row = await t.prisma.invitation.findFirstOrThrow({ where: { organizationId: w.organization.id } });
    expect([row.external, row.companyName, row.status]).toEqual([true, 'JLO PARIS', 'PENDING']);
  });

  it.each([
    ['en', 'JLO LYON is not secured: secure it or one of its parent companies (Groupe Autre).'],
    ['fr', "JLO LYON n'est pas sécurisée : sécurisez-la, ou l'une de ses sociétés mères (Groupe Autre)."],
  ] as const)(
    'refuses an uncovered company above its field, naming the company to secure (%s)',
    async (locale, why) => {
      const w = await world({ locale });
      const answer = await w.submit({
        verb: 'invite_form',
        emails: 'luc@jlo.example',
        assignment: 'editor/data_editor',
        signIn: 'enterprise',
        kind: 'external',
        company: 'Groupe Autre/JLO LYON',
        message: 'Bienvenue',
      });
      const body = dialogBody(answer);
      expect(plain(aboveOf(body, 'company'))).toContain(why);
      // What was chosen and typed is kept.
      expect([inputOf(body, 'company')?.value, inputOf(body, 'kind')?.value, inputOf(body, 'message')?.value]).toEqual([
        'Groupe Autre/JLO LYON',
        'external',
        'Bienvenue',
      ]);
      expect(await t.prisma.invitation.count({ where: { organizationId: w.organization.id } })).toBe(0);
    },
  );

  it.each([
    ['en', 'An external member belongs to a partner company: choose it.', 'A company is for external members only'],
    ['fr', 'Un membre externe appartient à une société partenaire : choisissez-la.', 'Une société ne se choisit que'],
  ] as const)(
    'asks for the company of an external member, and none for an internal one (%s)',
    async (locale, needed, internal) => {
      const w = await world({ locale });
      const form = { verb: 'invite_form', emails: 'x@jlo.example', assignment: 'editor/data_editor' };
      const missing = dialogBody(await w.submit({ ...form, kind: 'external' }));
      expect(plain(aboveOf(missing, 'company'))).toContain(needed);
      const mixed = dialogBody(await w.submit({ ...form, kind: 'internal', company: 'Groupe JLO' }));
      expect(plain(aboveOf(mixed, 'company'))).toContain(internal);
      // The company is cleared, so that sending again as it is invites an internal member.
      expect(inputOf(mixed, 'company')?.value).toBeUndefined();
      expect(await t.prisma.invitation.count({ where: { organizationId: w.organization.id } })).toBe(0);
    },
  );

  it('lets the company be typed when the companies are too many for one card', async () => {
    const w = await world({ provider: false });
    const rows = Array.from({ length: 400 }, (_, i) => {
      const name = `Société partenaire numéro ${String(i).padStart(3, '0')} du groupe`;
      return { organizationId: w.organization.id, name, nameKey: name.toLowerCase(), secured: true };
    });
    await t.prisma.company.createMany({ data: rows });
    const body = await w.open('invite_form');
    expect(inputOf(body, 'company')?.type).toBe('Input.Text');
    expect(plain(body)).toContain('Type its name, or its path when several companies share the name');
    await w.submit({
      verb: 'invite_form',
      emails: 'typed@jlo.example',
      assignment: 'editor/data_editor',
      kind: 'external',
      company: 'société partenaire numéro 042 du groupe',
    });
    const row = await t.prisma.invitation.findFirstOrThrow({ where: { organizationId: w.organization.id } });
    expect(row.companyName).toBe('Société partenaire numéro 042 du groupe');
  });
});

describe('the Teams add dialog', () => {
  const person = { verb: 'add_member_form', firstName: 'Kim', lastName: 'Lee', assignment: 'editor/data_editor' };

  it('offers an Enterprise ID with its warning, and adds by it without a temporary password', async () => {
    const w = await world();
    const body = await w.open('add_member_form');
    expect(inputOf(body, 'enterpriseId')?.type).toBe('Input.Text');
    expect(plain(body)).toContain('A wrong ID makes an account nobody can use');
    expect(choicesOf(inputOf(body, 'kind')).map((c) => c.value)).toEqual(['internal', 'external']);

    const answer = await w.submit({ ...person, email: 'kim@example.com', enterpriseId: '00uKIM', kind: 'internal' });
    const shown = plain(answer);
    expect(shown).toContain('is a member');
    expect(shown).toContain('they sign in with Acme SSO');
    expect(shown).not.toMatch(/[a-z0-9]{5}-[a-z0-9]{5}-[a-z0-9]{4}/);
    const member = await t.prisma.member.findFirstOrThrow({
      where: { organizationId: w.organization.id, email: 'kim@example.com' },
    });
    expect([member.enterpriseId, member.passwordHash, member.status, member.external]).toEqual([
      '00uKIM',
      null,
      'ACTIVE',
      false,
    ]);
    // The domain e-mails the member that they sign in with the enterprise login.
    const mail = await t.prisma.outboxMessage.count({
      where: { organizationId: w.organization.id, kind: outboxKinds.memberAddedEmail },
    });
    expect(mail).toBe(1);
  });

  it('adds external members for a covered company, by Enterprise ID or with a temporary password', async () => {
    const w = await world();
    const external = { kind: 'external', company: 'Groupe JLO/JLO PARIS' };
    await w.submit({ ...person, ...external, email: 'id.kim@jlo.example', enterpriseId: '00uJLO' });
    const shown = plain(await w.submit({ ...person, ...external, email: 'pw.kim@jlo.example' }));
    expect(shown).toMatch(/"text":"[a-z0-9]{5}-[a-z0-9]{5}-[a-z0-9]{4}"/);
    const members = await t.prisma.member.findMany({
      where: { organizationId: w.organization.id, external: true },
      orderBy: { email: 'asc' },
    });
    expect(members.map((m) => [m.email, m.companyName, m.enterpriseId])).toEqual([
      ['id.kim@jlo.example', 'JLO PARIS', '00uJLO'],
      ['pw.kim@jlo.example', 'JLO PARIS', null],
    ]);
  });

  it.each([
    ['en', 'JLO LYON is not secured', 'Leave the username empty with an Enterprise ID'],
    ['fr', "JLO LYON n'est pas sécurisée", 'Laissez le nom d’utilisateur vide avec un ID d’entreprise'],
  ] as const)('shows the refusals above their fields (%s)', async (locale, uncovered, username) => {
    const w = await world({ locale });
    const refused = dialogBody(
      await w.submit({ ...person, email: 'luc@jlo.example', kind: 'external', company: 'Groupe Autre/JLO LYON' }),
    );
    expect(plain(aboveOf(refused, 'company'))).toContain(uncovered);
    const both = dialogBody(
      await w.submit({ ...person, email: 'luc@jlo.example', username: 'luc.jlo.user', enterpriseId: '00uLUC' }),
    );
    expect(plain(aboveOf(both, 'username'))).toContain(username);
    const badId = dialogBody(await w.submit({ ...person, email: 'luc@jlo.example', enterpriseId: 'two words' }));
    expect(plain(aboveOf(badId, 'enterpriseId'))).toMatch(/1 (to|à) 255/);
    expect(await t.prisma.member.count({ where: { organizationId: w.organization.id } })).toBe(1);
  });
});
