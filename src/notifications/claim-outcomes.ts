// Claims inviters' due outcome rows, all of an inviter's together (per destination), so that they
// can be said in one message. An inviter whose window is open (a message went out less than
// outcomeWindowMs ago) is passed over: their rows stay due, unclaimed, and are taken together
// when it ends. Two replicas never split one inviter's rows (a transaction-scoped advisory lock per
// inviter, held while the claim runs). Otherwise like claimOutbox (FOR UPDATE SKIP LOCKED, a lease, attempts + 1 as the
// fencing token), so settle() records each row's verdict exactly once.
import type { Db } from '../db/database.js';
import { byId, type ClaimedMessage, type ClaimedRow, claimedFrom, IN_FLIGHT } from '../outbox/claim-outbox.js';
import { outboxKinds } from '../outbox/enqueue.js';
import { destinationKey, destinationKeySql } from './destination.js';
import { invitersPerClaim, outcomeTypes, outcomeWindowMs } from './outcome-policy.js';

/** One inviter's claimed outcomes at one destination. */
export interface OutcomeGroup {
  organizationId: string;
  recipientId: string;
  destination: string;
  rows: ClaimedMessage[];
}

export async function claimOutcomes(
  db: Db,
  options: { now: Date; leaseMs: number; inviters?: number },
): Promise<OutcomeGroup[]> {
  const leaseUntil = new Date(options.now.getTime() + options.leaseMs);
  const rows = await db.$queryRawUnsafe<ClaimedRow[]>(
    `WITH due_rows AS (
       SELECT o.id, o.organization_id, o.payload->>'recipientId' AS recipient, ${destinationKeySql} AS destination,
              o.next_attempt_at
         FROM outbox_message o
        WHERE o.status = 'PENDING' AND o.kind = $1 AND o.payload->>'type' = ANY($2::text[])
          AND o.next_attempt_at <= $3::timestamptz
          AND NOT EXISTS (
            SELECT 1 FROM outcome_dm_window w
             WHERE w.organization_id = o.organization_id AND w.recipient_id::text = o.payload->>'recipientId'
               AND w.destination = ${destinationKeySql}
               AND w.last_sent_at > $3::timestamptz - $4 * interval '1 millisecond')
     ),
     inviters AS (
       SELECT organization_id, recipient, destination FROM (
         SELECT organization_id, recipient, destination FROM due_rows
          GROUP BY organization_id, recipient, destination
          ORDER BY min(next_attempt_at)
          LIMIT $5
       ) candidates
       -- One claimer per inviter at a time: a replica claiming concurrently passes this inviter
       -- over instead of taking part of the rows (it would then lose the window and hold them).
       WHERE pg_try_advisory_xact_lock(
         hashtextextended('outcomes:' || organization_id::text || ':' || coalesce(recipient, '') || ':' || destination, 0))
     ),
     due AS (
       SELECT o.id, o.last_error FROM outbox_message o
        WHERE o.id IN (SELECT d.id FROM due_rows d JOIN inviters i
                          ON i.organization_id = d.organization_id AND i.recipient IS NOT DISTINCT FROM d.recipient
                         AND i.destination = d.destination)
          AND o.status = 'PENDING' AND o.next_attempt_at <= $3::timestamptz
        FOR UPDATE SKIP LOCKED
     )
     UPDATE outbox_message o
        SET attempts = o.attempts + 1, next_attempt_at = $6::timestamptz, last_error = $7
       FROM due
      WHERE o.id = due.id
     RETURNING o.id::text AS id, o.organization_id::text AS organization_id, o.kind, o.idempotency_key AS key,
               o.payload, o.attempts, o.created_at, coalesce(starts_with(due.last_error, $8), false) AS interrupted`,
    outboxKinds.notification,
    outcomeTypes,
    options.now.toISOString(),
    outcomeWindowMs,
    options.inviters ?? invitersPerClaim,
    leaseUntil.toISOString(),
    `${IN_FLIGHT} since ${options.now.toISOString()} (lease until ${leaseUntil.toISOString()})`,
    IN_FLIGHT,
  );
  const groups = new Map<string, OutcomeGroup>();
  for (const message of rows.map(claimedFrom).sort(byId)) {
    const recipientId = String((message.payload as { recipientId?: unknown } | null)?.recipientId ?? '');
    const destination = destinationKey(message);
    const key = JSON.stringify([message.organizationId, recipientId, destination]);
    const group = groups.get(key) ?? { organizationId: message.organizationId, recipientId, destination, rows: [] };
    group.rows.push(message);
    groups.set(key, group);
  }
  return [...groups.values()];
}
