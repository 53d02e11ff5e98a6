// "Revoke all pending older than N days", from the pending list: every open invitation (pending,
// and held for approval: both are in the list, both keep a seat or a request waiting) created more
// than N days ago is revoked in one statement, with the effects of a single revoke (revoke.ts):
// links dead at once, seat and username freed, the invitation.revoked webhook; the seat requests
// of the held ones follow (they shrink, or are withdrawn). One audit row holds the count and ids.
import type { Db } from '../db/database.js';
import { sqlText } from '../db/sql-text.js';
import type { Actor } from '../permissions/actor.js';
import { assertCanManageInvitations } from '../permissions/policy.js';
import { followHeldInvitations } from '../seats/follow-held-invitations.js';
import { insertWebhookRowsSql } from '../webhooks/webhook-rows.js';
import { changedSince, daysBefore, insertBulkAuditRowSql, parseBulkDays, sampleOf } from './bulk-window.js';
import { invitationKindSql } from './invitation-kind.js';

export interface BulkRevokePreview {
  days: number;
  /** Open invitations created more than `days` ago. */
  count: number;
  /** Of those, held for a manager's approval (their seat request follows). */
  held: number;
  /** A few of their addresses, the oldest first. */
  sample: string[];
}

export interface BulkRevokeResult extends BulkRevokePreview {
  ids: string[];
  /** The count the confirmation showed, when given. */
  expected: number | null;
  /** The count revoked differs from the one confirmed (someone acted in between). */
  changed: boolean;
}

/** What both the preview and the run select: open invitations of organization $1 created before `cutoff`. */
const staleWhere = (cutoff: string) => `organization_id = $1::uuid AND status IN ('PENDING', 'AWAITING_APPROVAL')
  AND created_at < ${cutoff}::timestamptz`;

/** What "revoke older than N days" would do now: the count and a few addresses, nothing changed. */
export async function previewBulkRevoke(
  db: Db,
  actor: Actor,
  input: { days: unknown; now?: Date },
): Promise<BulkRevokePreview> {
  assertCanManageInvitations(actor);
  const days = parseBulkDays(input.days);
  const rows = await db.$queryRawUnsafe<{ email: string; held: boolean }[]>(
    `SELECT email, status = 'AWAITING_APPROVAL' AS held FROM invitation
      WHERE ${staleWhere('$2')} ORDER BY created_at, email, id`,
    actor.organization.id,
    daysBefore(input.now ?? new Date(), days).toISOString(),
  );
  return summary(days, rows);
}

/**
 * Revokes them, under the organization's lock (seats are freed: serialized with the writers that
 * take them). `expected`: the count the person confirmed; the result says if it changed since.
 */
export async function bulkRevokeStale(
  db: Db,
  actor: Actor,
  input: { days: unknown; expected?: number; now?: Date },
): Promise<BulkRevokeResult> {
  assertCanManageInvitations(actor);
  const days = parseBulkDays(input.days);
  const now = input.now ?? new Date();
  const orgId = actor.organization.id;
  return db.$transaction(
    async (tx) => {
      await tx.$queryRawUnsafe('SELECT 1 FROM organization WHERE id = $1::uuid FOR UPDATE', orgId);
      const revoked = await tx.$queryRawUnsafe<
        { id: string; email: string; held: boolean; seat_request_id: string | null }[]
      >(
        REVOKE_SQL,
        orgId,
        actor.member.id,
        actor.member.email,
        actor.channel,
        daysBefore(now, days).toISOString(),
        now.toISOString(),
        days,
      );
      // A held invitation no longer needs its seat: each request it was on shrinks, or is withdrawn.
      const requests = new Set(revoked.flatMap((r) => (r.held && r.seat_request_id ? [r.seat_request_id] : [])));
      for (const requestId of requests) await followHeldInvitations(tx, orgId, requestId);
      return {
        ...summary(days, revoked),
        ids: revoked.map((r) => r.id),
        expected: input.expected ?? null,
        changed: changedSince(input.expected, revoked.length),
      };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

function summary(days: number, rows: { email: string; held: boolean }[]): BulkRevokePreview {
  return {
    days,
    count: rows.length,
    held: rows.filter((r) => r.held).length,
    sample: sampleOf(rows.map((r) => r.email)),
  };
}

// $1 organization, $2-$4 the actor (id, e-mail, channel), $5 the cutoff, $6 now, $7 the days.
// The status condition makes a second run (or a single revoke in between) revoke nothing twice.
const REVOKE_SQL = `
WITH stale AS (
  SELECT id, status = 'AWAITING_APPROVAL' AS held FROM invitation WHERE ${staleWhere('$5')} FOR UPDATE
), acted AS (
  UPDATE invitation i
     SET status = 'REVOKED', open_email = NULL, open_username = NULL, closed_at = $6::timestamptz,
         closed_reason = 'revoked'
    FROM stale s
   WHERE i.id = s.id
  RETURNING i.id, i.email, i.external, i.company_name, i.seat_request_id, i.created_at, s.held
), hooks AS (
  ${insertWebhookRowsSql({
    subjects: 'acted r',
    organizationId: '$1::uuid',
    event: sqlText('invitation.revoked'),
    subjectId: 'r.id',
    data: `jsonb_build_object('invitationId', r.id, 'email', r.email, ${invitationKindSql('r')}, 'occurredAt', $6::timestamptz)`,
  })}
), audit AS (
  ${insertBulkAuditRowSql('invitation.bulk_revoked', `'held', s.held, 'days', $7::int`)}
)
SELECT id::text, email, held, seat_request_id::text FROM acted ORDER BY created_at, email, id`;
