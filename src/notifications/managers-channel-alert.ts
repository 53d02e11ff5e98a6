// When the managers' channel refuses posts for good, the seat requests fall back to the deciders'
// direct messages and the owners are told, once per channel and owner (recorded as a chat post,
// so later requests and retries do not repeat it; choosing another channel starts afresh). The
// same "once per owner" serves the e-mail telling owners that the chat's access was lost.

import type { WorkspaceRef } from '../chat/platform.js';
import { findChatPosts, recordChatPost } from '../chat/workspaces/chat-posts.js';
import type { Db } from '../db/database.js';
import type { Locale } from '../i18n/locale.js';

/** An owner to tell, with their own language when set (memberLocale). */
export interface OwnerToTell {
  email: string;
  language: Locale | null;
}

export const channelAlertSubject = (channelId: string) => `managers_channel_alert:${channelId}`;

/**
 * Tells each owner not told yet about `subject` in this workspace, once per owner (recorded as a
 * chat post `<subject>:owner:<e-mail>`, so retries and later notifications do not repeat it).
 * `tell` sends one owner the alert and returns where it went (null when it could not: the next
 * notification tries again). Used for the managers' channel alert and the lost chat access e-mail.
 */
export async function tellOwnersOnce(
  db: Db,
  ref: WorkspaceRef,
  organizationId: string,
  subject: string,
  tell: (owner: OwnerToTell) => Promise<{ channelId: string; messageId: string } | null>,
): Promise<void> {
  const told = new Set((await findChatPosts(db, ref, subject)).map((p) => p.subject));
  const owners = await db.member.findMany({
    where: { organizationId, isOwner: true },
    select: { email: true, language: true },
    orderBy: { createdAt: 'asc' },
    take: 20,
  });
  for (const owner of owners) {
    const own = `${subject}:owner:${owner.email}`;
    if (told.has(own)) continue;
    const sent = await tell(owner);
    if (sent) await recordChatPost(db, ref, { subject: own, ...sent });
  }
}

/** Tells each owner not told yet that this managers' channel refuses posts. */
export function alertOwnersOnce(
  db: Db,
  ref: WorkspaceRef,
  organizationId: string,
  channelId: string,
  tell: (owner: OwnerToTell) => Promise<{ channelId: string; messageId: string } | null>,
): Promise<void> {
  return tellOwnersOnce(db, ref, organizationId, channelAlertSubject(channelId), tell);
}
