// Seats used = members + pending invitations (ArcGIS counts pending members too).
import type { Db } from '../db/database.js';
import type { Actor } from '../permissions/actor.js';

export interface SeatSummary {
  limit: number;
  used: number;
  remaining: number;
  members: number;
  pending: number;
  awaitingApproval: number;
  /** Seats used per user type (members and pending invitations). */
  byUserType: Record<string, number>;
  openSeatRequests: number;
}

export async function seatSummary(db: Db, actor: Actor): Promise<SeatSummary> {
  const orgId = actor.organization.id;
  const [org, members, invitations, openSeatRequests] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { seatLimit: true } }),
    db.member.groupBy({ by: ['userType'], where: { organizationId: orgId }, _count: { _all: true } }),
    db.invitation.groupBy({
      by: ['userType', 'status'],
      where: { organizationId: orgId, status: { in: ['PENDING', 'AWAITING_APPROVAL'] } },
      _count: { _all: true },
    }),
    db.seatRequest.count({ where: { organizationId: orgId, status: 'PENDING' } }),
  ]);
  const byUserType: Record<string, number> = {};
  let memberCount = 0;
  let pending = 0;
  let awaitingApproval = 0;
  for (const row of members) {
    memberCount += row._count._all;
    byUserType[row.userType] = (byUserType[row.userType] ?? 0) + row._count._all;
  }
  for (const row of invitations) {
    if (row.status === 'AWAITING_APPROVAL') {
      awaitingApproval += row._count._all;
      continue;
    }
    pending += row._count._all;
    byUserType[row.userType] = (byUserType[row.userType] ?? 0) + row._count._all;
  }
  const used = memberCount + pending;
  return {
    limit: org.seatLimit,
    used,
    remaining: Math.max(0, org.seatLimit - used),
    members: memberCount,
    pending,
    awaitingApproval,
    byUserType,
    openSeatRequests,
  };
}
