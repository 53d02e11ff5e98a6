// What approving a seat request costs, computed from the organization as it is now (never from
// what it was when the request was posted): the held invitations must all fit once released.
import type { Db } from '../db/database.js';
import type { Prisma } from '../generated/prisma/client.js';
import { seatUsage } from './seat-usage.js';

export interface SeatFigures {
  /** Invitations the request holds. */
  held: number;
  /** Seats approving adds (0 when the plan has room for them already). */
  seats: number;
  limitBefore: number;
  limitAfter: number;
}

/** The rule: after approval, seats used (members + pending) plus the released ones fit the limit. */
export function figuresFor(now: { limit: number; used: number; held: number }): SeatFigures {
  const seats = Math.max(0, now.used + now.held - now.limit);
  return { held: now.held, seats, limitBefore: now.limit, limitAfter: now.limit + seats };
}

export async function currentFigures(
  tx: Prisma.TransactionClient | Db,
  organizationId: string,
  requestId: string,
): Promise<SeatFigures> {
  const [usage, [row]] = await Promise.all([
    seatUsage(tx, organizationId),
    tx.$queryRawUnsafe<{ limit: number; held: number }[]>(
      `SELECT (SELECT seat_limit FROM organization WHERE id = $1::uuid) AS limit,
              (SELECT count(*) FROM invitation
                WHERE seat_request_id = $2::uuid AND status = 'AWAITING_APPROVAL')::int AS held`,
      organizationId,
      requestId,
    ),
  ]);
  return figuresFor({ limit: row?.limit ?? 0, used: usage.used, held: row?.held ?? 0 });
}
