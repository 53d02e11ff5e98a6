// Removing a member from Teams (issue 17, item 5): `remove <e-mail>` (`retirer` in French) answers
// a confirmation card saying what is freed (the seat, internal or external, and the username) and
// what is handed over; Remove removes the member the card showed, Cancel removes nothing, and a
// refusal says why. Every card goes through Microsoft's validators (checkCardsAfterEach).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invite } from '../../src/invitations/invite.js';
import { resolveActor } from '../../src/members/resolve-actor.js';
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

/** Sends a personal message and returns what the bot said back in that chat. */
async function say(person: TeamsPerson, text: string, locale?: string): Promise<string> {
  const from = h.fake.calls.length;
  const res = await post(
    h,
    messageActivity({ text, user: person, conversation: person.personal, serviceUrl: h.fake.url, locale }),
  );
  expect(res.status).toBe(200);
  return sentTo(h, person.personal.id, from).join('\n');
}

/** Clicks a button of the removal card; returns the card Teams shows in its place. */
async function click(person: TeamsPerson, verb: string, data: Record<string, unknown>, locale?: string) {
  const res = await post(
    h,
    adaptiveCardActionInvoke({
      verb,
      data,
      user: person,
      conversation: person.personal,
      serviceUrl: h.fake.url,
      locale,
    }),
  );
  expect(res.status).toBe(200);
  return JSON.stringify(res.json);
}

/** The Action.Execute data of the card's button with this verb. */
function buttonData(card: string, verb: string): Record<string, unknown> {
  const activity = JSON.parse(card) as { attachments: { content: { actions: { verb: string; data: object }[] } }[] };
  const action = activity.attachments[0]?.content.actions.find((a) => a.verb === verb);
  expect(action, `a ${verb} button`).toBeDefined();
  return action?.data as Record<string, unknown>;
}

describe('removing a member from Teams', () => {
  it('asks first, showing the seat and username freed and what is handed over, then removes on Remove', async () => {
    const w = await linkedTenant(t, h, { seats: 5 });
    const admin = await w.member('admin.teams@acme.example', 'administrator');
    await t.prisma.member.update({
      where: { organizationId_email: { organizationId: w.organization.id, email: 'admin.teams@acme.example' } },
      data: { firstName: 'Ada', lastName: 'Stars*', username: 'ada.gis', isManager: true },
    });
    const adminActor = await resolveActor(t.prisma, {
      organization: w.organization,
      email: admin.email,
      channel: 'teams',
    });
    await invite(t.prisma, adminActor, { emails: ['p1@example.com', 'p2@example.com'] });

    const card = await say(w.ownerUser, 'remove Admin.Teams@acme.example');
    expect(card).toContain('Remove a member');
    expect(card).toContain('Ada Stars\\\\*'); // the name is shown as typed, never as markup
    expect(card).toContain('their internal seat');
    expect(card).toContain('ada.gis');
    expect(card).toContain('manager');
    expect(card).toContain('Their 2 open invitations become yours');
    expect(card).toContain('remove them, then invite them');
    expect(await t.prisma.member.count({ where: { organizationId: w.organization.id } })).toBe(2);

    const done = await click(w.ownerUser, 'member_remove', buttonData(card, 'member_remove'));
    expect(done).toContain('admin.teams@acme.example was removed: their internal seat and the username');
    expect(await t.prisma.member.count({ where: { organizationId: w.organization.id } })).toBe(1);
    const invitations = await t.prisma.invitation.findMany({ where: { organizationId: w.organization.id } });
    expect(invitations.map((i) => i.inviterId)).toEqual([w.owner.member.id, w.owner.member.id]);
    expect(
      await t.prisma.auditEvent.count({
        where: { organizationId: w.organization.id, action: 'member.removed', channel: 'teams' },
      }),
    ).toBe(1);

    // The same card clicked again: the member it showed is gone.
    const again = await click(w.ownerUser, 'member_remove', buttonData(card, 'member_remove'));
    expect(again).toContain('The member was not removed');
    expect(again).toContain('admin.teams@acme.example is not a member of this organization.');
  });

  it('removes nothing on Cancel, and speaks French when asked with retirer', async () => {
    const w = await linkedTenant(t, h);
    await w.member('ext@jlo.example', 'viewer');
    await t.prisma.member.update({
      where: { organizationId_email: { organizationId: w.organization.id, email: 'ext@jlo.example' } },
      data: { external: true, companyName: 'JLO PARIS' },
    });
    const card = await say(w.ownerUser, 'retirer ext@jlo.example', 'fr-FR');
    expect(card).toContain('Retirer un membre');
    expect(card).toContain('sa place externe (JLO PARIS)');
    const cancelled = await click(
      w.ownerUser,
      'member_remove_cancel',
      buttonData(card, 'member_remove_cancel'),
      'fr-FR',
    );
    expect(cancelled).toContain('Rien n');
    expect(await t.prisma.member.count({ where: { organizationId: w.organization.id } })).toBe(2);

    const done = await click(w.ownerUser, 'member_remove', buttonData(card, 'member_remove'), 'fr-FR');
    expect(done).toContain('ext@jlo.example a été retiré');
    expect(done).toContain('sa place externe (JLO PARIS)');
    expect(await t.prisma.member.count({ where: { organizationId: w.organization.id } })).toBe(1);
  });

  it('says why before asking: not an administrator, an owner by an admin, oneself, unknown, or no address', async () => {
    const w = await linkedTenant(t, h);
    const viewer = await w.member('viewer.teams@acme.example', 'viewer');
    const admin = await w.member('admin2.teams@acme.example', 'administrator');
    expect(await say(viewer, `remove ${admin.email}`)).toContain('may not remove members');
    expect(await say(admin, `remove ${w.owner.member.email}`)).toContain(
      `Only an owner may remove ${w.owner.member.email}, who is an owner.`,
    );
    expect(await say(w.ownerUser, `remove ${w.owner.member.email}`)).toContain('You cannot remove yourself');
    expect(await say(w.ownerUser, 'remove nobody@acme.example')).toContain('is not a member of this organization');
    const usage = await say(w.ownerUser, 'remove');
    expect(usage).toContain('remove <e-mail>');
    expect(usage).not.toContain('member_remove');
    // A button clicked by someone without the right (a card forwarded, say) is refused too.
    const plain = await w.member('plain.teams@acme.example', 'viewer');
    const card = await say(w.ownerUser, `remove ${plain.email}`);
    const refused = await click(viewer, 'member_remove', buttonData(card, 'member_remove'));
    expect(refused).toContain('The member was not removed');
    expect(refused).toContain('may not remove members');
    expect(await t.prisma.member.count({ where: { organizationId: w.organization.id } })).toBe(4);
  });
});
