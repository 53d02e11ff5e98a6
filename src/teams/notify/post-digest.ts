// The digest in the Teams managers' channel, posted once per period and workspace (recorded as a
// chat post). Without a managers' channel it is skipped, not e-mailed: the note says so in the
// outbox and the logs.
import type { WorkspaceRef } from '../../chat/platform.js';
import { findChatPosts, recordChatPost } from '../../chat/workspaces/chat-posts.js';
import type { Db } from '../../db/database.js';
import { digestSubject } from '../../digest/digest-summary.js';
import type { ChatWorkspace } from '../../generated/prisma/client.js';
import type { ChatNotification } from '../../notifications/notification.js';
import type { Verdict } from '../../outbox/verdict.js';
import { cardAttachment } from '../cards/adaptive.js';
import { digestCard } from '../cards/digest-card.js';
import type { Conversations } from './conversations.js';

export async function postDigest(
  db: Db,
  ref: WorkspaceRef,
  workspace: ChatWorkspace,
  n: Extract<ChatNotification, { type: 'digest' }>,
  conversations: Conversations,
): Promise<Verdict> {
  if (!workspace.managersChannelRef || !workspace.managersChannelId) {
    return { type: 'skipped', note: "no managers' channel (an owner types settings in one): digest not posted" };
  }
  const subject = digestSubject(n.periodStart);
  if ((await findChatPosts(db, ref, subject)).length > 0) return { type: 'sent' };
  const card = cardAttachment(digestCard(n.summary, n.organizationLocale));
  const sent = await conversations.send(workspace.managersChannelRef, { type: 'message', attachments: [card] });
  if (sent) await recordChatPost(db, ref, { subject, channelId: workspace.managersChannelId, messageId: sent });
  return { type: 'sent' };
}
