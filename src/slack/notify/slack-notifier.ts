// Says the chat notifications in Slack: the seat request card in the managers' channel (updated
// once decided), and direct messages to the inviter or requester. Used by the notification job,
// outside any Slack request: the workspace's bot token comes from the configuration (one
// workspace) or from its OAuth installation.
import { WebClient } from '@slack/web-api';
import type { WorkspaceRef } from '../../chat/platform.js';
import { inviteRequestOutcome } from '../../chat/rendering/invite-request-texts.js';
import { escapeMrkdwn } from '../../chat/rendering/mrkdwn.js';
import { chatTexts } from '../../chat/rendering/texts.js';
import {
  directPostSubject,
  findChatPosts,
  recordChatPost,
  seatRequestSubject,
} from '../../chat/workspaces/chat-posts.js';
import { findChatUserByEmail, rememberChatUser } from '../../chat/workspaces/chat-users.js';
import type { Db } from '../../db/database.js';
import type { ChatUser, ChatWorkspace } from '../../generated/prisma/client.js';
import type { Locale } from '../../i18n/locale.js';
import { memberLocale } from '../../i18n/member-locale.js';
import { notificationTexts } from '../../i18n/notification-texts.js';
import { inviteDecidersOf } from '../../invite-requests/invite-deciders.js';
import { inviteRequestSubject } from '../../invite-requests/invite-request-details.js';
import type { ChatNotifier } from '../../notifications/deliver-notifications.js';
import { alertOwnersOnce } from '../../notifications/managers-channel-alert.js';
import type { ChatNotification, Recipient } from '../../notifications/notification.js';
import { outcomeSummaryOf } from '../../notifications/outcome-summary.js';
import { chatCallTimeoutMs } from '../../notifications/time-limit.js';
import type { Verdict } from '../../outbox/verdict.js';
import { seatDeciders } from '../../seats/seat-deciders.js';
import type { SecretBox } from '../../security/secret-box.js';
import { inviteRequestCard } from '../blocks/invite-request-card.js';
import { seatRequestCard } from '../blocks/seat-request-card.js';
import { botTokenFor } from '../bot-token.js';
import { slackFetch } from '../counted-fetch.js';
import { fitSlackMessage } from '../limits.js';
import { defaultSlackApiUrl } from '../slack-api-url.js';
import { postDigest } from './post-digest.js';
import { channelRefusal, verdictOf } from './slack-verdict.js';

export function createSlackNotifier(options: {
  db: Db;
  /** One workspace: its token. Otherwise each workspace's installation, opened with this box. */
  botToken?: string;
  secretBox?: SecretBox;
  slackApiUrl?: string;
  /** Per Web API call (tests shorten it). */
  timeoutMs?: number;
}): ChatNotifier {
  const { db, secretBox } = options;
  const clients = new Map<string, WebClient>();
  const clientFor = async (teamId: string): Promise<WebClient | undefined> => {
    const token = await botTokenFor(db, teamId, { botToken: options.botToken, secretBox });
    if (!token) return undefined;
    let client = clients.get(token);
    if (!client) {
      // No hidden retries: a 429 comes back as an error carrying Retry-After, and the outbox
      // retries at that time (the job must not sleep on one workspace while others wait).
      client = new WebClient(token, {
        slackApiUrl: options.slackApiUrl ?? defaultSlackApiUrl,
        fetch: slackFetch,
        rejectRateLimitedCalls: true,
        retryConfig: { retries: 0 },
        // A hung call becomes a retry of its row instead of stalling every later notification.
        timeout: options.timeoutMs ?? chatCallTimeoutMs,
      });
      clients.set(token, client);
    }
    return client;
  };

  return {
    platform: 'slack',
    async deliver(workspace, notification, now) {
      const client = await clientFor(workspace.externalId);
      if (!client) return { type: 'skipped', note: 'no Slack token for this workspace' };
      const ref: WorkspaceRef = { platform: 'slack', externalId: workspace.externalId };
      try {
        return await say(db, client, ref, workspace, notification);
      } catch (error) {
        return verdictOf(error, now, workspace.externalId);
      }
    },
  };
}

async function say(
  db: Db,
  client: WebClient,
  ref: WorkspaceRef,
  workspace: ChatWorkspace,
  n: ChatNotification,
): Promise<Verdict> {
  if (n.type === 'digest') return postDigest(db, client, ref, workspace, n);
  if (n.type === 'invite_request.created' || n.type === 'invite_request.decided') {
    const { request } = n.details;
    const card = fitSlackMessage(inviteRequestCard(n.details, n.organizationLocale));
    const deciders = () => inviteDecidersOf(db, workspace.organizationId);
    const verdict = await managersCard(db, client, ref, workspace, n, inviteRequestSubject(request.id), card, deciders);
    if (n.type === 'invite_request.created') return verdict;
    return direct(db, client, ref, n.recipient, n.organizationLocale, (_, locale) =>
      inviteRequestOutcome(locale, n.details, escapeMrkdwn),
    );
  }
  if (n.type === 'seat_request.created' || n.type === 'seat_request.decided') {
    const subject = seatRequestSubject(n.details.request.id);
    const card = seatRequestCard(n.details, n.organizationLocale);
    const deciders = () => seatDeciders(db, workspace.organizationId);
    const verdict = await managersCard(db, client, ref, workspace, n, subject, card, deciders);
    if (n.type === 'seat_request.created') return verdict;
    const decided = n.details.request;
    return direct(db, client, ref, n.recipient, n.organizationLocale, (s) =>
      // A manager's reason and an address are shown as typed, never read as mrkdwn (<!here>).
      s.decisionDm(
        decided.status === 'APPROVED',
        decided.seatsRequested,
        escapeMrkdwn(n.details.decidedByEmail ?? '?'),
        decided.reason === null ? null : escapeMrkdwn(decided.reason),
        // The seats of the request's kind: the plan's, or the external ones.
        decided.kind,
      ),
    );
  }
  if (n.type === 'invitation.outcomes') {
    return direct(db, client, ref, n.recipient, n.organizationLocale, (_, locale) =>
      notificationTexts(locale).outcomeSummary(outcomeSummaryOf(n, escapeMrkdwn, '/invite pending')),
    );
  }
  const email = escapeMrkdwn(n.invitationEmail);
  return direct(db, client, ref, n.recipient, n.organizationLocale, (s) => {
    if (n.type === 'invitation.accepted') return s.accepted(email);
    if (n.type === 'invitation.expired') return s.expired(email);
    if (n.type === 'invitation.bounced') return s.bounced(email, escapeMrkdwn(n.detail ?? 'bounce'));
    return s.undeliverable(email);
  });
}

type Card = ReturnType<typeof seatRequestCard>;

/**
 * A card for those who decide (a seat request, an invite request): redrawn wherever it was posted
 * (a retry, or the decision), never posted twice; when new, posted in the managers' channel, or
 * without one (or refused there) to each decider in a direct message.
 */
async function managersCard(
  db: Db,
  client: WebClient,
  ref: WorkspaceRef,
  workspace: ChatWorkspace,
  n: { type: string; organizationLocale: Locale },
  subject: string,
  card: Card,
  deciders: () => Promise<{ email: string }[]>,
): Promise<Verdict> {
  const posted = await findChatPosts(db, ref, subject);
  for (const post of posted) await client.chat.update({ channel: post.channelId, ts: post.messageId, ...card });
  if (!n.type.endsWith('.created')) return { type: 'sent' };
  const channel = workspace.managersChannelId;
  if (!channel) return cardToEachManager(db, client, ref, deciders, subject, card, posted);
  if (posted.length > 0) return { type: 'sent' };
  try {
    await postCard(db, client, ref, subject, channel, card);
    return { type: 'sent' };
  } catch (error) {
    const cause = channelRefusal(error);
    if (!cause) throw error;
    // The request must not vanish with the channel: each decider gets the card, and the
    // owners learn what to fix.
    const verdict = await cardToEachManager(db, client, ref, deciders, subject, card, posted);
    await alertOwnersOnce(db, ref, workspace.organizationId, channel, async ({ email, language }) => {
      const owner = await slackUserFor(db, client, ref, email);
      if (!owner) return null;
      const locale = memberLocale({ language, channelLocale: owner.locale, organizationLocale: n.organizationLocale });
      const texts = notificationTexts(locale);
      const text = texts.managersChannelUnreachable(`<#${channel}>`, cause, texts.slackChannelFix);
      const sent = await client.chat.postMessage({ channel: owner.externalUserId, text });
      return { channelId: sent.channel ?? owner.externalUserId, messageId: sent.ts ?? '' };
    });
    return verdict;
  }
}

async function postCard(db: Db, client: WebClient, ref: WorkspaceRef, subject: string, channel: string, card: Card) {
  const result = await client.chat.postMessage({ channel, ...card });
  if (result.channel && result.ts) {
    await recordChatPost(db, ref, { subject, channelId: result.channel, messageId: result.ts });
  }
}

/**
 * Without a managers' channel, the card goes to each manager (and owner) in a direct message, so
 * that a held invitation never waits unseen. Each post is recorded: a retry posts only the missing.
 */
async function cardToEachManager(
  db: Db,
  client: WebClient,
  ref: WorkspaceRef,
  deciders: () => Promise<{ email: string }[]>,
  subject: string,
  card: Card,
  posted: { subject: string }[],
): Promise<Verdict> {
  const managers = await deciders();
  let reached = posted.length;
  for (const manager of managers) {
    const user = await slackUserFor(db, client, ref, manager.email);
    if (!user) continue;
    const own = directPostSubject(subject, user.externalUserId);
    if (posted.some((p) => p.subject === own)) continue;
    await postCard(db, client, ref, own, user.externalUserId, card);
    reached++;
  }
  return reached > 0
    ? { type: 'sent' }
    : {
        type: 'skipped',
        note: "no managers' channel (set it with /invite settings) and no manager on Slack",
        byEmail: {},
      };
}

/** A direct message to a member, found by the e-mail Slack knows them by, in their language (memberLocale). */
async function direct(
  db: Db,
  client: WebClient,
  ref: WorkspaceRef,
  recipient: Recipient,
  fallback: Locale,
  text: (s: ReturnType<typeof chatTexts>, locale: Locale) => string,
): Promise<Verdict> {
  const user = await slackUserFor(db, client, ref, recipient.email);
  if (!user) return { type: 'skipped', note: 'the recipient has no Slack account in this workspace', byEmail: {} };
  const locale = memberLocale({
    language: recipient.language,
    channelLocale: user.locale,
    organizationLocale: fallback,
  });
  const message = text(chatTexts(locale), locale);
  await client.chat.postMessage({ channel: user.externalUserId, text: message });
  return { type: 'sent' };
}

/** The Slack user of an e-mail in the workspace (remembered), with their language; null if none. */
async function slackUserFor(db: Db, client: WebClient, ref: WorkspaceRef, email: string): Promise<ChatUser | null> {
  let user = await findChatUserByEmail(db, ref, email);
  if (!user) {
    const found = await client.users.lookupByEmail({ email }).catch((error: unknown) => {
      if ((error as { data?: { error?: string } }).data?.error === 'users_not_found') return undefined;
      throw error;
    });
    if (!found?.user?.id) return null;
    await rememberChatUser(db, ref, { externalUserId: found.user.id, email });
    user = await findChatUserByEmail(db, ref, email);
  }
  if (user && !user.locale) {
    // users.lookupByEmail does not tell the language; users.info does, once per person.
    const info = await client.users.info({ user: user.externalUserId, include_locale: true });
    if (info.user?.locale) {
      await rememberChatUser(db, ref, { externalUserId: user.externalUserId, locale: info.user.locale });
      user = { ...user, locale: info.user.locale };
    }
  }
  return user;
}
