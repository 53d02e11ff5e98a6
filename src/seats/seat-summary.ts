// The seats of an organization as the channels show them (ArcGIS counts pending members too).
// Counted by seat-usage.ts, like every writer counts them.
import type { Db } from '../db/database.js';
import type { Actor } from '../permissions/actor.js';
import { seatCountsByUserType, seatsUsed } from './seat-usage.js';

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
  const [org, countsByUserType, openSeatRequests] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { seatLimit: true } }),
    seatCountsByUserType(db, orgId),
    db.seatRequest.count({ where: { organizationId: orgId, status: 'PENDING' } }),
  ]);
  const byUserType: Record<string, number> = {};
  const total = { members: 0, pending: 0, held: 0 };
  for (const [userType, counts] of countsByUserType) {
    total.members += counts.members;
    total.pending += counts.pending;
    total.held += counts.held;
    const used = seatsUsed(counts);
    if (used > 0) byUserType[userType] = used;
  }
  const used = seatsUsed(total);
  return {
    limit: org.seatLimit,
    used,
    remaining: Math.max(0, org.seatLimit - used),
    members: total.members,
    pending: total.pending,
    awaitingApproval: total.held,
    byUserType,
    openSeatRequests,
  };
}
