// A direct message to one member in Teams (the inviter, the requester), in their language
// (memberLocale): in their personal chat with the bot, stored when they last wrote to it, or
// opened for them when they were seen in a channel only.
import type { ActivityParams, Client as ApiClient } from '@microsoft/teams.api';
import type { WorkspaceRef } from '../../chat/platform.js';
import { chatTexts } from '../../chat/rendering/texts.js';
import { findChatUserByEmail, rememberChatUser } from '../../chat/workspaces/chat-users.js';
import type { Db } from '../../db/database.js';
import type { ChatWorkspace } from '../../generated/prisma/client.js';
import type { Locale } from '../../i18n/locale.js';
import { memberLocale } from '../../i18n/member-locale.js';
import type { Recipient } from '../../notifications/notification.js';
import { withinTime } from '../../notifications/time-limit.js';
import type { Verdict } from '../../outbox/verdict.js';
import { teamsText } from '../reply.js';
import type { Conversations } from './conversations.js';

/** What a direct message needs of the notifier: the API, the workspace, its conversations, the time limit. */
export interface Teams {
  api: ApiClient;
  workspace: ChatWorkspace;
  conversations: Conversations;
  timeoutMs: number;
}

export async function direct(
  db: Db,
  ref: WorkspaceRef,
  recipient: Recipient,
  organizationLocale: Locale,
  teams: Teams,
  text: (s: ReturnType<typeof chatTexts>, locale: Locale) => string,
): Promise<Verdict> {
  const user = await findChatUserByEmail(db, ref, recipient.email);
  if (!user) return { type: 'skipped', note: 'the recipient has not used the bot in Teams yet', byEmail: {} };
  const locale = memberLocale({ language: recipient.language, channelLocale: user.locale, organizationLocale });
  const message: ActivityParams = {
    type: 'message',
    text: teamsText(text(chatTexts(locale), locale)),
    textFormat: 'markdown',
  };
  if (user.conversationRef) {
    await teams.conversations.send(user.conversationRef, message);
    return { type: 'sent' };
  }
  // Seen in a channel only: open the personal chat, through the service the workspace uses.
  const known = teams.workspace.managersChannelRef as {
    serviceUrl?: string;
    bot?: { id?: string; name?: string };
  } | null;
  if (!known?.serviceUrl || !known.bot?.id) {
    return { type: 'skipped', note: 'the recipient has no personal chat with the bot in Teams yet', byEmail: {} };
  }
  const bot = { id: known.bot.id, name: known.bot.name ?? 'Sesame' };
  const creating = teams.api.clone({ serviceUrl: known.serviceUrl }).conversations.create({
    isGroup: false,
    bot,
    members: [{ id: user.externalUserId, name: '', role: 'user' }],
    tenantId: ref.externalId,
    channelData: { tenant: { id: ref.externalId } },
  });
  const created = await withinTime(creating, teams.timeoutMs, 'the Bot Connector');
  const conversationRef = {
    serviceUrl: known.serviceUrl,
    channelId: 'msteams',
    conversation: { id: created.id, conversationType: 'personal', tenantId: ref.externalId },
    bot,
    user: { id: user.externalUserId },
  };
  await teams.conversations.send(conversationRef, message);
  await rememberChatUser(db, ref, { externalUserId: user.externalUserId, conversationRef });
  return { type: 'sent' };
}
