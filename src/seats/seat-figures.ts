// What approving a seat request costs, computed from the organization as it is now (never from
// what it was when the request was posted): one seat per invitation it holds, on top of the
// current limit of the request's kind (the plan's, or the external seats'). Predictable for a manager deciding on cost: N invitations, N seats.
import type { Db } from '../db/database.js';
import type { Prisma } from '../generated/prisma/client.js';

export interface SeatFigures {
  /** Invitations the request holds. */
  held: number;
  /** Seats approving adds: one per held invitation. */
  seats: number;
  limitBefore: number;
  limitAfter: number;
}

/** The rule, in one place: the current limit, plus one seat per held invitation. */
export function figuresFor(now: { limit: number; held: number }): SeatFigures {
  return { held: now.held, seats: now.held, limitBefore: now.limit, limitAfter: now.limit + now.held };
}

export async function currentFigures(
  tx: Prisma.TransactionClient | Db,
  organizationId: string,
  requestId: string,
): Promise<SeatFigures> {
  // The limit of the request's kind: the plan's for internal seats, the external one otherwise.
  const [row] = await tx.$queryRawUnsafe<{ limit: number; held: number }[]>(
    `SELECT CASE r.kind WHEN 'external' THEN o.external_seat_limit ELSE o.seat_limit END AS limit,
            (SELECT count(*) FROM invitation
              WHERE seat_request_id = r.id AND status = 'AWAITING_APPROVAL')::int AS held
       FROM seat_request r JOIN organization o ON o.id = r.organization_id
      WHERE r.id = $2::uuid AND r.organization_id = $1::uuid`,
    organizationId,
    requestId,
  );
  return figuresFor({ limit: row?.limit ?? 0, held: row?.held ?? 0 });
}
