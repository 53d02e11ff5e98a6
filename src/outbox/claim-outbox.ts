// Claims due outbox rows for one worker. One statement selects them (SKIP LOCKED: rows another
// worker is claiming right now are passed over, never waited for) and pushes their
// next_attempt_at past a lease, so they stop being due: a second replica cannot take them,
// and if this worker dies they come back once the lease ends. `attempts` goes up in the same
// statement, so a claim is also an attempt, and the new value is the claim's fencing token:
// the verdict is recorded only `WHERE attempts = <token>` (settle-outbox.ts).
import type { Db } from '../db/database.js';

export interface ClaimedMessage {
  /** outbox_message.id (a bigint, as text). */
  id: string;
  organizationId: string;
  kind: string;
  key: string;
  payload: unknown;
  /** After this claim: the fencing token. */
  attempts: number;
  createdAt: Date;
  /**
   * The previous claim ended without a verdict (the worker died or stalled past its lease):
   * the message may or may not have left. See deliver-outbox.ts.
   */
  interrupted: boolean;
  /**
   * When a previous claim handed it to the provider without recording the answer (a crash, a
   * timeout): SendGrid may have accepted it. Null when it surely never left.
   */
  handedAt: Date | null;
}

/** Written in last_error while a row is claimed; still there at the next claim = interrupted. */
export const IN_FLIGHT = 'in flight';

export async function claimOutbox(
  db: Db,
  options: {
    kinds: readonly string[];
    limit: number;
    now: Date;
    leaseMs: number;
    /** Payload types left to a claim of their own (the inviters' outcomes, coalesced). */
    exceptTypes?: readonly string[];
  },
): Promise<ClaimedMessage[]> {
  if (options.limit <= 0) return [];
  const leaseUntil = new Date(options.now.getTime() + options.leaseMs);
  const rows = await db.$queryRawUnsafe<ClaimedRow[]>(
    `WITH due AS (
       SELECT id, last_error FROM outbox_message
        WHERE status = 'PENDING' AND kind = ANY($1::text[]) AND next_attempt_at <= $2::timestamptz
          AND coalesce(NOT (payload->>'type' = ANY($7::text[])), true)
        ORDER BY next_attempt_at, id
        LIMIT $3
        FOR UPDATE SKIP LOCKED
     )
     UPDATE outbox_message o
        SET attempts = o.attempts + 1, next_attempt_at = $4::timestamptz, last_error = $5
       FROM due
      WHERE o.id = due.id
     RETURNING o.id::text AS id, o.organization_id::text AS organization_id, o.kind, o.idempotency_key AS key,
               o.payload, o.attempts, o.created_at, o.handed_at, coalesce(starts_with(due.last_error, $6), false) AS interrupted`,
    options.kinds,
    options.now.toISOString(),
    options.limit,
    leaseUntil.toISOString(),
    `${IN_FLIGHT} since ${options.now.toISOString()} (lease until ${leaseUntil.toISOString()})`,
    IN_FLIGHT,
    options.exceptTypes ?? [],
  );
  return rows.map(claimedFrom).sort(byId);
}

/** A claim's row as its RETURNING clause gives it (every claim returns these columns). */
export interface ClaimedRow {
  id: string;
  organization_id: string;
  kind: string;
  key: string;
  payload: unknown;
  attempts: number;
  created_at: Date;
  interrupted: boolean;
  /** Only e-mail claims return it. */
  handed_at?: Date | null;
}

export const claimedFrom = (r: ClaimedRow): ClaimedMessage => ({
  id: r.id,
  organizationId: r.organization_id,
  kind: r.kind,
  key: r.key,
  payload: r.payload,
  attempts: r.attempts,
  createdAt: new Date(r.created_at),
  interrupted: r.interrupted,
  handedAt: r.handed_at ? new Date(r.handed_at) : null,
});

export const byId = (a: ClaimedMessage, b: ClaimedMessage) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1);
