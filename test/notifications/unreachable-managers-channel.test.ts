// A managers' channel the bot cannot post in (not invited, archived, deleted): the seat request
// still reaches every decider in a direct message, and the owners are told once what is wrong
// and how to fix it, not once per request.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../src/i18n/locale.js';
import { invite } from '../../src/invitations/invite.js';
import { createLogger } from '../../src/log/logger.js';
import { deliverNotifications } from '../../src/notifications/deliver-notifications.js';
import { decideSeatRequest } from '../../src/seats/decide-seat-request.js';
import { createSlackNotifier } from '../../src/slack/notify/slack-notifier.js';
import { createTeamsNotifier } from '../../src/teams/notify/teams-notifier.js';
import { memberActor, newOrganization } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.js';
import { messageActivity, type TeamsConversation } from '../support/teams-requests.js';
import { checkCardsAfterEach, linkedTenant, post, startTeams, type TeamsHarness } from '../teams/support.js';

let t: TestDatabase;
let slack: FakeSlack;
let teams: TeamsHarness;
beforeAll(async () => {
  t = await createTestDatabase();
  slack = await startFakeSlack();
  teams = await startTeams(t);
});
checkCardsAfterEach(() => teams);
afterAll(async () => {
  await slack?.close();
  await teams?.close();
  await t?.close();
});

const deliver = () =>
  deliverNotifications(t.prisma, {
    notifiers: [createSlackNotifier({ db: t.prisma, botToken: slack.botToken, slackApiUrl: slack.apiUrl })],
    log: createLogger('silent'),
  });

const id = (prefix: string) => `${prefix}${randomUUID().slice(0, 10).toUpperCase()}`;

async function organizationWithChannel(channel: string, locale: Locale = 'en') {
  const { organization, owner } = await newOrganization(t.prisma, { seats: 1, locale });
  const teamId = id('T');
  await t.prisma.chatWorkspace.create({
    data: { platform: 'slack', externalId: teamId, organizationId: organization.id, managersChannelId: channel },
  });
  const ownerSlackId = id('U');
  slack.addUser({ id: ownerSlackId, teamId, email: owner.member.email, locale: locale === 'fr' ? 'fr-FR' : 'en-US' });
  const manager = await memberActor(t.prisma, owner, {
    email: `manager.${randomUUID().slice(0, 6)}@example.org`,
    manager: true,
  });
  const managerSlackId = id('U');
  slack.addUser({ id: managerSlackId, teamId, email: manager.member.email });
  return { organization, owner, manager, ownerSlackId, managerSlackId };
}

const postsTo = (channel: string) => slack.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);
const cardsTo = (channel: string, requestId: string) =>
  postsTo(channel).filter((c) => JSON.stringify(c.args.blocks ?? null).includes(requestId));
const alertsTo = (channel: string) => postsTo(channel).filter((c) => !c.args.blocks);

describe.each(['not_in_channel', 'is_archived', 'channel_not_found'])(
  "a managers' channel refusing posts (%s)",
  (error) => {
    it('sends the card to each decider, and tells the owners once how to fix it', async () => {
      const channel = id('C');
      slack.refuseChannel(channel, error);
      const o = await organizationWithChannel(channel);
      const first = await invite(t.prisma, o.owner, {
        emails: [`a.${randomUUID().slice(0, 6)}@example.org`, `b.${randomUUID().slice(0, 6)}@example.org`],
      });
      const requestId = first.seatRequestId ?? '';
      await deliver();

      expect(cardsTo(o.ownerSlackId, requestId)).toHaveLength(1);
      expect(cardsTo(o.managerSlackId, requestId)).toHaveLength(1);
      const alerts = alertsTo(o.ownerSlackId);
      expect(alerts).toHaveLength(1);
      expect(String(alerts[0]?.args.text)).toContain(`<#${channel}>`);
      expect(String(alerts[0]?.args.text)).toContain('/invite settings');
      // Managers are not owners: only owners can fix the channel.
      expect(alertsTo(o.managerSlackId)).toHaveLength(0);
      const rows = await t.prisma.outboxMessage.findMany({
        where: { organizationId: o.organization.id, kind: 'notification' },
      });
      expect(rows.every((r) => r.status === 'SENT' && r.sentAt !== null)).toBe(true);

      // A retry or the next request: the deciders get the next card, the owners no second alert.
      await decideSeatRequest(t.prisma, o.manager, { requestId, decision: 'deny', reason: 'later' });
      const second = await invite(t.prisma, o.owner, { emails: [`c.${randomUUID().slice(0, 6)}@example.org`] });
      await deliver();
      await deliver();
      expect(cardsTo(o.managerSlackId, second.seatRequestId ?? '')).toHaveLength(1);
      expect(alertsTo(o.ownerSlackId).filter((c) => String(c.args.text).includes(`<#${channel}>`))).toHaveLength(1);
    });
  },
);

describe('the owner alert', () => {
  it('speaks French to a French owner', async () => {
    const channel = id('C');
    slack.refuseChannel(channel, 'not_in_channel');
    const o = await organizationWithChannel(channel, 'fr');
    await invite(t.prisma, o.owner, { emails: [`d.${randomUUID().slice(0, 6)}@example.org`] });
    await deliver();
    const [alert] = alertsTo(o.ownerSlackId);
    expect(String(alert?.args.text)).toMatch(/Sesame ne peut pas publier dans le canal des responsables <#C[^>]+>/);
    expect(String(alert?.args.text)).toContain('\u00a0:');
  });
});

describe.each([403, 404] as const)("a Teams managers' channel refusing posts (%s)", (status) => {
  it("sends the card to each decider's personal chat, and tells the owners once", async () => {
    const w = await linkedTenant(t, teams, { seats: 1 });
    const say = (text: string, conversation: TeamsConversation) =>
      post(teams, messageActivity({ text, user: w.ownerUser, conversation, serviceUrl: teams.fake.url }));
    await say('settings', w.channel);
    await say('help', w.ownerUser.personal);
    const result = await invite(t.prisma, w.owner, { emails: [`t.${randomUUID().slice(0, 6)}@example.com`] });
    const requestId = result.seatRequestId ?? '';
    teams.fake.failNext(new RegExp(w.channel.id), status);
    await deliverNotifications(t.prisma, {
      notifiers: [createTeamsNotifier({ db: t.prisma, api: teams.service.app.api })],
      log: createLogger('silent'),
    });
    const personal = teams.fake.calls.filter((c) => c.conversationId === w.ownerUser.personal.id && !c.failed);
    expect(personal.filter((c) => JSON.stringify(c.body).includes(requestId))).toHaveLength(1);
    const alerts = personal.filter((c) => JSON.stringify(c.body).includes('cannot post in the managers'));
    expect(alerts).toHaveLength(1);
    expect(JSON.stringify(alerts[0]?.body)).toContain(`Teams ${status}`);
  });
});
