// Seats used = members + pending invitations (held invitations wait outside the count). The one
// definition in SQL; seat-summary.ts reads the same rule by user type.
import type { Db } from '../db/database.js';
import type { Prisma } from '../generated/prisma/client.js';

export async function seatUsage(
  tx: Prisma.TransactionClient | Db,
  orgId: string,
): Promise<{ used: number; members: number; pending: number }> {
  const [row] = await tx.$queryRawUnsafe<{ members: number; pending: number }[]>(
    `SELECT (SELECT count(*) FROM member WHERE organization_id = $1::uuid)::int AS members,
            (SELECT count(*) FROM invitation WHERE organization_id = $1::uuid AND status = 'PENDING')::int AS pending`,
    orgId,
  );
  const members = row?.members ?? 0;
  const pending = row?.pending ?? 0;
  return { members, pending, used: members + pending };
}
