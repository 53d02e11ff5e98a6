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
import { claimOutcomes } from './claim-outcomes.js';
import { deliverOutcomes } from './coalesce-outcomes.js';
import { describeNotification } from './describe-notification.js';
import { destinationOfNotification, fanOut } from './destination.js';
import { type EmailNotices, orByEmail } from './email-notices.js';
import { type ChatNotification, notificationPayload } from './notification.js';
import { outcomeTypes } from './outcome-policy.js';
import { deliverPerDestination } from './per-destination.js';

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
    /** Says by e-mail what no chat can carry (none linked, the recipient not on it, access lost). */
    emailNotices?: EmailNotices;
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
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const add = (settled: Settled) => {
    for (const key of Object.keys(total) as (keyof Settled)[]) total[key] += settled[key];
  };
  for (let round = 0; round < 20 && !options.signal?.aborted; round++) {
    const now = options.now ?? new Date();
    // The inviters' outcomes first, each inviter's together (coalesced, see outcome-policy.ts)...
    const groups = await claimOutcomes(db, { now, leaseMs });
    if (groups.length > 0) {
      const results = await deliverOutcomes(db, groups, { ...options, maxAttempts, now });
      add(await settle(db, results, { now: options.now ?? new Date(), maxAttempts, log: options.log }));
    }
    // ...then everything else (seat request cards and decisions), row by row.
    const claimed = await claimOutbox(db, {
      kinds: [outboxKinds.notification],
      exceptTypes: outcomeTypes,
      limit: batchSize,
      now,
      leaseMs,
    });
    if (claimed.length > 0) {
      const results = await deliverPerDestination(claimed, (message) => deliverOne(db, message, { ...options, now }));
      add(await settle(db, results, { now: options.now ?? new Date(), maxAttempts, log: options.log }));
    }
    if (claimed.length < batchSize && groups.length === 0) break;
  }
  return total;
}

async function deliverOne(
  db: Db,
  message: { id: string; organizationId: string; key: string; payload: unknown; attempts: number },
  options: { notifiers: ChatNotifier[]; emailNotices?: EmailNotices; log: Logger; maxAttempts?: number; now: Date },
): Promise<Verdict> {
  if (message.attempts > (options.maxAttempts ?? 10)) {
    return { type: 'failed', retryable: true, error: 'every attempt was interrupted' };
  }
  const payload = notificationPayload.safeParse(message.payload);
  if (!payload.success) return { type: 'failed', retryable: false, error: 'invalid notification payload' };
  const notification = await describeNotification(db, message.organizationId, payload.data);
  if (!notification) return { type: 'skipped', note: 'its subject no longer exists' };
  const destination = await destinationOfNotification(db, message.organizationId, message.payload, options.notifiers);
  if (destination.type === 'none') {
    return orByEmail(options.emailNotices, message, notification, {
      type: 'skipped',
      note: destination.note,
      byEmail: {},
    });
  }
  if (destination.type === 'several') {
    await fanOut(db, [message], destination.workspaces);
    return { type: 'skipped', note: `one notification per workspace (${destination.workspaces.length})` };
  }
  const verdict = await destination.notifier.deliver(destination.workspace, notification, options.now);
  return orByEmail(options.emailNotices, message, notification, verdict);
}
