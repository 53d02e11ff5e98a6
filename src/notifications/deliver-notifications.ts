// Delivers the chat notifications of the outbox (seat requests to the managers' channel, outcomes
// to inviters) through the chat channels linked to each organization. Claimed like e-mails
// (FOR UPDATE SKIP LOCKED and a lease, see src/outbox), so replicas never deliver one twice;
// failures are retried with backoff (a 429 at the time the platform asks) and given up visibly.
import type { ChatPlatform } from '../chat/platform.js';
import type { Db } from '../db/database.js';
import type { ChatWorkspace } from '../generated/prisma/client.js';
import type { Logger } from '../log/logger.js';
import { claimOutbox } from '../outbox/claim-outbox.js';
import { outboxKinds } from '../outbox/enqueue.js';
import { type Settled, settle } from '../outbox/settle-outbox.js';
import type { Verdict } from '../outbox/verdict.js';
import { describeNotification } from './describe-notification.js';
import { type ChatNotification, notificationPayload } from './notification.js';

/** One chat platform's way of saying a notification in one of its workspaces. */
export interface ChatNotifier {
  platform: ChatPlatform;
  /** `now`: the run's clock, for a retry time the platform asks for (429). */
  deliver(workspace: ChatWorkspace, notification: ChatNotification, now: Date): Promise<Verdict>;
}

export async function deliverNotifications(
  db: Db,
  options: {
    notifiers: ChatNotifier[];
    log: Logger;
    now?: Date;
    batchSize?: number;
    maxAttempts?: number;
    leaseMs?: number;
    signal?: AbortSignal;
  },
): Promise<Settled> {
  const total: Settled = { sent: 0, skipped: 0, retried: 0, failed: 0 };
  const batchSize = options.batchSize ?? 50;
  const maxAttempts = options.maxAttempts ?? 10;
  for (let round = 0; round < 20 && !options.signal?.aborted; round++) {
    const now = options.now ?? new Date();
    const claimed = await claimOutbox(db, {
      kinds: [outboxKinds.notification],
      limit: batchSize,
      now,
      leaseMs: options.leaseMs ?? 5 * 60_000,
    });
    if (claimed.length === 0) break;
    const results = [];
    // One at a time: chat platforms limit posting rates per workspace and channel.
    for (const message of claimed) {
      results.push({ message, verdict: await deliverOne(db, message, { ...options, now }) });
    }
    const settled = await settle(db, results, { now: options.now ?? new Date(), maxAttempts, log: options.log });
    for (const key of Object.keys(total) as (keyof Settled)[]) total[key] += settled[key];
    if (claimed.length < batchSize) break;
  }
  return total;
}

async function deliverOne(
  db: Db,
  message: { organizationId: string; payload: unknown; attempts: number },
  options: { notifiers: ChatNotifier[]; log: Logger; maxAttempts?: number; now: Date },
): Promise<Verdict> {
  if (message.attempts > (options.maxAttempts ?? 10)) {
    return { type: 'failed', retryable: true, error: 'every attempt was interrupted' };
  }
  const payload = notificationPayload.safeParse(message.payload);
  if (!payload.success) return { type: 'failed', retryable: false, error: 'invalid notification payload' };
  const notification = await describeNotification(db, message.organizationId, payload.data);
  if (!notification) return { type: 'skipped', note: 'its subject no longer exists' };
  const workspaces = await db.chatWorkspace.findMany({
    where: { organizationId: message.organizationId, platform: { in: options.notifiers.map((n) => n.platform) } },
    orderBy: { linkedAt: 'asc' },
  });
  if (workspaces.length === 0) return { type: 'skipped', note: 'no chat workspace is linked to the organization' };
  const verdicts: Verdict[] = [];
  for (const workspace of workspaces) {
    const notifier = options.notifiers.find((n) => n.platform === workspace.platform);
    if (notifier) verdicts.push(await notifier.deliver(workspace, notification, options.now));
  }
  // Sent if any workspace said it; else the first retryable failure (retried), else the first verdict.
  return (
    verdicts.find((v) => v.type === 'sent') ??
    verdicts.find((v) => v.type === 'failed' && v.retryable) ??
    verdicts[0] ?? { type: 'skipped', note: 'no notifier' }
  );
}
