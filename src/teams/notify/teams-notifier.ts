// Says the chat notifications in Teams, proactively: the seat request card in the managers'
// channel (its reference stored by `settings`), updated once decided; the outcomes to the
// inviter in their personal chat with the bot (its reference stored when they last wrote to it).
import type { TeamsAdapter } from '@microsoft/teams-ai';
import { type ConversationParameters, type ConversationReference, TurnContext } from 'botbuilder';
import { findChatPosts, recordChatPost, seatRequestSubject } from '../../chat/chat-posts.js';
import { findChatUserByEmail, rememberChatUser } from '../../chat/chat-users.js';
import type { WorkspaceRef } from '../../chat/platform.js';
import { chatTexts } from '../../chat/texts.js';
import type { Db } from '../../db/database.js';
import type { ChatWorkspace } from '../../generated/prisma/client.js';
import { pickLocale } from '../../i18n/locale.js';
import type { ChatNotifier } from '../../notifications/deliver-notifications.js';
import type { Verdict } from '../../outbox/verdict.js';
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
            const reference = { ...(workspace.managersChannelRef as object), conversation: { id: post.channelId } };
            await inConversation(reference, async (context) => {
              await context.updateActivity({ id: post.messageId, type: 'message', attachments: [card] });
            });
          }
          if (n.type === 'seat_request.created') {
            if (posted.length > 0) return { type: 'sent' };
            if (!workspace.managersChannelRef || !workspace.managersChannelId) {
              return { type: 'skipped', note: "no managers' channel: an owner types settings in it" };
            }
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
