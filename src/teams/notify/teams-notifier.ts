// Says the chat notifications in Teams, proactively: the seat request card in the managers'
// channel (its reference stored by `settings` or an owner's install), or without one in each
// manager's personal chat, updated once decided; the outcomes to the
// inviter in their personal chat with the bot (its reference stored when they last wrote to it).
import type { ActivityParams, Client as ApiClient } from '@microsoft/teams.api';
import type { WorkspaceRef } from '../../chat/platform.js';
import { inviteRequestOutcome } from '../../chat/rendering/invite-request-texts.js';
import {
  directPostSubject,
  findChatPosts,
  recordChatPost,
  seatRequestSubject,
} from '../../chat/workspaces/chat-posts.js';
import { findChatUser, findChatUserByEmail } from '../../chat/workspaces/chat-users.js';
import type { Db } from '../../db/database.js';
import type { ChatWorkspace } from '../../generated/prisma/client.js';
import type { Locale } from '../../i18n/locale.js';
import { memberLocale } from '../../i18n/member-locale.js';
import { notificationTexts } from '../../i18n/notification-texts.js';
import { inviteDecidersOf } from '../../invite-requests/invite-deciders.js';
import { inviteRequestSubject } from '../../invite-requests/invite-request-details.js';
import type { ChatNotifier } from '../../notifications/deliver-notifications.js';
import { alertOwnersOnce } from '../../notifications/managers-channel-alert.js';
import { outcomeSummaryOf } from '../../notifications/outcome-summary.js';
import { chatCallTimeoutMs } from '../../notifications/time-limit.js';
import type { Verdict } from '../../outbox/verdict.js';
import { seatDeciders } from '../../seats/seat-deciders.js';
import { cardAttachment } from '../cards/adaptive.js';
import { inviteRequestCard } from '../cards/invite-request-card.js';
import { seatRequestCard } from '../cards/seat-request-card.js';
import { withoutThread } from '../conversation-id.js';
import { escapeTeamsMarkdown } from '../markdown.js';
import { teamsText } from '../reply.js';
import { teamsTexts } from '../teams-texts.js';
import { channelRefusal, verdictOf } from './connector-verdict.js';
import { type Conversations, conversationsOf, type StoredReference } from './conversations.js';
import { direct } from './direct-message.js';
import { postDigest } from './post-digest.js';

export function createTeamsNotifier(options: {
  db: Db;
  api: ApiClient;
  /** Per Bot Connector call (tests shorten it). */
  timeoutMs?: number;
}): ChatNotifier {
  const { db, api } = options;
  const timeoutMs = options.timeoutMs ?? chatCallTimeoutMs;
  const conversations = conversationsOf(api, timeoutMs);

  return {
    platform: 'teams',
    async deliver(stored, n, now) {
      const workspace = channelItself(stored);
      const ref: WorkspaceRef = { platform: 'teams', externalId: workspace.externalId };
      try {
        if (n.type === 'digest') return await postDigest(db, ref, workspace, n, conversations);
        if (n.type === 'invite_request.created' || n.type === 'invite_request.decided') {
          const card = cardAttachment(inviteRequestCard(n.details, n.organizationLocale));
          const deciders = () => inviteDecidersOf(db, workspace.organizationId);
          const subject = inviteRequestSubject(n.details.request.id);
          const verdict = await managersCard(db, ref, workspace, n, subject, card, deciders, conversations);
          if (n.type === 'invite_request.created') return verdict;
          return await direct(
            db,
            ref,
            n.recipient,
            n.organizationLocale,
            { api, workspace, conversations, timeoutMs },
            (_, locale) => inviteRequestOutcome(locale, n.details, escapeTeamsMarkdown),
          );
        }
        if (n.type === 'seat_request.created' || n.type === 'seat_request.decided') {
          const subject = seatRequestSubject(n.details.request.id);
          const card = cardAttachment(seatRequestCard(n.details, n.organizationLocale));
          const deciders = () => seatDeciders(db, workspace.organizationId);
          const verdict = await managersCard(db, ref, workspace, n, subject, card, deciders, conversations);
          if (n.type === 'seat_request.created') return verdict;
          const decided = n.details.request;
          return direct(
            db,
            ref,
            n.recipient,
            n.organizationLocale,
            { api, workspace, conversations, timeoutMs },
            // A manager's reason is shown as typed, never read as Markdown (a [label](url) link).
            (s) =>
              s.decisionDm(
                decided.status === 'APPROVED',
                decided.seatsRequested,
                escapeTeamsMarkdown(n.details.decidedByEmail ?? '?'),
                decided.reason === null ? null : escapeTeamsMarkdown(decided.reason),
                // The seats of the request's kind: the plan's, or the external ones.
                decided.kind,
              ),
          );
        }
        if (n.type === 'invitation.outcomes') {
          return await direct(
            db,
            ref,
            n.recipient,
            n.organizationLocale,
            { api, workspace, conversations, timeoutMs },
            (_, locale) =>
              notificationTexts(locale).outcomeSummary(outcomeSummaryOf(n, escapeTeamsMarkdown, 'pending')),
          );
        }
        const email = escapeTeamsMarkdown(n.invitationEmail);
        return await direct(
          db,
          ref,
          n.recipient,
          n.organizationLocale,
          { api, workspace, conversations, timeoutMs },
          (s, locale) => {
            if (n.type === 'invitation.accepted') return s.accepted(email);
            if (n.type === 'invitation.expired') return s.expired(email);
            if (n.type === 'invitation.bounced') return s.bounced(email, escapeTeamsMarkdown(n.detail ?? 'bounce'));
            return teamsTexts(locale).undeliverable(email);
          },
        );
      } catch (error) {
        return verdictOf(error, now);
      }
    },
  };
}

/**
 * A card for those who decide (a seat request, an invite request): redrawn wherever it was posted,
 * never posted twice; when new, posted in the managers' channel, or without one (or refused there)
 * to each decider in their personal chat with the bot.
 */
async function managersCard(
  db: Db,
  ref: WorkspaceRef,
  workspace: ChatWorkspace,
  n: { type: string; organizationLocale: Locale },
  subject: string,
  card: ReturnType<typeof cardAttachment>,
  deciders: () => Promise<{ email: string }[]>,
  conversations: Conversations,
): Promise<Verdict> {
  const posted = await findChatPosts(db, ref, subject);
  for (const post of posted) {
    const reference = await postReference(db, ref, workspace, subject, post);
    if (!reference) continue;
    await conversations.update(reference, post.messageId, { type: 'message', attachments: [card] });
  }
  if (!n.type.endsWith('.created')) return { type: 'sent' };
  if (!workspace.managersChannelRef || !workspace.managersChannelId) {
    return cardToEachDecider(db, ref, deciders, subject, card, posted, conversations);
  }
  if (posted.length > 0) return { type: 'sent' };
  const channel = workspace.managersChannelId;
  let sent: string | undefined;
  try {
    sent = await conversations.send(workspace.managersChannelRef, { type: 'message', attachments: [card] });
  } catch (error) {
    const cause = channelRefusal(error);
    if (!cause) throw error;
    // The request must not vanish with the channel: each decider gets the card in
    // personal chat, and the owners learn what to fix.
    const verdict = await cardToEachDecider(db, ref, deciders, subject, card, posted, conversations);
    await alertOwnersOnce(db, ref, workspace.organizationId, channel, async ({ email, language }) => {
      const owner = await findChatUserByEmail(db, ref, email);
      if (!owner?.conversationRef) return null;
      const locale = memberLocale({ language, channelLocale: owner.locale, organizationLocale: n.organizationLocale });
      const texts = notificationTexts(locale);
      const text = teamsText(texts.managersChannelUnreachable('', cause, texts.teamsChannelFix));
      const message: ActivityParams = { type: 'message', text, textFormat: 'markdown' };
      const id = await conversations.send(owner.conversationRef, message);
      const where = (owner.conversationRef as StoredReference).conversation?.id ?? '';
      return { channelId: where, messageId: id ?? '' };
    });
    return verdict;
  }
  if (sent) await recordChatPost(db, ref, { subject, channelId: channel, messageId: sent });
  return { type: 'sent' };
}

/**
 * The managers' channel as stored before Sesame dropped the thread suffix (`;messageid=...`) of
 * the `settings` message: posting there would reply in that old thread, so it is dropped here too.
 */
function channelItself(workspace: ChatWorkspace): ChatWorkspace {
  const reference = workspace.managersChannelRef as StoredReference | null;
  const id = reference?.conversation?.id;
  return {
    ...workspace,
    managersChannelId: workspace.managersChannelId && withoutThread(workspace.managersChannelId),
    managersChannelRef: (reference && id
      ? { ...reference, conversation: { ...reference.conversation, id: withoutThread(id) } }
      : workspace.managersChannelRef) as ChatWorkspace['managersChannelRef'],
  };
}

/** Where a posted card is: the managers' channel, or a decider's personal chat. */
async function postReference(
  db: Db,
  ref: WorkspaceRef,
  workspace: ChatWorkspace,
  subject: string,
  post: { subject: string; channelId: string },
): Promise<unknown> {
  if (post.subject === subject) {
    return workspace.managersChannelRef
      ? { ...(workspace.managersChannelRef as object), conversation: { id: post.channelId } }
      : undefined;
  }
  const externalUserId = post.subject.slice(directPostSubject(subject, '').length);
  return (await findChatUser(db, ref, externalUserId))?.conversationRef ?? undefined;
}

/**
 * Without a managers' channel, the card goes to each manager (and owner) in their personal chat
 * with the bot, as in Slack, so that a held invitation never waits unseen. Each post is recorded:
 * a retry posts only the missing ones, and a decision updates them all.
 */
async function cardToEachDecider(
  db: Db,
  ref: WorkspaceRef,
  deciders: () => Promise<{ email: string }[]>,
  subject: string,
  card: ReturnType<typeof cardAttachment>,
  posted: { subject: string }[],
  conversations: Conversations,
): Promise<Verdict> {
  let reached = posted.length;
  for (const decider of await deciders()) {
    const user = await findChatUserByEmail(db, ref, decider.email);
    if (!user?.conversationRef) continue;
    const own = directPostSubject(subject, user.externalUserId);
    if (posted.some((p) => p.subject === own)) continue;
    const sent = await conversations.send(user.conversationRef, { type: 'message', attachments: [card] });
    if (sent) {
      const channelId = (user.conversationRef as StoredReference).conversation?.id ?? '';
      await recordChatPost(db, ref, { subject: own, channelId, messageId: sent });
    }
    reached++;
  }
  return reached > 0
    ? { type: 'sent' }
    : {
        type: 'skipped',
        note: "no managers' channel (an owner types settings in one) and no manager has a personal chat with the bot",
        byEmail: {},
      };
}
