// Seats, counted in one place for every writer (invitations, direct adds, imports, the seat
// limit setting) and for the summary the channels show: every member takes a seat, and so does
// every pending invitation. Held invitations (AWAITING_APPROVAL) wait outside the count until a
// manager approves them; they are counted beside it.
import type { Db } from '../db/database.js';
import type { Prisma } from '../generated/prisma/client.js';

type Reader = Prisma.TransactionClient | Db;

export interface SeatCounts {
  members: number;
  pending: number;
  held: number;
}

/** The rule: seats used = members + pending invitations. */
export const seatsUsed = (counts: { members: number; pending: number }): number => counts.members + counts.pending;

/**
 * Internal seats (the plan's) and external seats (people of partner companies, with their own
 * limit) are counted apart, by the same rule.
 */
export type SeatKind = 'internal' | 'external';
export const seatKinds: readonly SeatKind[] = ['internal', 'external'];

// Who holds or waits for a seat of kind $2 (external or not) in organization $1: 'member',
// 'PENDING' or 'AWAITING_APPROVAL'. A suspended invitation (its company no longer covered) holds
// no seat until it resumes.
const SEAT_HOLDERS = `
  SELECT user_type, 'member' AS holder FROM member WHERE organization_id = $1::uuid AND external = $2
  UNION ALL
  SELECT user_type, status::text FROM invitation
   WHERE organization_id = $1::uuid AND status IN ('PENDING', 'AWAITING_APPROVAL') AND external = $2
     AND NOT suspended`;
const COUNTS = `count(*) FILTER (WHERE holder = 'member')::int AS members,
       count(*) FILTER (WHERE holder = 'PENDING')::int AS pending,
       count(*) FILTER (WHERE holder = 'AWAITING_APPROVAL')::int AS held`;

/** Members, pending and held invitations of one kind of seat. */
export async function seatCounts(tx: Reader, orgId: string, kind: SeatKind): Promise<SeatCounts> {
  const [row] = await tx.$queryRawUnsafe<SeatCounts[]>(
    `SELECT ${COUNTS} FROM (${SEAT_HOLDERS}) AS holders`,
    orgId,
    kind === 'external',
  );
  return { members: row?.members ?? 0, pending: row?.pending ?? 0, held: row?.held ?? 0 };
}

/** The seats used now (writers call it under the organization's lock). */
export async function seatUsage(
  tx: Reader,
  orgId: string,
  kind: SeatKind = 'internal',
): Promise<{ used: number; members: number; pending: number }> {
  const { members, pending } = await seatCounts(tx, orgId, kind);
  return { members, pending, used: seatsUsed({ members, pending }) };
}

/** The same counts of internal seats per user type (the user types that hold or wait for a seat). */
export async function seatCountsByUserType(tx: Reader, orgId: string): Promise<Map<string, SeatCounts>> {
  const rows = await tx.$queryRawUnsafe<(SeatCounts & { user_type: string })[]>(
    `SELECT user_type, ${COUNTS} FROM (${SEAT_HOLDERS}) AS holders GROUP BY user_type ORDER BY user_type`,
    orgId,
    false,
  );
  return new Map(rows.map(({ user_type, ...counts }) => [user_type, counts]));
}
