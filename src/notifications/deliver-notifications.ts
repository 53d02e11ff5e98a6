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
    const results = await deliverPerDestination(claimed, (message) => deliverOne(db, message, { ...options, now }));
    const settled = await settle(db, results, { now: options.now ?? new Date(), maxAttempts, log: options.log });
    for (const key of Object.keys(total) as (keyof Settled)[]) total[key] += settled[key];
    if (claimed.length < batchSize) break;
  }
  return total;
}

async function deliverOne(
  db: Db,
  message: { organizationId: string; key: string; payload: unknown; attempts: number },
  options: { notifiers: ChatNotifier[]; log: Logger; maxAttempts?: number; now: Date },
): Promise<Verdict> {
  if (message.attempts > (options.maxAttempts ?? 10)) {
    return { type: 'failed', retryable: true, error: 'every attempt was interrupted' };
  }
  const payload = notificationPayload.safeParse(message.payload);
  if (!payload.success) return { type: 'failed', retryable: false, error: 'invalid notification payload' };
  const notification = await describeNotification(db, message.organizationId, payload.data);
  if (!notification) return { type: 'skipped', note: 'its subject no longer exists' };
  const target = workspaceOf(message.payload);
  const workspaces = await db.chatWorkspace.findMany({
    where: {
      organizationId: message.organizationId,
      platform: { in: options.notifiers.map((n) => n.platform) },
      ...(target ? { platform: target.platform, externalId: target.externalId } : {}),
    },
    orderBy: { linkedAt: 'asc' },
  });
  if (workspaces.length === 0) return { type: 'skipped', note: 'no chat workspace is linked to the organization' };
  if (workspaces.length > 1) {
    // One row per workspace, each delivered and retried on its own: a failure in one never
    // re-sends to the others, and a success in one never hides a failure in another.
    await db.$executeRawUnsafe(
      `INSERT INTO outbox_message (organization_id, kind, idempotency_key, payload)
       SELECT $1::uuid, 'notification', $2 || ':' || w.platform || ':' || w.external_id,
              $3::jsonb || jsonb_build_object('workspace', jsonb_build_object('platform', w.platform, 'externalId', w.external_id))
         FROM unnest($4::text[], $5::text[]) AS w(platform, external_id)
       ON CONFLICT (idempotency_key) DO NOTHING`,
      message.organizationId,
      message.key,
      JSON.stringify(message.payload),
      workspaces.map((w) => w.platform),
      workspaces.map((w) => w.externalId),
    );
    return { type: 'skipped', note: `one notification per workspace (${workspaces.length})` };
  }
  const [workspace] = workspaces;
  const notifier = options.notifiers.find((n) => n.platform === workspace?.platform);
  if (!workspace || !notifier) return { type: 'skipped', note: 'no notifier' };
  return notifier.deliver(workspace, notification, options.now);
}

/** The workspace a per-workspace copy of a notification is for (see the fan-out above). */
function workspaceOf(payload: unknown): { platform: string; externalId: string } | undefined {
  const workspace = (payload as { workspace?: { platform?: unknown; externalId?: unknown } } | null)?.workspace;
  return typeof workspace?.platform === 'string' && typeof workspace.externalId === 'string'
    ? { platform: workspace.platform, externalId: workspace.externalId }
    : undefined;
}
