import type { Db } from '../db/database.js';
import type { SeatRequest } from '../generated/prisma/client.js';
import type { Actor } from '../permissions/actor.js';
import { assertCanListSeatRequests } from '../permissions/policy.js';

export type SeatRequestView = SeatRequest & {
  requestedByEmail: string;
  decidedByEmail: string | null;
  limitAfter: number;
};

export async function listSeatRequests(
  db: Db,
  actor: Actor,
  filter: { status?: SeatRequest['status'] } = {},
): Promise<SeatRequestView[]> {
  assertCanListSeatRequests(actor);
  const rows = await db.seatRequest.findMany({
    where: { organizationId: actor.organization.id, ...(filter.status ? { status: filter.status } : {}) },
    include: { requestedBy: { select: { email: true } }, decidedBy: { select: { email: true } } },
    orderBy: { createdAt: 'desc' },
    take: 200,
  });
  return rows.map(({ requestedBy, decidedBy, ...row }) => ({
    ...row,
    requestedByEmail: requestedBy.email,
    decidedByEmail: decidedBy?.email ?? null,
    limitAfter: row.limitAfter ?? row.limitBefore + row.seatsRequested,
  }));
}
