// What a change of coverage does to the people of the companies it touched: the open external
// invitations of companies no longer covered are suspended (their links cannot be used, they take
// no seat), those of companies covered again resume within the external seats; external members
// are never removed, only counted, so that the administrator who made the change is told and
// decides.
import { insertAuditRowsSql } from '../audit/audit-rows.js';
import { sqlText } from '../db/sql-text.js';
import type { Prisma } from '../generated/prisma/client.js';
import { invitationKindSql } from '../invitations/invitation-kind.js';
import type { Actor } from '../permissions/actor.js';
import { followHeldInvitations } from '../seats/follow-held-invitations.js';
import { reserveSeatRequest } from '../seats/reserve-seat-request.js';
import { seatUsage } from '../seats/seat-usage.js';

export interface CoverageEffects {
  suspendedInvitations: number;
  resumedInvitations: number;
  /** Of the resumed pending invitations, those beyond the external seats: held for approval. */
  heldInvitations: number;
  /** External members of the companies that lost their coverage (kept, listed for a decision). */
  uncoveredMembers: number;
}

export const noEffects: CoverageEffects = {
  suspendedInvitations: 0,
  resumedInvitations: 0,
  heldInvitations: 0,
  uncoveredMembers: 0,
};

type Tx = Prisma.TransactionClient;

// The open external invitations of companies $2 in organization $1.
const OPEN_OF_COMPANIES = `organization_id = $1::uuid AND company_id = ANY ($2::uuid[]) AND external
  AND status IN ('PENDING', 'AWAITING_APPROVAL')`;

async function suspend(tx: Tx, organizationId: string, companyIds: string[]): Promise<number> {
  if (companyIds.length === 0) return 0;
  return tx.$executeRawUnsafe(
    `UPDATE invitation SET suspended = true WHERE ${OPEN_OF_COMPANIES} AND NOT suspended`,
    organizationId,
    companyIds,
  );
}

/**
 * Resumes the suspended invitations of companies covered again. While suspended they held no seat,
 * and the external seats may have been taken meanwhile, so resuming takes seats like inviting:
 * - a held invitation (awaiting approval) stays held on its request, which still counts it;
 * - pending ones keep their link (and their expiry) while they fit in the external room, the
 *   oldest first: these people already had an e-mail and may be about to enroll;
 * - those beyond the room are held for approval on the open request for external seats, as an
 *   invitation beyond the limit would be (their link stops working until a manager approves, and
 *   approving sends them a fresh one), rather than pending beyond the limit.
 */
async function resume(
  tx: Tx,
  actor: Actor,
  companyIds: string[],
): Promise<Pick<CoverageEffects, 'resumedInvitations' | 'heldInvitations'>> {
  if (companyIds.length === 0) return { resumedInvitations: 0, heldInvitations: 0 };
  const organizationId = actor.organization.id;
  const [[org], usage, [waiting]] = await Promise.all([
    tx.$queryRawUnsafe<{ limit: number }[]>(
      'SELECT external_seat_limit AS limit FROM organization WHERE id = $1::uuid',
      organizationId,
    ),
    seatUsage(tx, organizationId, 'external'),
    tx.$queryRawUnsafe<{ pending: number }[]>(
      `SELECT count(*)::int AS pending FROM invitation
        WHERE ${OPEN_OF_COMPANIES} AND suspended AND status = 'PENDING'`,
      organizationId,
      companyIds,
    ),
  ]);
  const limit = org?.limit ?? 0;
  const room = Math.max(0, limit - usage.used);
  const held = Math.max(0, (waiting?.pending ?? 0) - room);
  const reserved = held > 0 ? await reserveSeatRequest(tx, actor, { kind: 'external', limit, held }) : null;
  const [counts] = await tx.$queryRawUnsafe<{ resumed: number; held: number }[]>(
    RESUME_SQL,
    organizationId,
    companyIds,
    room,
    reserved?.id ?? null,
    actor.member.id,
    actor.member.email,
    actor.channel,
  );
  // Joined a request already open: its figures and cards now count these invitations too.
  if (reserved?.merged) await followHeldInvitations(tx, organizationId, reserved.id);
  return { resumedInvitations: counts?.resumed ?? 0, heldInvitations: counts?.held ?? 0 };
}

const RESUME_SQL = `
WITH resuming AS (
  SELECT id, status = 'PENDING' AND row_number() OVER (PARTITION BY status ORDER BY created_at, id) > $3::int AS hold
    FROM invitation
   WHERE ${OPEN_OF_COMPANIES} AND suspended
),
resumed AS (
  UPDATE invitation i
     SET suspended = false,
         status = CASE WHEN r.hold THEN 'AWAITING_APPROVAL'::"InvitationStatus" ELSE i.status END,
         seat_request_id = CASE WHEN r.hold THEN $4::uuid ELSE i.seat_request_id END,
         next_reminder_at = CASE WHEN r.hold THEN NULL ELSE i.next_reminder_at END
    FROM resuming r
   WHERE i.id = r.id
  RETURNING i.id, i.email, i.external, i.company_name, i.seat_request_id, r.hold
),
audit AS (
  ${insertAuditRowsSql(
    {
      organizationId: '$1::uuid',
      actorId: '$5::uuid',
      actorEmail: '$6',
      channel: '$7',
      action: sqlText('invitation.held'),
      subjectType: sqlText('invitation'),
      subjectId: 'h.id::text',
      data: `jsonb_build_object('email', h.email, 'seatRequestId', h.seat_request_id, 'resumed', true,
                                ${invitationKindSql('h')})`,
    },
    'FROM resumed h WHERE h.hold',
  )}
)
SELECT count(*)::int AS resumed, count(*) FILTER (WHERE hold)::int AS held FROM resumed`;

export async function followCoverage(
  tx: Tx,
  actor: Actor,
  change: { lostCoverage: { id: string }[]; gainedCoverage: { id: string }[] },
): Promise<CoverageEffects> {
  const organizationId = actor.organization.id;
  const lost = change.lostCoverage.map((company) => company.id);
  const suspendedInvitations = await suspend(tx, organizationId, lost);
  const resumed = await resume(
    tx,
    actor,
    change.gainedCoverage.map((company) => company.id),
  );
  const uncoveredMembers =
    lost.length === 0
      ? 0
      : await tx.member.count({ where: { organizationId, external: true, companyId: { in: lost } } });
  return { suspendedInvitations, ...resumed, uncoveredMembers };
}
