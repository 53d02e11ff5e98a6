// Chat users as Sesame has seen them: their verified e-mail (which makes them a member), their
// language, and their personal conversation with the bot. Remembered on each request so that
// notifications can reach an inviter later without asking the platform again.
import type { Db } from '../../db/database.js';
import type { ChatUser, Prisma } from '../../generated/prisma/client.js';
import type { WorkspaceRef } from '../platform.js';

export interface SeenChatUser {
  externalUserId: string;
  email?: string | null;
  locale?: string | null;
  conversationId?: string | null;
  /** Teams: the personal conversation's reference, for proactive messages. */
  conversationRef?: Prisma.InputJsonValue;
}

export async function rememberChatUser(db: Db, ref: WorkspaceRef, user: SeenChatUser): Promise<void> {
  const key = { platform: ref.platform, workspaceId: ref.externalId, externalUserId: user.externalUserId };
  const data = {
    ...(user.email ? { email: user.email.toLowerCase() } : {}),
    ...(user.locale ? { locale: user.locale } : {}),
    ...(user.conversationId ? { conversationId: user.conversationId } : {}),
    ...(user.conversationRef ? { conversationRef: user.conversationRef } : {}),
  };
  await db.chatUser.upsert({
    where: { platform_workspaceId_externalUserId: key },
    create: { ...key, ...data },
    update: data,
  });
}

/** The chat user of a member's e-mail in a workspace, most recently seen first. */
export function findChatUserByEmail(db: Db, ref: WorkspaceRef, email: string): Promise<ChatUser | null> {
  return db.chatUser.findFirst({
    where: { platform: ref.platform, workspaceId: ref.externalId, email: email.toLowerCase() },
    orderBy: { updatedAt: 'desc' },
  });
}

/** A chat user by the platform's own id for them. */
export function findChatUser(db: Db, ref: WorkspaceRef, externalUserId: string): Promise<ChatUser | null> {
  return db.chatUser.findUnique({
    where: {
      platform_workspaceId_externalUserId: { platform: ref.platform, workspaceId: ref.externalId, externalUserId },
    },
  });
}
