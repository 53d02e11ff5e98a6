// Who is speaking in Teams: the tenant's organization (through its link), and the member behind
// the Teams user, matched by the e-mail of their Teams account (from the conversation's roster).
// Permissions then come from that member's role in the domain, as in Slack.

import type { WorkspaceRef } from '../chat/platform.js';
import { chatActor } from '../chat/workspaces/chat-actor.js';
import { rememberChatUser } from '../chat/workspaces/chat-users.js';
import { findLinkedWorkspace, type LinkedWorkspace } from '../chat/workspaces/find-workspace.js';
import type { Db } from '../db/database.js';
import type { Prisma } from '../generated/prisma/client.js';
import { type Locale, pickLocale } from '../i18n/locale.js';
import type { Actor } from '../permissions/actor.js';
import { withoutThread } from './conversation-id.js';
import type { TeamsTurn } from './deps.js';
import { statusOf, TeamsUnreachableError } from './teams-errors.js';

export type TeamsIdentity =
  | { linked: false; ref: WorkspaceRef; email: string | undefined; locale: Locale }
  | ({ linked: true; ref: WorkspaceRef; email: string; locale: Locale; actor: Actor } & LinkedWorkspace);

const EMAIL_TTL_MS = 5 * 60_000;
/** Only e-mails found are kept: a failed lookup must not speak for the next five minutes. */
const emails = new Map<string, { email: string; until: number }>();

export const tenantOf = (turn: TeamsTurn): string => {
  const activity = turn.activity;
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  return activity.conversation?.tenantId ?? channelData?.tenant?.id ?? '';
};

/**
 * The e-mail of the Teams account speaking, from the conversation's roster. Teams not answering
 * (no serviceUrl to ask, a 5xx, a refused token) is a TeamsUnreachableError, said as such; only a
 * member Teams does not know (404) or without an address has no e-mail.
 */
async function emailOf(turn: TeamsTurn): Promise<string | undefined> {
  const userId = turn.activity.from?.id ?? '';
  const key = `${tenantOf(turn)}:${userId}`;
  const cached = emails.get(key);
  if (cached && cached.until > Date.now()) return cached.email;
  if (!turn.activity.serviceUrl) throw new TeamsUnreachableError('the activity has no serviceUrl');
  let member: { email?: string; userPrincipalName?: string } | undefined;
  try {
    member = await turn.api.conversations.getMemberById(turn.activity.conversation.id, userId);
  } catch (error) {
    const status = statusOf(error);
    if (status !== 404) throw new TeamsUnreachableError(`the roster lookup failed (${status ?? 'no answer'})`);
  }
  const email = (member?.email || member?.userPrincipalName)?.toLowerCase() || undefined;
  if (email) {
    if (emails.size > 10_000) emails.clear();
    emails.set(key, { email, until: Date.now() + EMAIL_TTL_MS });
  }
  return email;
}

/**
 * Who speaks, and the language to answer in: before a link, what the activity says (else English);
 * for a member, memberLocale (their own language, else the activity's, else the organization's).
 */
export async function identifyTeams(db: Db, turn: TeamsTurn): Promise<TeamsIdentity> {
  const ref: WorkspaceRef = { platform: 'teams', externalId: tenantOf(turn) };
  const said = turn.activity.locale || undefined;
  const [email, linked] = await Promise.all([emailOf(turn), findLinkedWorkspace(db, ref)]);
  if (!linked) return { linked: false, ref, email, locale: pickLocale(said) };
  const actor = await chatActor(db, linked, { email, channelLocale: said, platform: 'teams' });
  const personal = turn.activity.conversation?.conversationType === 'personal';
  await rememberChatUser(db, ref, {
    externalUserId: turn.activity.from?.id ?? '',
    email,
    locale: said,
    // The personal chat is where notifications reach this member later (proactive messages).
    ...(personal ? { conversationRef: conversationReference(turn) } : {}),
  });
  return { linked: true, ref, email: actor.member.email, locale: actor.locale, actor, ...linked };
}

/** What a proactive message needs to reach this conversation again. */
export function conversationReference(turn: TeamsTurn): Prisma.InputJsonValue {
  const activity = turn.activity;
  return {
    serviceUrl: activity.serviceUrl,
    channelId: activity.channelId,
    conversation: {
      // The conversation itself, not the thread the message was in: later posts are new posts.
      id: withoutThread(activity.conversation.id),
      conversationType: activity.conversation.conversationType ?? null,
      tenantId: tenantOf(turn),
    },
    bot: { id: activity.recipient?.id ?? '', name: activity.recipient?.name ?? '' },
    user: { id: activity.from?.id ?? '' },
  };
}
