// Says the chat notifications in Teams, proactively: the seat request card in the managers'
// channel (its reference stored by `settings` or an owner's install), or without one in each
// manager's personal chat, updated once decided; the outcomes to the
// inviter in their personal chat with the bot (its reference stored when they last wrote to it).
import type { TeamsAdapter } from '@microsoft/teams-ai';
import { type ConversationParameters, type ConversationReference, TurnContext } from 'botbuilder';
import { directPostSubject, findChatPosts, recordChatPost, seatRequestSubject } from '../../chat/chat-posts.js';
import { findChatUser, findChatUserByEmail, rememberChatUser } from '../../chat/chat-users.js';
import type { WorkspaceRef } from '../../chat/platform.js';
import { chatTexts } from '../../chat/texts.js';
import type { Db } from '../../db/database.js';
import type { ChatWorkspace } from '../../generated/prisma/client.js';
import { pickLocale } from '../../i18n/locale.js';
import type { ChatNotifier } from '../../notifications/deliver-notifications.js';
import type { Verdict } from '../../outbox/verdict.js';
import { seatDeciders } from '../../seats/seat-deciders.js';
import { cardAttachment } from '../cards/adaptive.js';
import { seatRequestCard } from '../cards/seat-request-card.js';
import { toTeamsMarkdown } from '../markdown.js';

export function createTeamsNotifier(options: { db: Db; adapter: TeamsAdapter; appId: string }): ChatNotifier {
  const { db, adapter, appId } = options;
  const inConversation = (reference: unknown, logic: (context: TurnContext) => Promise<void>) =>
    adapter.continueConversationAsync(appId, reference as Partial<ConversationReference>, logic);

  return {
    platform: 'teams',
    async deliver(workspace, n, now) {
      const ref: WorkspaceRef = { platform: 'teams', externalId: workspace.externalId };
      try {
        if (n.type === 'seat_request.created' || n.type === 'seat_request.decided') {
          const subject = seatRequestSubject(n.details.request.id);
          const card = cardAttachment(seatRequestCard(n.details, n.organizationLocale));
          const posted = await findChatPosts(db, ref, subject);
          for (const post of posted) {
            const reference = await postReference(db, ref, workspace, subject, post);
            if (!reference) continue;
            await inConversation(reference, async (context) => {
              await context.updateActivity({ id: post.messageId, type: 'message', attachments: [card] });
            });
          }
          if (n.type === 'seat_request.created') {
            if (!workspace.managersChannelRef || !workspace.managersChannelId) {
              return cardToEachDecider(db, ref, workspace, subject, card, posted, inConversation);
            }
            if (posted.length > 0) return { type: 'sent' };
            await inConversation(workspace.managersChannelRef, async (context) => {
              const sent = await context.sendActivity({ type: 'message', attachments: [card] });
              if (sent?.id) {
                await recordChatPost(db, ref, {
                  subject,
                  channelId: workspace.managersChannelId ?? '',
                  messageId: sent.id,
                });
              }
            });
            return { type: 'sent' };
          }
          const r = n.details.request;
          return direct(
            db,
            ref,
            n.recipient.email,
            n.organizationLocale,
            { adapter, appId, workspace, inConversation },
            (s) => s.decisionDm(r.status === 'APPROVED', r.seatsRequested, n.details.decidedByEmail ?? '?', r.reason),
          );
        }
        const email = n.invitationEmail;
        return await direct(
          db,
          ref,
          n.recipient.email,
          n.organizationLocale,
          { adapter, appId, workspace, inConversation },
          (s) => {
            if (n.type === 'invitation.accepted') return s.accepted(email);
            if (n.type === 'invitation.expired') return s.expired(email);
            if (n.type === 'invitation.bounced') return s.bounced(email, n.detail ?? 'bounce');
            return s.undeliverable(email);
          },
        );
      } catch (error) {
        return verdictOf(error, now);
      }
    },
  };
}

async function direct(
  db: Db,
  ref: WorkspaceRef,
  email: string,
  fallback: 'en' | 'fr',
  teams: Teams,
  text: (s: ReturnType<typeof chatTexts>) => string,
): Promise<Verdict> {
  const user = await findChatUserByEmail(db, ref, email);
  if (!user) return { type: 'skipped', note: 'the recipient has not used the bot in Teams yet' };
  const message = {
    type: 'message',
    text: toTeamsMarkdown(text(chatTexts(pickLocale(user.locale, fallback)))),
    textFormat: 'markdown',
  };
  if (user.conversationRef) {
    await teams.inConversation(user.conversationRef, async (context) => {
      await context.sendActivity(message);
    });
    return { type: 'sent' };
  }
  // Seen in a channel only: open the personal chat, through the service the workspace uses.
  const known = teams.workspace.managersChannelRef as {
    serviceUrl?: string;
    bot?: { id?: string; name?: string };
  } | null;
  if (!known?.serviceUrl || !known.bot?.id) {
    return { type: 'skipped', note: 'the recipient has no personal chat with the bot in Teams yet' };
  }
  const parameters = {
    isGroup: false,
    bot: { id: known.bot.id, name: known.bot.name ?? 'Sesame' },
    members: [{ id: user.externalUserId, name: '' }],
    tenantId: ref.externalId,
    channelData: { tenant: { id: ref.externalId } },
  } as ConversationParameters;
  await teams.adapter.createConversationAsync(
    teams.appId,
    'msteams',
    known.serviceUrl,
    BOT_AUDIENCE,
    parameters,
    async (context) => {
      await context.sendActivity(message);
      await rememberChatUser(db, ref, {
        externalUserId: user.externalUserId,
        conversationRef: { ...(TurnContext.getConversationReference(context.activity) as object) } as never,
      });
    },
  );
  return { type: 'sent' };
}

type InConversation = (reference: unknown, logic: (context: TurnContext) => Promise<void>) => Promise<void>;

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
  workspace: ChatWorkspace,
  subject: string,
  card: ReturnType<typeof cardAttachment>,
  posted: { subject: string }[],
  inConversation: InConversation,
): Promise<Verdict> {
  let reached = posted.length;
  for (const decider of await seatDeciders(db, workspace.organizationId)) {
    const user = await findChatUserByEmail(db, ref, decider.email);
    if (!user?.conversationRef) continue;
    const own = directPostSubject(subject, user.externalUserId);
    if (posted.some((p) => p.subject === own)) continue;
    await inConversation(user.conversationRef, async (context) => {
      const sent = await context.sendActivity({ type: 'message', attachments: [card] });
      if (sent?.id) {
        await recordChatPost(db, ref, {
          subject: own,
          channelId: context.activity.conversation.id,
          messageId: sent.id,
        });
      }
    });
    reached++;
  }
  return reached > 0
    ? { type: 'sent' }
    : {
        type: 'skipped',
        note: "no managers' channel (an owner types settings in one) and no manager has a personal chat with the bot",
      };
}

/** Bot Framework's audience for tokens to the Bot Connector (public cloud). */
const BOT_AUDIENCE = 'https://api.botframework.com';

interface Teams {
  adapter: TeamsAdapter;
  appId: string;
  workspace: ChatWorkspace;
  inConversation: (reference: unknown, logic: (context: TurnContext) => Promise<void>) => Promise<void>;
}

function verdictOf(error: unknown, now: Date): Verdict {
  const e = error as { statusCode?: number; response?: { headers?: { get?: (h: string) => string | null } } };
  const status = e.statusCode;
  if (status === 429) {
    const retryAfter = Number(e.response?.headers?.get?.('retry-after') ?? 1);
    return {
      type: 'failed',
      retryable: true,
      error: 'rate limited by Teams',
      retryAt: new Date(now.getTime() + retryAfter * 1000),
    };
  }
  if (status !== undefined && status >= 400 && status < 500) {
    return { type: 'failed', retryable: false, error: `Teams refused (${status})` };
  }
  return {
    type: 'failed',
    retryable: true,
    error: `Teams unreachable: ${error instanceof Error ? error.message : String(error)}`,
  };
}
