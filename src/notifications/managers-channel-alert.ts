// When the managers' channel refuses posts for good, the seat requests fall back to the deciders'
// direct messages and the owners are told, once per channel and owner (recorded as a chat post,
// so later requests and retries do not repeat it; choosing another channel starts afresh).

import type { WorkspaceRef } from '../chat/platform.js';
import { findChatPosts, recordChatPost } from '../chat/workspaces/chat-posts.js';
import type { Db } from '../db/database.js';

export const channelAlertSubject = (channelId: string) => `managers_channel_alert:${channelId}`;

/**
 * Tells each owner not told yet about this channel. `tell` sends one owner the alert and returns
 * where it went (null when the owner cannot be reached in this workspace).
 */
export async function alertOwnersOnce(
  db: Db,
  ref: WorkspaceRef,
  organizationId: string,
  channelId: string,
  tell: (ownerEmail: string) => Promise<{ channelId: string; messageId: string } | null>,
): Promise<void> {
  const subject = channelAlertSubject(channelId);
  const told = new Set((await findChatPosts(db, ref, subject)).map((p) => p.subject));
  const owners = await db.member.findMany({
    where: { organizationId, isOwner: true },
    select: { email: true },
    orderBy: { createdAt: 'asc' },
    take: 20,
  });
  for (const owner of owners) {
    const own = `${subject}:owner:${owner.email}`;
    if (told.has(own)) continue;
    const sent = await tell(owner.email);
    if (sent) await recordChatPost(db, ref, { subject: own, ...sent });
  }
}
