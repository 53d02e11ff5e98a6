// The digest in the Slack managers' channel. Posted once per period and workspace (recorded as a
// chat post: a retry after a post whose answer was lost does not post it again). Without a
// managers' channel it is skipped, not e-mailed: the note says so in the outbox and the logs.
import type { WebClient } from '@slack/web-api';
import type { WorkspaceRef } from '../../chat/platform.js';
import { findChatPosts, recordChatPost } from '../../chat/workspaces/chat-posts.js';
import type { Db } from '../../db/database.js';
import { digestSubject } from '../../digest/digest-summary.js';
import type { ChatWorkspace } from '../../generated/prisma/client.js';
import type { ChatNotification } from '../../notifications/notification.js';
import type { Verdict } from '../../outbox/verdict.js';
import { digestMessage } from '../blocks/digest.js';
import { fitSlackMessage } from '../limits.js';

export async function postDigest(
  db: Db,
  client: WebClient,
  ref: WorkspaceRef,
  workspace: ChatWorkspace,
  n: Extract<ChatNotification, { type: 'digest' }>,
): Promise<Verdict> {
  const channel = workspace.managersChannelId;
  if (!channel) {
    return {
      type: 'skipped',
      note: "no managers' channel (an owner sets it with /invite settings): digest not posted",
    };
  }
  const subject = digestSubject(n.periodStart);
  if ((await findChatPosts(db, ref, subject)).length > 0) return { type: 'sent' };
  const sent = await client.chat.postMessage({
    channel,
    ...fitSlackMessage(digestMessage(n.summary, n.organizationLocale)),
  });
  if (sent.channel && sent.ts) await recordChatPost(db, ref, { subject, channelId: sent.channel, messageId: sent.ts });
  return { type: 'sent' };
}
