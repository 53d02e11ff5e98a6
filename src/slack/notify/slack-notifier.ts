// Says the chat notifications in Slack: the seat request card in the managers' channel (updated
// once decided), and direct messages to the inviter or requester. Used by the notification job,
// outside any Slack request: the workspace's bot token comes from the configuration (one
// workspace) or from its OAuth installation.
import { ErrorCode, WebClient } from '@slack/web-api';
import { findChatPost, recordChatPost, seatRequestSubject } from '../../chat/chat-posts.js';
import { findChatUserByEmail, rememberChatUser } from '../../chat/chat-users.js';
import type { WorkspaceRef } from '../../chat/platform.js';
import type { Db } from '../../db/database.js';
import type { ChatWorkspace } from '../../generated/prisma/client.js';
import { type Locale, pickLocale } from '../../i18n/locale.js';
import type { ChatNotifier } from '../../notifications/deliver-notifications.js';
import type { ChatNotification, Recipient } from '../../notifications/notification.js';
import type { Verdict } from '../../outbox/verdict.js';
import { seatRequestCard } from '../blocks/seat-request-card.js';
import { installedBotToken } from '../installation-store.js';
import { defaultSlackApiUrl } from '../slack-api-url.js';
import { slackTexts } from '../texts.js';

export function createSlackNotifier(options: { db: Db; botToken?: string; slackApiUrl?: string }): ChatNotifier {
  const { db } = options;
  const clients = new Map<string, WebClient>();
  const clientFor = async (teamId: string): Promise<WebClient | undefined> => {
    const token = options.botToken ?? (await installedBotToken(db, teamId));
    if (!token) return undefined;
    let client = clients.get(token);
    if (!client) {
      // No hidden retries: a 429 comes back as an error carrying Retry-After, and the outbox
      // retries at that time (the job must not sleep on one workspace while others wait).
      client = new WebClient(token, {
        slackApiUrl: options.slackApiUrl ?? defaultSlackApiUrl,
        rejectRateLimitedCalls: true,
        retryConfig: { retries: 0 },
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
        return verdictOf(error, now);
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
  if (n.type === 'seat_request.created' || n.type === 'seat_request.decided') {
    const subject = seatRequestSubject(n.details.request.id);
    const card = seatRequestCard(n.details, n.organizationLocale);
    const posted = await findChatPost(db, ref, subject);
    if (posted) {
      // Already posted (a retry, or the decision): the card is redrawn, never posted twice.
      await client.chat.update({ channel: posted.channelId, ts: posted.messageId, ...card });
    } else if (n.type === 'seat_request.created') {
      if (!workspace.managersChannelId) {
        return { type: 'skipped', note: "no managers' channel: an owner sets it with /invite settings" };
      }
      const result = await client.chat.postMessage({ channel: workspace.managersChannelId, ...card });
      if (result.channel && result.ts) {
        await recordChatPost(db, ref, { subject, channelId: result.channel, messageId: result.ts });
      }
    }
    if (n.type === 'seat_request.created') return { type: 'sent' };
    const r = n.details.request;
    return direct(db, client, ref, n.recipient, n.organizationLocale, (s) =>
      s.decisionDm(r.status === 'APPROVED', r.seatsRequested, n.details.decidedByEmail ?? '?', r.reason),
    );
  }
  const email = n.invitationEmail;
  return direct(db, client, ref, n.recipient, n.organizationLocale, (s) => {
    if (n.type === 'invitation.accepted') return s.accepted(email);
    if (n.type === 'invitation.expired') return s.expired(email);
    if (n.type === 'invitation.bounced') return s.bounced(email, n.detail ?? 'bounce');
    return s.undeliverable(email);
  });
}

/** A direct message to a member, found by the e-mail Slack knows them by. */
async function direct(
  db: Db,
  client: WebClient,
  ref: WorkspaceRef,
  recipient: Recipient,
  fallback: Locale,
  text: (s: ReturnType<typeof slackTexts>) => string,
): Promise<Verdict> {
  let user = await findChatUserByEmail(db, ref, recipient.email);
  if (!user) {
    const found = await client.users.lookupByEmail({ email: recipient.email }).catch((error: unknown) => {
      if ((error as { data?: { error?: string } }).data?.error === 'users_not_found') return undefined;
      throw error;
    });
    if (!found?.user?.id) return { type: 'skipped', note: 'the recipient has no Slack account in this workspace' };
    await rememberChatUser(db, ref, { externalUserId: found.user.id, email: recipient.email });
    user = await findChatUserByEmail(db, ref, recipient.email);
  }
  if (user && !user.locale) {
    // users.lookupByEmail does not tell the language; users.info does, once per person.
    const info = await client.users.info({ user: user.externalUserId, include_locale: true });
    if (info.user?.locale) {
      await rememberChatUser(db, ref, { externalUserId: user.externalUserId, locale: info.user.locale });
      user = { ...user, locale: info.user.locale };
    }
  }
  if (!user) return { type: 'skipped', note: 'the recipient has no Slack account in this workspace' };
  const message = text(slackTexts(pickLocale(user.locale, fallback)));
  await client.chat.postMessage({ channel: user.externalUserId, text: message });
  return { type: 'sent' };
}

function verdictOf(error: unknown, now: Date): Verdict {
  const e = error as { code?: string; retryAfter?: number; data?: { error?: string }; statusCode?: number };
  if (e.code === ErrorCode.RateLimitedError) {
    return {
      type: 'failed',
      retryable: true,
      error: 'rate limited by Slack',
      retryAt: new Date(now.getTime() + (e.retryAfter ?? 1) * 1000),
    };
  }
  if (e.code === ErrorCode.PlatformError) {
    // Slack refused for good: a channel the bot is not in, a deactivated user, a revoked token.
    return { type: 'failed', retryable: false, error: `Slack: ${e.data?.error ?? 'refused'}` };
  }
  return {
    type: 'failed',
    retryable: true,
    error: `Slack unreachable: ${e.code ?? (error instanceof Error ? error.message : 'error')}`,
  };
}
