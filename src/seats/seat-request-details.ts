// What a manager needs in front of them to decide a seat request: who asked, for whom, the seats
// before and after. Read by the chat cards (posted by the notification job, redrawn once decided).
import type { Db } from '../db/database.js';
import type { SeatRequest } from '../generated/prisma/client.js';

export interface SeatRequestDetails {
  request: SeatRequest;
  organizationName: string;
  requestedByEmail: string;
  decidedByEmail: string | null;
  /** The first held addresses (a card shows a few); `inviteeCount` counts them all. */
  invitees: string[];
  inviteeCount: number;
  limitAfter: number;
}

export async function seatRequestDetails(
  db: Db,
  organizationId: string,
  requestId: string,
  shown = 10,
): Promise<SeatRequestDetails | null> {
  const request = await db.seatRequest.findFirst({
    where: { id: requestId, organizationId },
    include: {
      requestedBy: { select: { email: true } },
      decidedBy: { select: { email: true } },
      organization: { select: { name: true } },
    },
  });
  if (!request) return null;
  const [invitees, inviteeCount] = await Promise.all([
    db.invitation.findMany({
      where: { seatRequestId: requestId },
      select: { email: true },
      orderBy: { createdAt: 'asc' },
      take: shown,
    }),
    db.invitation.count({ where: { seatRequestId: requestId } }),
  ]);
  const { requestedBy, decidedBy, organization, ...plain } = request;
  return {
    request: plain,
    organizationName: organization.name,
    requestedByEmail: requestedBy.email,
    decidedByEmail: decidedBy?.email ?? null,
    invitees: invitees.map((i) => i.email),
    inviteeCount,
    limitAfter: plain.limitBefore + plain.seatsRequested,
  };
}
