// The Teams invite dialog's reserved username (ArcGIS's "add members and notify them by e-mail"):
// offered only where the organization's members have usernames, written on the invitation, and
// refused above its field when it breaks the rule, comes with several addresses, or is taken.
// Every card goes through Microsoft's validators (checkCardsAfterEach).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../src/i18n/locale.js';
import { invite } from '../../src/invitations/invite.js';
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

function dialogBody(answer: unknown): Json[] {
  const [card] = adaptiveCardsIn(answer);
  if (!card) throw new Error(`no card in ${JSON.stringify(answer)}`);
  return card.body as Json[];
}

const inputOf = (body: Json[], id: string) => body.find((element) => element.id === id);
/** The element just above the input: where a field's problem is shown. */
const aboveOf = (body: Json[], id: string) => body[body.findIndex((element) => element.id === id) - 1];
/** French typography puts a non-breaking space before ":"; compared as spaces. */
const plain = (value: unknown) => String(value).replace(/\u00a0/g, ' ');

async function world(options: { locale?: Locale; usesUsernames?: boolean } = {}) {
  const locale = options.locale ?? 'en';
  const w = await linkedTenant(t, h, { locale, seats: 10 });
  await t.prisma.organization.update({
    where: { id: w.organization.id },
    data: { usesUsernames: options.usesUsernames ?? true },
  });
  const base = {
    user: w.ownerUser,
    conversation: w.ownerUser.personal,
    serviceUrl: h.fake.url,
    locale: locale === 'fr' ? 'fr-FR' : 'en-US',
  };
  const open = async () =>
    dialogBody((await post(h, taskFetchInvoke({ ...base, data: { verb: 'invite_form' } }))).json);
  const submit = async (data: Json) =>
    (await post(h, taskSubmitInvoke({ ...base, data: { verb: 'invite_form', assignment: 'viewer/viewer', ...data } })))
      .json;
  const invitations = () => t.prisma.invitation.findMany({ where: { organizationId: w.organization.id } });
  return { ...w, open, submit, invitations };
}

describe('the Teams invite dialog with a username', () => {
  it('offers the username only where the organization uses usernames', async () => {
    const without = await world({ usesUsernames: false });
    expect(inputOf(await without.open(), 'username')).toBeUndefined();
    const withUsernames = await world();
    const field = inputOf(await withUsernames.open(), 'username');
    expect(field?.label).toBe('Username (one address only: the e-mail states it; it cannot be changed afterwards)');
    const french = await world({ locale: 'fr' });
    expect(plain(inputOf(await french.open(), 'username')?.label)).toBe(
      "Nom d'utilisateur (une seule adresse : l'e-mail l'indique ; il ne pourra plus être changé)",
    );
  });

  it('reserves the username on the invitation', async () => {
    const w = await world();
    await w.submit({ emails: 'paul.martin@example.com', username: 'Paul.Martin' });
    const rows = await w.invitations();
    expect(rows.map((r) => [r.email, r.username])).toEqual([['paul.martin@example.com', 'paul.martin']]);
  });

  it('refuses a username with several addresses, above the field, in English and French', async () => {
    const w = await world();
    const body = dialogBody(await w.submit({ emails: 'ana@example.com, bo@example.com', username: 'ana.lima' }));
    expect(aboveOf(body, 'username')?.text).toBe(
      'A username is for one address only: invite a single address, or leave the username empty.',
    );
    expect(inputOf(body, 'username')?.value).toBe('ana.lima');
    const fr = await world({ locale: 'fr' });
    const frBody = dialogBody(await fr.submit({ emails: 'ana@example.com bo@example.com', username: 'ana.lima' }));
    expect(plain(aboveOf(frBody, 'username')?.text)).toBe(
      "Un nom d'utilisateur ne vaut que pour une adresse : invitez une seule adresse, ou laissez le nom d'utilisateur vide.",
    );
    expect([...(await w.invitations()), ...(await fr.invitations())]).toEqual([]);
  });

  it('refuses a username breaking the rule above the field', async () => {
    const w = await world();
    const body = dialogBody(await w.submit({ emails: 'ana@example.com', username: 'ana' }));
    expect(aboveOf(body, 'username')?.text).toContain('is not a valid username');
    expect(await w.invitations()).toEqual([]);
  });

  it('refuses a taken username above the field after the attempt', async () => {
    const w = await world();
    await invite(t.prisma, w.owner, { emails: ['first@example.com'], username: 'paul.martin' });
    const body = dialogBody(await w.submit({ emails: 'second@example.com', username: 'paul.martin' }));
    expect(aboveOf(body, 'username')?.text).toBe('The username paul.martin is already taken; choose another one.');
    expect((await w.invitations()).map((r) => r.email)).toEqual(['first@example.com']);
  });
});
