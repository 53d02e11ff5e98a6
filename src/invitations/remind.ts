// Reminders: on each organization's schedule (default day 3 and day 10 after the invitation was
// sent), never after expiry, never twice for the same step; and on demand from an admin.
import { insertAuditRowsSql, systemActorSql } from '../audit/audit-rows.js';
import type { Db } from '../db/database.js';
import { sqlText } from '../db/sql-text.js';
import type { Invitation } from '../generated/prisma/client.js';
import { insertInvitationEmailRowsSql } from '../outbox/outbox-rows.js';
import type { Actor } from '../permissions/actor.js';
import { sendAgain } from './resend.js';

// Over the invitations `bumped` by the schedule: their e-mail and their audit event.
const QUEUE_REMINDERS_SQL = insertInvitationEmailRowsSql({
  organizationId: 'organization_id',
  sendNumber: 'send_count',
  reason: 'reminder',
  source: 'FROM bumped',
});
const AUDIT_REMINDERS_SQL = insertAuditRowsSql(
  {
    organizationId: 'organization_id',
    ...systemActorSql,
    action: sqlText('invitation.reminded'),
    subjectType: sqlText('invitation'),
    subjectId: 'id::text',
    data: `'{}'::jsonb`,
  },
  'FROM bumped',
);

/**
 * Queues the reminders that are due (read through the index on next_reminder_at, so the cost
 * follows the due rows). A step is claimed by moving `reminders_sent` and `next_reminder_at` in
 * the statement that selects it (SKIP LOCKED), so two replicas never send the same step. If an
 * invitation is late by several steps (the service was down), only the latest is sent.
 */
export async function sendDueReminders(db: Db, options: { now?: Date; limit?: number } = {}): Promise<number> {
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const reminded = await tx.$queryRawUnsafe<{ id: string }[]>(
      `WITH due AS (
         -- The schedule's origin is recovered from the step that is due, so that a late run
         -- (the service was down) sends only the latest step that is due.
         SELECT i.id, o.reminder_days AS days,
                i.next_reminder_at - make_interval(days => o.reminder_days[i.reminders_sent + 1]) AS origin
           FROM invitation i JOIN organization o ON o.id = i.organization_id
          WHERE i.status = 'PENDING' AND i.next_reminder_at <= $1::timestamptz AND i.expires_at > $1::timestamptz
            AND NOT i.suspended
          ORDER BY i.next_reminder_at
          LIMIT $2
          FOR UPDATE OF i SKIP LOCKED
       ), stepped AS (
         SELECT id, days, origin,
                (SELECT count(*) FROM unnest(days) d WHERE origin + make_interval(days => d) <= $1::timestamptz)::int AS steps
           FROM due
       ), bumped AS (
         UPDATE invitation i
            SET reminders_sent = s.steps, send_count = i.send_count + 1, last_sent_at = $1::timestamptz,
                next_reminder_at = CASE WHEN s.steps < cardinality(s.days)
                                        THEN s.origin + make_interval(days => s.days[s.steps + 1]) END
           FROM stepped s WHERE i.id = s.id
         RETURNING i.id, i.organization_id, i.send_count
       ), queued AS (
         ${QUEUE_REMINDERS_SQL}
       ), audit AS (
         ${AUDIT_REMINDERS_SQL}
       )
       SELECT id::text FROM bumped`,
      now.toISOString(),
      options.limit ?? 500,
    );
    return reminded.length;
  });
}

/** An admin's "remind now": like a resend (same cooldown), sent as a reminder, without renewal. */
export function remindNow(db: Db, actor: Actor, ref: string, now = new Date()): Promise<Invitation> {
  return sendAgain(db, actor, ref, { reason: 'reminder', now });
}
