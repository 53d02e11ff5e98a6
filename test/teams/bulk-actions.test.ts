// The pending list's bulk actions on Teams: the pending card offers "Resend expired (last 7
// days)…" and "Revoke pending older than 30 days…"; each answers with a confirmation card showing
// the count first (Count again for other days), whose button runs the action and answers with the
// list, what was done on top. Every card goes through Microsoft's validators (checkCardsAfterEach).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireDueInvitations } from '../../src/invitations/expire.js';
import { invite } from '../../src/invitations/invite.js';
import type { Actor } from '../../src/permissions/actor.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { adaptiveCardActionInvoke, messageActivity } from '../support/teams-requests.js';
import {
  checkCardsAfterEach,
  linkedTenant,
  post,
  sentTo,
  startTeams,
  type TeamsHarness,
  type TeamsPerson,
} from './support.js';

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

type Action = { type: string; title: string; verb: string; data: Record<string, unknown>; style?: string };
type Card = { body: Record<string, unknown>[]; actions?: Action[] };

/** Sends a personal message and returns the card the bot answered with. */
async function say(person: TeamsPerson, text: string, locale?: string): Promise<Card> {
  const from = h.fake.calls.length;
  const res = await post(
    h,
    messageActivity({ text, user: person, conversation: person.personal, serviceUrl: h.fake.url, locale }),
  );
  expect(res.status).toBe(200);
  const [sent] = sentTo(h, person.personal.id, from);
  const activity = JSON.parse(sent ?? '{}') as { attachments?: { content: Card }[] };
  expect(activity.attachments?.[0]).toBeDefined();
  return activity.attachments?.[0]?.content as Card;
}

/** Clicks an Action.Execute button (with the card's inputs); returns the card Teams shows in its place. */
async function click(
  person: TeamsPerson,
  action: Action | undefined,
  inputs: Record<string, string> = {},
  locale?: string,
) {
  expect(action).toBeDefined();
  const res = await post(
    h,
    adaptiveCardActionInvoke({
      verb: action?.verb ?? '',
      data: { ...action?.data, ...inputs },
      user: person,
      conversation: person.personal,
      serviceUrl: h.fake.url,
      locale,
    }),
  );
  expect(res.status).toBe(200);
  return (res.json as { value: Card }).value;
}

const find = (card: Card, verb: string, operation?: string) =>
  card.actions?.find((a) => a.verb === verb && (operation === undefined || a.data.operation === operation));

/** Invitations created `daysAgo` days ago; with `expire`, all their dates moved back and the due ones expired. */
async function invitedAgo(owner: Actor, emails: string[], daysAgo: number, expire = true) {
  const ids = (await invite(t.prisma, owner, { emails })).results.map((r) => r.invitationId ?? '');
  const moved = expire ? ['created_at', 'last_sent_at', 'expires_at'] : ['created_at'];
  await t.prisma.$executeRawUnsafe(
    `UPDATE invitation SET ${moved.map((c) => `${c} = ${c} - make_interval(days => $2)`).join(', ')}
      WHERE id = ANY($1::uuid[])`,
    ids,
    daysAgo,
  );
  if (expire) await expireDueInvitations(t.prisma);
  return ids;
}

describe('bulk actions from the pending card', () => {
  it('resends the expired ones after a card with the count, and counts again for other days', async () => {
    const w = await linkedTenant(t, h, { seats: 20 });
    const recent = await invitedAgo(w.owner, ['ana@x.com', 'bo@x.com'], 16);
    await invitedAgo(w.owner, ['old@x.com'], 40);
    const list = await say(w.ownerUser, 'pending');
    const open = find(list, 'pending_bulk', 'resend');
    expect(open?.title).toBe('Resend expired (last 7 days)…');
    expect(find(list, 'pending_bulk', 'revoke')?.title).toBe('Revoke pending older than 30 days…');

    const asked = await click(w.ownerUser, open);
    const shown = JSON.stringify(asked);
    expect(shown).toContain('2 invitations that expired in the last 7 days will be sent again');
    expect(shown).toContain('ana@x.com, bo@x.com');
    const run = find(asked, 'pending_bulk_run');
    expect(run).toMatchObject({ title: 'Resend 2', style: 'positive', data: { days: 7, expected: 2 } });
    expect(await t.prisma.invitation.count({ where: { id: { in: recent }, status: 'EXPIRED' } })).toBe(2);

    // Other days chosen on the card, then the button clicked without counting again: the new count
    // is shown, nothing is done.
    const recounted = await click(w.ownerUser, run, { chosenDays: '30' });
    expect(JSON.stringify(recounted)).toContain('3 invitations that expired in the last 30 days');
    expect(await t.prisma.invitation.count({ where: { id: { in: recent }, status: 'EXPIRED' } })).toBe(2);
    const counted = await click(w.ownerUser, find(asked, 'pending_bulk'), { chosenDays: '14' });
    expect(JSON.stringify(counted)).toContain('2 invitations that expired in the last 14 days');

    const done = await click(w.ownerUser, run, { chosenDays: '7' });
    expect(JSON.stringify(done)).toContain('✅ 2 invitations sent again.');
    expect(JSON.stringify(done)).toContain('2 matches');
    expect(await t.prisma.invitation.count({ where: { id: { in: recent }, status: 'PENDING' } })).toBe(2);
    const again = await click(w.ownerUser, run, { chosenDays: '7' });
    expect(JSON.stringify(again)).toContain('Nothing was done. The count changed since it was shown (2 then, 0 done)');
  });

  it('revokes the old pending ones in French, goes back to the list, and refuses a plain member', async () => {
    const w = await linkedTenant(t, h, { locale: 'fr' });
    const ids = await invitedAgo(w.owner, ['vieux@x.com'], 45, false);
    const list = await say(w.ownerUser, 'liste', 'fr-FR');
    const open = find(list, 'pending_bulk', 'revoke');
    expect(open?.title).toBe('Révoquer celles de plus de 30 jours…');
    const asked = await click(w.ownerUser, open, {}, 'fr-FR');
    expect(JSON.stringify(asked)).toContain('1 invitation créée il y a plus de 30 jours sera révoquée');
    const run = find(asked, 'pending_bulk_run');
    expect(run).toMatchObject({ title: 'Révoquer 1', style: 'destructive' });

    const back = await click(w.ownerUser, find(asked, 'pending_bulk_back'), {}, 'fr-FR');
    expect(JSON.stringify(back)).toContain('vieux@x.com');
    const viewer = await w.member('lecteur@x.com', 'viewer');
    const refused = await click(viewer, run, { chosenDays: '30' }, 'fr-FR');
    expect(JSON.stringify(refused)).toContain('lecteur@x.com ne peut pas inviter');
    expect(await t.prisma.invitation.count({ where: { id: { in: ids }, status: 'PENDING' } })).toBe(1);

    const done = await click(w.ownerUser, run, { chosenDays: '30' }, 'fr-FR');
    expect(JSON.stringify(done)).toContain('✅ 1 invitation révoquée.');
    expect(await t.prisma.invitation.count({ where: { id: { in: ids }, status: 'REVOKED' } })).toBe(1);
  });
});
