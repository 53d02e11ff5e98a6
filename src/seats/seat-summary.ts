// The seats of an organization as the channels show them (ArcGIS counts pending members too).
// Counted by seat-usage.ts, like every writer counts them.
import type { Db } from '../db/database.js';
import type { Actor } from '../permissions/actor.js';
import { seatCounts, seatCountsByUserType, seatsUsed } from './seat-usage.js';

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
  /** External members and invitations (people of partner companies), against their own limit. */
  external: { limit: number; used: number; members: number; pending: number; awaitingApproval: number };
}

export async function seatSummary(db: Db, actor: Actor): Promise<SeatSummary> {
  const orgId = actor.organization.id;
  const [org, countsByUserType, openSeatRequests, external] = await Promise.all([
    db.organization.findUniqueOrThrow({
      where: { id: orgId },
      select: { seatLimit: true, externalSeatLimit: true },
    }),
    seatCountsByUserType(db, orgId),
    db.seatRequest.count({ where: { organizationId: orgId, status: 'PENDING' } }),
    seatCounts(db, orgId, 'external'),
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
    external: {
      limit: org.externalSeatLimit,
      used: seatsUsed(external),
      members: external.members,
      pending: external.pending,
      awaitingApproval: external.held,
    },
  };
}
