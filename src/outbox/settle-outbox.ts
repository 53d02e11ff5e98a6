// Records the verdicts of a delivery attempt, right after it. Every statement is fenced by the
// claim's token (`attempts`): a worker that lost its lease cannot overwrite the verdict of the
// worker that took the row over. The invitation's delivery status and, on giving up, the
// inviter's notification are written in the same statement as the outbox row.
import { type AuditRowSql, auditFieldsSql, insertAuditRowsSql, systemActorSql } from '../audit/audit-rows.js';
import type { Db } from '../db/database.js';
import { sqlText } from '../db/sql-text.js';
import type { Logger } from '../log/logger.js';
import { invitationOutcomePayload } from '../notifications/notification.js';
import { nextAttemptAt } from './backoff.js';
import type { ClaimedMessage } from './claim-outbox.js';
import { outboxKinds } from './enqueue.js';
import { outboxKeySql, outboxKeys } from './outbox-keys.js';
import { insertOutboxRowsSql, payloadSql } from './outbox-rows.js';
import type { Verdict } from './verdict.js';

export interface Settled {
  sent: number;
  skipped: number;
  retried: number;
  failed: number;
}

export async function settle(
  db: Db,
  results: readonly { message: ClaimedMessage; verdict: Verdict }[],
  options: { now: Date; maxAttempts: number; log: Logger },
): Promise<Settled> {
  const sent: ClaimedMessage[] = [];
  const skipped: { message: ClaimedMessage; note: string }[] = [];
  const retried: { message: ClaimedMessage; error: string; at: Date; unknown: boolean }[] = [];
  const failed: { message: ClaimedMessage; error: string }[] = [];
  for (const { message, verdict } of results) {
    if (verdict.type === 'sent') sent.push(message);
    else if (verdict.type === 'skipped') skipped.push({ message, note: verdict.note });
    else if (verdict.retryable && message.attempts < options.maxAttempts) {
      retried.push({
        message,
        error: verdict.error,
        at: nextAttemptAt(options.now, message.attempts, verdict.retryAt),
        unknown: verdict.outcomeUnknown === true,
      });
    } else {
      const why = verdict.retryable ? `gave up after ${message.attempts} attempts: ` : '';
      failed.push({ message, error: `${why}${verdict.error}` });
    }
  }
  const done: Settled = {
    sent: await markSent(db, sent, options.now),
    skipped: await markSkipped(db, skipped),
    retried: await markRetry(db, retried),
    failed: await markFailed(db, failed, options.now),
  };
  const lost = results.length - done.sent - done.skipped - done.retried - done.failed;
  // Only when a worker stalled past its lease and another one took its rows over.
  if (lost > 0) options.log.warn('Outbox verdicts not recorded: the lease had passed to another worker', { lost });
  for (const f of failed) {
    options.log.warn('Outbox message given up', { id: f.message.id, kind: f.message.kind, error: f.error });
  }
  return done;
}

const ids = (messages: readonly ClaimedMessage[]) => messages.map((m) => m.id);
const tokens = (messages: readonly ClaimedMessage[]) => messages.map((m) => m.attempts);

async function markSent(db: Db, messages: ClaimedMessage[], now: Date): Promise<number> {
  if (messages.length === 0) return 0;
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `WITH input AS (SELECT * FROM unnest($1::bigint[], $2::int[]) AS t(id, attempts)),
     marked AS (
       UPDATE outbox_message o SET status = 'SENT', sent_at = $3::timestamptz, last_error = NULL, handed_at = NULL
         FROM input WHERE o.id = input.id AND o.attempts = input.attempts AND o.status = 'PENDING'
       RETURNING o.id, o.kind, o.payload
     ),
     delivery AS (
       UPDATE invitation i SET delivery_status = 'SENT', delivery_detail = NULL
         FROM marked
        WHERE marked.kind = 'invitation.email' AND i.id = (marked.payload->>'invitationId')::uuid
     )
     SELECT id::text FROM marked`,
    ids(messages),
    tokens(messages),
    now.toISOString(),
  );
  return rows.length;
}

/** Skipped rows are closed as SENT (nothing left to do) with the reason in last_error, sent_at empty. */
async function markSkipped(db: Db, items: { message: ClaimedMessage; note: string }[]): Promise<number> {
  if (items.length === 0) return 0;
  const messages = items.map((i) => i.message);
  return db.$executeRawUnsafe(
    `UPDATE outbox_message o SET status = 'SENT', last_error = input.note, handed_at = NULL
       FROM unnest($1::bigint[], $2::int[], $3::text[]) AS input(id, attempts, note)
      WHERE o.id = input.id AND o.attempts = input.attempts AND o.status = 'PENDING'`,
    ids(messages),
    tokens(messages),
    items.map((i) => i.note),
  );
}

/** A known refusal clears handed_at (it did not leave); an unknown outcome keeps it. */
async function markRetry(
  db: Db,
  items: { message: ClaimedMessage; error: string; at: Date; unknown: boolean }[],
): Promise<number> {
  if (items.length === 0) return 0;
  const messages = items.map((i) => i.message);
  return db.$executeRawUnsafe(
    `UPDATE outbox_message o SET next_attempt_at = input.at, last_error = input.error,
            handed_at = CASE WHEN input.unknown THEN o.handed_at END
       FROM unnest($1::bigint[], $2::int[], $3::text[], $4::timestamptz[], $5::boolean[])
            AS input(id, attempts, error, at, unknown)
      WHERE o.id = input.id AND o.attempts = input.attempts AND o.status = 'PENDING'`,
    ids(messages),
    tokens(messages),
    items.map((i) => i.error),
    items.map((i) => i.at.toISOString()),
    items.map((i) => i.unknown),
  );
}

// Over the `invitations` and `members` whose e-mail was given up: the inviter's notification, and
// an audit event each.
const NOTIFY_UNDELIVERABLE_SQL = insertOutboxRowsSql(
  outboxKinds.notification,
  {
    organizationId: 'organization_id',
    key: outboxKeySql(outboxKeys.invitationUndeliverable, { invitationId: 'id', outboxId: 'outbox_id' }),
    payload: payloadSql(invitationOutcomePayload, {
      type: sqlText('invitation.undeliverable'),
      invitationId: 'id',
      recipientId: 'inviter_id',
    }),
  },
  'FROM invitations',
);
const undeliverable = (action: string, subjectType: string): AuditRowSql => ({
  organizationId: 'organization_id',
  ...systemActorSql,
  action: sqlText(action),
  subjectType: sqlText(subjectType),
  subjectId: 'id::text',
  data: `jsonb_build_object('email', email, 'reason', left(error, 500))`,
});
const AUDIT_UNDELIVERABLE_SQL = insertAuditRowsSql(
  undeliverable('invitation.undeliverable', 'invitation'),
  'FROM invitations',
);
// The second branch of the same INSERT: its fields in the column order of the first.
const MEMBER_UNDELIVERABLE_FIELDS = auditFieldsSql(undeliverable('member.added_email_undeliverable', 'member'));

/**
 * Gives up visibly: the row FAILED with its last error; for an invitation, its delivery status
 * FAILED, an audit event and a chat notification to the inviter; for a direct add, an audit event.
 * The audit events name the address and the reason (the trail is read by people, not by the outbox).
 */
async function markFailed(db: Db, items: { message: ClaimedMessage; error: string }[], now: Date): Promise<number> {
  if (items.length === 0) return 0;
  const messages = items.map((i) => i.message);
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `WITH input AS (SELECT * FROM unnest($1::bigint[], $2::int[], $3::text[]) AS t(id, attempts, error)),
     failed AS (
       UPDATE outbox_message o SET status = 'FAILED', last_error = input.error, next_attempt_at = $4::timestamptz,
              handed_at = NULL
         FROM input WHERE o.id = input.id AND o.attempts = input.attempts AND o.status = 'PENDING'
       RETURNING o.id, o.kind, o.payload, input.error
     ),
     invitations AS (
       UPDATE invitation i SET delivery_status = 'FAILED', delivery_detail = left(failed.error, 500)
         FROM failed
        WHERE failed.kind = 'invitation.email' AND i.id = (failed.payload->>'invitationId')::uuid
       RETURNING i.id, i.organization_id, i.inviter_id, i.email, failed.id AS outbox_id, failed.error
     ),
     members AS (
       SELECT m.id, m.organization_id, m.email, failed.error
         FROM failed JOIN member m ON m.id = (failed.payload->>'memberId')::uuid
        WHERE failed.kind = 'member.added_email'
     ),
     notify AS (
       ${NOTIFY_UNDELIVERABLE_SQL}
     ),
     audit AS (
       ${AUDIT_UNDELIVERABLE_SQL}
       UNION ALL
       SELECT ${MEMBER_UNDELIVERABLE_FIELDS} FROM members
     )
     SELECT id::text FROM failed`,
    ids(messages),
    tokens(messages),
    items.map((i) => i.error),
    now.toISOString(),
  );
  return rows.length;
}
