// Issue 17, item 3: a member's language (fr|en) drives their chat texts, over what the chat says of
// them. With it set, the replies to what they do and the direct messages they receive are in it,
// in Slack and in Teams; without it, what Slack or Teams says of them, else the organization's.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatHelp } from '../../src/chat/rendering/help-texts.js';
import { escapeMrkdwn } from '../../src/chat/rendering/mrkdwn.js';
import { chatTexts } from '../../src/chat/rendering/texts.js';
import type { Locale } from '../../src/i18n/locale.js';
import { notificationTexts } from '../../src/i18n/notification-texts.js';
import { expireDueInvitations } from '../../src/invitations/expire.js';
import { invite } from '../../src/invitations/invite.js';
import { createLogger } from '../../src/log/logger.js';
import { deliverNotifications } from '../../src/notifications/deliver-notifications.js';
import { createSlackNotifier } from '../../src/slack/notify/slack-notifier.js';
import { escapeTeamsMarkdown } from '../../src/teams/markdown.js';
import { createTeamsNotifier } from '../../src/teams/notify/teams-notifier.js';
import { teamsText } from '../../src/teams/reply.js';
import {
  command,
  interaction,
  linkedWorkspace,
  type SlackHarness,
  type SlackPerson,
  startSlack,
} from '../slack/support.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { viewSubmissionPayload } from '../support/slack-requests.js';
import { messageActivity, type TeamsConversation } from '../support/teams-requests.js';
import {
  checkCardsAfterEach,
  linkedTenant,
  post,
  startTeams,
  type TeamsHarness,
  type TeamsPerson,
} from '../teams/support.js';

let t: TestDatabase;
let slack: SlackHarness;
let teams: TeamsHarness;
beforeAll(async () => {
  t = await createTestDatabase();
  slack = await startSlack(t);
  teams = await startTeams(t);
});
checkCardsAfterEach(() => teams);
afterAll(async () => {
  await slack?.close();
  await teams?.close();
  await t?.close();
});

const setLanguage = (memberId: string, language: Locale | null) =>
  t.prisma.member.update({ where: { id: memberId }, data: { language } });

/** Delivers the chat notifications through both channels (each organization is linked to one). */
const deliver = () =>
  deliverNotifications(t.prisma, {
    notifiers: [
      createSlackNotifier({ db: t.prisma, botToken: slack.fake.botToken, slackApiUrl: slack.fake.apiUrl }),
      createTeamsNotifier({ db: t.prisma, api: teams.service.app.api }),
    ],
    log: createLogger('silent'),
  });

/** The owner invites one address, which then expires: its inviter is told in a direct message. */
async function expiredInvitation(owner: Parameters<typeof invite>[1]): Promise<string> {
  const email = `late.${randomUUID().slice(0, 8)}@example.org`;
  await invite(t.prisma, owner, { emails: [email] });
  await expireDueInvitations(t.prisma, { now: new Date(Date.now() + 15 * 86_400_000), limit: 1000 });
  await deliver();
  return email;
}

describe('Slack', () => {
  const help = async (w: { teamId: string }, user: SlackPerson) =>
    String((await (await command(slack, w.teamId, user, 'help')).answer()).args.text);
  /** An invite form submitted empty: answered before asking Slack anything (identifyWithoutSlack). */
  const emptyInviteForm = async (w: { teamId: string }, user: SlackPerson) => {
    const payload = viewSubmissionPayload({
      userId: user.userId,
      teamId: w.teamId,
      callbackId: 'invite_submit',
      values: {},
    });
    const answered = (await interaction(slack, payload)).json as { errors?: Record<string, string> };
    return answered.errors?.emails;
  };

  it('answers a member whose language is fr in French though Slack says en-US, and follows a change at once', async () => {
    const w = await linkedWorkspace(t, slack, { locale: 'en' });
    await setLanguage(w.owner.member.id, 'fr');
    expect(await help(w, w.ownerUser)).toBe(chatHelp('fr', 'slack'));
    expect(await emptyInviteForm(w, w.ownerUser)).toBe(chatTexts('fr').emailsMissing);
    // Changed within the few minutes Slack's profile is kept: the language is read afresh each time.
    await setLanguage(w.owner.member.id, 'en');
    expect(await help(w, w.ownerUser)).toBe(chatHelp('en', 'slack'));
    expect(await emptyInviteForm(w, w.ownerUser)).toBe(chatTexts('en').emailsMissing);
  });

  it("without a language: Slack's locale, else (one Sesame does not speak) the organization's", async () => {
    const w = await linkedWorkspace(t, slack, { locale: 'en', slackLocale: 'fr-FR' });
    expect(await help(w, w.ownerUser)).toBe(chatHelp('fr', 'slack'));
    expect(await emptyInviteForm(w, w.ownerUser)).toBe(chatTexts('fr').emailsMissing);
    const french = await linkedWorkspace(t, slack, { locale: 'fr', slackLocale: 'de-DE' });
    expect(await help(french, french.ownerUser)).toBe(chatHelp('fr', 'slack'));
    const english = await linkedWorkspace(t, slack, { locale: 'fr' });
    expect(await help(english, english.ownerUser)).toBe(chatHelp('en', 'slack'));
  });

  const dmsTo = (userId: string) =>
    slack.fake
      .callsTo('chat.postMessage')
      .filter((c) => c.args.channel === userId)
      .map((c) => c.args.text);

  it('tells an inviter whose language is set in it, whatever their Slack locale; else in their Slack locale', async () => {
    const w = await linkedWorkspace(t, slack, { locale: 'en' });
    await setLanguage(w.owner.member.id, 'fr');
    const email = await expiredInvitation(w.owner);
    expect(dmsTo(w.ownerUser.userId)).toEqual([chatTexts('fr').expired(escapeMrkdwn(email))]);

    const plain = await linkedWorkspace(t, slack, { locale: 'fr' });
    const other = await expiredInvitation(plain.owner);
    expect(dmsTo(plain.ownerUser.userId)).toEqual([chatTexts('en').expired(escapeMrkdwn(other))]);
  });

  it("alerts an owner whose language is set in it when the managers' channel refuses posts", async () => {
    const w = await linkedWorkspace(t, slack, { locale: 'en', seats: 1 });
    const channel = `C${randomUUID().slice(0, 10).toUpperCase()}`;
    slack.fake.refuseChannel(channel, 'not_in_channel');
    await t.prisma.chatWorkspace.update({
      where: { platform_externalId: { platform: 'slack', externalId: w.teamId } },
      data: { managersChannelId: channel },
    });
    await setLanguage(w.owner.member.id, 'fr');
    await invite(t.prisma, w.owner, { emails: [`held.${randomUUID().slice(0, 8)}@example.org`] });
    await deliver();
    const fr = notificationTexts('fr');
    const alert = fr.managersChannelUnreachable(`<#${channel}>`, 'not_in_channel', fr.slackChannelFix);
    expect(dmsTo(w.ownerUser.userId)).toContain(alert);
  });
});

describe('Teams', () => {
  const say = async (person: TeamsPerson, text: string, locale: string, conversation?: TeamsConversation) => {
    const from = teams.fake.calls.length;
    const where = conversation ?? person.personal;
    await post(teams, messageActivity({ text, user: person, conversation: where, serviceUrl: teams.fake.url, locale }));
    return textsTo(where.id, from);
  };
  const textsTo = (conversationId: string, from = 0) =>
    teams.fake.calls
      .slice(from)
      .filter((c) => c.conversationId === conversationId && c.method === 'POST')
      .map((c) => (c.body as { text?: string }).text);

  it('answers a member whose language is en in English, in a French organization and a French Teams', async () => {
    const w = await linkedTenant(t, teams, { locale: 'fr' });
    await setLanguage(w.owner.member.id, 'en');
    expect(await say(w.ownerUser, 'help', 'fr-FR')).toEqual([teamsText(chatHelp('en', 'teams'))]);
    await setLanguage(w.owner.member.id, null);
    expect(await say(w.ownerUser, 'help', 'fr-FR')).toEqual([teamsText(chatHelp('fr', 'teams'))]);
  });

  it('tells an inviter whose language is set in it, whatever Teams says; else in what Teams said', async () => {
    const w = await linkedTenant(t, teams, { locale: 'en' });
    await say(w.ownerUser, 'help', 'en-US');
    await setLanguage(w.owner.member.id, 'fr');
    const email = await expiredInvitation(w.owner);
    expect(textsTo(w.ownerUser.personal.id)).toContain(teamsText(chatTexts('fr').expired(escapeTeamsMarkdown(email))));

    const plain = await linkedTenant(t, teams, { locale: 'fr' });
    await say(plain.ownerUser, 'help', 'en-US');
    const other = await expiredInvitation(plain.owner);
    const said = teamsText(chatTexts('en').expired(escapeTeamsMarkdown(other)));
    expect(textsTo(plain.ownerUser.personal.id)).toContain(said);
  });
});
