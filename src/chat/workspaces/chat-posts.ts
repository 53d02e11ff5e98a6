// Messages Sesame posted and updates later (a seat request's card once decided, an import's
// progress): where each one is, by what it is about.
import type { Db } from '../../db/database.js';
import type { ChatPost } from '../../generated/prisma/client.js';
import type { WorkspaceRef } from '../platform.js';

export const seatRequestSubject = (seatRequestId: string) => `seat_request:${seatRequestId}`;
export const importSubject = (draftId: string) => `import:${draftId}`;
/** The copy of a card sent to one person in a direct message (no managers' channel). */
export const directPostSubject = (subject: string, externalUserId: string) => `${subject}:dm:${externalUserId}`;

export async function recordChatPost(
  db: Db,
  ref: WorkspaceRef,
  post: { subject: string; channelId: string; messageId: string },
): Promise<void> {
  const key = { platform: ref.platform, workspaceId: ref.externalId, subject: post.subject };
  await db.chatPost.upsert({
    where: { platform_workspaceId_subject: key },
    create: { ...key, channelId: post.channelId, messageId: post.messageId },
    update: { channelId: post.channelId, messageId: post.messageId },
  });
}

/** Every post about a subject: the card itself, or one per person it was sent to (`<subject>:...`). */
export function findChatPosts(db: Db, ref: WorkspaceRef, subject: string): Promise<ChatPost[]> {
  return db.chatPost.findMany({
    where: {
      platform: ref.platform,
      workspaceId: ref.externalId,
      OR: [{ subject }, { subject: { startsWith: `${subject}:` } }],
    },
    orderBy: { createdAt: 'asc' },
  });
}
