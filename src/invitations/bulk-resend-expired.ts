// "Resend all expired in the last N days", from the pending list: the invitations that expired
// within N days are opened again in one statement, as if just sent: a new lifetime (the
// organization's), their e-mail queued with a new link (minted when it leaves), the reminder
// schedule started over. One audit row holds the count and the ids.
//
// What is not brought back, counted apart by reason:
// - an address that is a member now, or has another open invitation (or a newer expired one);
// - a username taken meanwhile by a member or an open invitation;
// - an external invitation whose company is not covered now (it stays expired: its link could not
//   be used anyway);
// - one e-mailed within the resend cooldown, as for a single resend (resend.ts): the cooldown is
//   waived after a failed delivery there too.
// An expired invitation holds no seat: bringing it back takes one, of its kind (internal or
// external, seat-usage.ts). Those beyond the room are held for a manager's approval on the open
// seat request of their kind, as every other path does (reserve-seat-request.ts), never sent
// beyond the limit.
import { COMPANY_TREE_SQL } from '../companies/company-tree.js';
import type { Db } from '../db/database.js';
import type { Prisma } from '../generated/prisma/client.js';
import { insertInvitationEmailRowsSql } from '../outbox/outbox-rows.js';
import type { Actor } from '../permissions/actor.js';
import { assertCanManageInvitations } from '../permissions/policy.js';
import { followHeldInvitations } from '../seats/follow-held-invitations.js';
import { reserveSeatRequest } from '../seats/reserve-seat-request.js';
import { type SeatKind, seatKinds, seatUsage } from '../seats/seat-usage.js';
import { changedSince, daysBefore, insertBulkAuditRowSql, parseBulkDays, sampleOf } from './bulk-window.js';
import { resendAllowedSql } from './resend-cooldown.js';

type Reader = Prisma.TransactionClient | Db;

/** Why an expired invitation of the window is not brought back. */
export type ResendSkip = 'member' | 'reinvited' | 'usernameTaken' | 'uncovered' | 'cooldown';
export const resendSkips: readonly ResendSkip[] = ['member', 'reinvited', 'usernameTaken', 'uncovered', 'cooldown'];

export interface BulkResendPreview {
  days: number;
  /** Expired within `days` and brought back: e-mailed, or held for approval. */
  count: number;
  /** Of those, beyond the seats of their kind: held for a manager's approval, not e-mailed yet. */
  held: number;
  /** A few of their addresses, the oldest invitation first. */
  sample: string[];
  /** Expired within `days` but left expired, by reason. */
  skipped: Record<ResendSkip, number>;
}

export interface BulkResendResult extends BulkResendPreview {
  ids: string[];
  /** The count the confirmation showed, when given. */
  expected: number | null;
  /** The count brought back differs from the one confirmed (someone acted in between). */
  changed: boolean;
}

/** What "resend expired in the last N days" would do now: counts and a few addresses, nothing changed. */
export async function previewBulkResend(
  db: Db,
  actor: Actor,
  input: { days: unknown; now?: Date },
): Promise<BulkResendPreview> {
  assertCanManageInvitations(actor);
  const days = parseBulkDays(input.days);
  const chosen = await plan(db, actor.organization.id, days, input.now ?? new Date(), false);
  return chosen.preview;
}

/**
 * Brings them back, under the organization's lock (they take seats). `expected`: the count the
 * person confirmed; the result says if it changed since.
 */
export async function bulkResendExpired(
  db: Db,
  actor: Actor,
  input: { days: unknown; expected?: number; now?: Date },
): Promise<BulkResendResult> {
  assertCanManageInvitations(actor);
  const days = parseBulkDays(input.days);
  const now = input.now ?? new Date();
  const orgId = actor.organization.id;
  return db.$transaction(
    async (tx) => {
      const chosen = await plan(tx, orgId, days, now, true);
      const { org, held } = chosen;
      const requests: Partial<Record<SeatKind, { id: string; merged: boolean }>> = {};
      for (const kind of seatKinds) {
        const count = held.filter((c) => c.kind === kind).length;
        if (count === 0) continue;
        const limit = kind === 'external' ? org.external_seat_limit : org.seat_limit;
        requests[kind] = await reserveSeatRequest(tx, actor, { kind, limit, held: count });
      }
      const rows = [...chosen.sent.map((c) => [c.id, 'PENDING']), ...held.map((c) => [c.id, 'AWAITING_APPROVAL'])];
      const acted = await tx.$queryRawUnsafe<{ id: string; email: string; held: boolean }[]>(
        RESEND_SQL,
        orgId,
        actor.member.id,
        actor.member.email,
        actor.channel,
        rows.map(([id]) => id),
        rows.map(([, status]) => status),
        now.toISOString(),
        org.lifetime,
        requests.internal?.id ?? null,
        requests.external?.id ?? null,
        org.first_reminder,
        days,
        JSON.stringify(chosen.preview.skipped),
      );
      // Joined a request already open: its figures and cards now count these invitations too.
      for (const request of Object.values(requests))
        if (request.merged) await followHeldInvitations(tx, orgId, request.id);
      return {
        days,
        count: acted.length,
        held: acted.filter((a) => a.held).length,
        sample: sampleOf(acted.map((a) => a.email)),
        skipped: chosen.preview.skipped,
        ids: acted.map((a) => a.id),
        expected: input.expected ?? null,
        changed: changedSince(input.expected, acted.length),
      };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

interface Candidate {
  id: string;
  email: string;
  kind: SeatKind;
  reason: ResendSkip | 'ready';
}

interface OrgSeats {
  seat_limit: number;
  external_seat_limit: number;
  lifetime: number;
  first_reminder: number | null;
}

/**
 * The preview and the run decide alike: each expired invitation of the window is classified in
 * one query, then those ready take the room left in their kind's seats, the oldest first, and
 * the rest are held. `lock`: the run's transaction locks the organization row first.
 */
async function plan(tx: Reader, orgId: string, days: number, now: Date, lock: boolean) {
  const [org] = await tx.$queryRawUnsafe<OrgSeats[]>(
    `SELECT seat_limit, external_seat_limit, invitation_lifetime_days AS lifetime, reminder_days[1] AS first_reminder
       FROM organization WHERE id = $1::uuid ${lock ? 'FOR UPDATE' : ''}`,
    orgId,
  );
  if (!org) throw new Error(`organization ${orgId} vanished`);
  const [candidates, internal, external] = await Promise.all([
    tx.$queryRawUnsafe<Candidate[]>(CANDIDATES_SQL, orgId, daysBefore(now, days).toISOString(), now.toISOString()),
    seatUsage(tx, orgId, 'internal'),
    seatUsage(tx, orgId, 'external'),
  ]);
  const room: Record<SeatKind, number> = {
    internal: Math.max(0, org.seat_limit - internal.used),
    external: Math.max(0, org.external_seat_limit - external.used),
  };
  const sent: Candidate[] = [];
  const held: Candidate[] = [];
  const skipped = Object.fromEntries(resendSkips.map((skip) => [skip, 0])) as Record<ResendSkip, number>;
  for (const candidate of candidates) {
    if (candidate.reason !== 'ready') skipped[candidate.reason]++;
    else if (room[candidate.kind] > 0) {
      room[candidate.kind]--;
      sent.push(candidate);
    } else held.push(candidate);
  }
  const brought = candidates.filter((c) => c.reason === 'ready');
  const preview: BulkResendPreview = {
    days,
    count: brought.length,
    held: held.length,
    sample: sampleOf(brought.map((c) => c.email)),
    skipped,
  };
  return { org, sent, held, preview };
}

// $1 organization, $2 the window's start, $3 now. The expired invitations of the window, the
// oldest first, each with why it stays expired ('ready' when it does not). A newer expired
// invitation of the same address (or username) is the one brought back. Coverage is the company
// tree's one definition (company-tree.ts).
const CANDIDATES_SQL = `
SELECT i.id::text, i.email, CASE WHEN i.external THEN 'external' ELSE 'internal' END AS kind,
  CASE
    WHEN EXISTS (SELECT 1 FROM member m WHERE m.organization_id = $1::uuid AND m.email = i.email) THEN 'member'
    WHEN EXISTS (SELECT 1 FROM invitation o WHERE o.organization_id = $1::uuid AND o.open_email = i.email)
      OR row_number() OVER (PARTITION BY i.email ORDER BY i.created_at DESC, i.id DESC) > 1 THEN 'reinvited'
    WHEN i.username IS NOT NULL AND (
         EXISTS (SELECT 1 FROM member m WHERE m.organization_id = $1::uuid AND m.username = i.username)
      OR EXISTS (SELECT 1 FROM invitation o WHERE o.organization_id = $1::uuid AND o.open_username = i.username)
      OR row_number() OVER (PARTITION BY i.username ORDER BY i.created_at DESC, i.id DESC) > 1) THEN 'usernameTaken'
    WHEN i.external AND NOT coalesce(i.company_id::text IN (SELECT id FROM (${COMPANY_TREE_SQL}) tree WHERE covered), false)
      THEN 'uncovered'
    -- The resend cooldown, as resend.ts applies it: waived once the last e-mail failed for good.
    WHEN NOT ${resendAllowedSql('i', '$3::timestamptz', 'o.resend_cooldown_hours * 3600.0')} THEN 'cooldown'
    ELSE 'ready'
  END AS reason
  FROM invitation i JOIN organization o ON o.id = i.organization_id
 WHERE i.organization_id = $1::uuid AND i.status = 'EXPIRED' AND i.expires_at >= $2::timestamptz
 ORDER BY i.created_at, i.email, i.id`;

// $1 organization, $2-$4 the actor, $5/$6 the invitations and their new status, $7 now,
// $8 the lifetime in days, $9/$10 the internal/external seat request of the held ones, $11 the
// first reminder's day, $12 the days looked back, $13 the skipped counts. The status condition
// makes a second run bring nothing back twice.
const RESEND_SQL = `
WITH chosen AS (
  SELECT * FROM unnest($5::uuid[], $6::text[]) AS t(id, status)
), acted AS (
  UPDATE invitation i
     SET status = c.status::"InvitationStatus", open_email = i.email, open_username = i.username,
         closed_at = NULL, closed_reason = NULL, suspended = false,
         expires_at = $7::timestamptz + make_interval(days => $8::int),
         seat_request_id = CASE WHEN c.status = 'AWAITING_APPROVAL'
                                THEN CASE WHEN i.external THEN $10::uuid ELSE $9::uuid END
                                ELSE i.seat_request_id END,
         send_count = i.send_count + CASE WHEN c.status = 'PENDING' THEN 1 ELSE 0 END,
         last_sent_at = CASE WHEN c.status = 'PENDING' THEN $7::timestamptz ELSE i.last_sent_at END,
         delivery_status = CASE WHEN c.status = 'PENDING' THEN 'QUEUED'::"DeliveryStatus" END,
         delivery_detail = NULL, reminders_sent = 0,
         next_reminder_at = CASE WHEN c.status = 'PENDING'
                                 THEN $7::timestamptz + make_interval(days => $11::int) END
    FROM chosen c
   WHERE i.id = c.id AND i.organization_id = $1::uuid AND i.status = 'EXPIRED'
  RETURNING i.id, i.email, i.send_count, i.created_at, c.status = 'AWAITING_APPROVAL' AS held
), queued AS (
  ${insertInvitationEmailRowsSql({
    organizationId: '$1::uuid',
    sendNumber: 'send_count',
    reason: 'resend',
    source: 'FROM acted WHERE NOT held',
  })}
), audit AS (
  ${insertBulkAuditRowSql('invitation.bulk_resent', `'held', s.held, 'days', $12::int, 'skipped', $13::jsonb`)}
)
SELECT id::text, email, held FROM acted ORDER BY created_at, email, id`;
