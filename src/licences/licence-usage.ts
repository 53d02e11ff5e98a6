// How many of each licence are taken: held by members, plus reserved by open invitations (pending
// or awaiting approval), as seats are (src/seats/seat-usage.ts). A removed member's row is gone, a
// closed invitation no longer counts: both give their licences back. Writers read it under the
// organization's lock, so two writers never both take the last one.
import type { Prisma } from '../generated/prisma/client.js';

type Tx = Pick<Prisma.TransactionClient, '$queryRawUnsafe'>;

const USAGE_SQL = `
SELECT k AS key, count(*)::int AS used FROM (
  SELECT unnest(licences) AS k FROM member WHERE organization_id = $1::uuid AND licences <> '{}'
  UNION ALL
  SELECT unnest(licences) FROM invitation
   WHERE organization_id = $1::uuid AND status IN ('PENDING', 'AWAITING_APPROVAL') AND licences <> '{}'
) taken GROUP BY k`;

export async function licenceUsage(tx: Tx, organizationId: string): Promise<Map<string, number>> {
  const rows = await tx.$queryRawUnsafe<{ key: string; used: number }[]>(USAGE_SQL, organizationId);
  return new Map(rows.map((row) => [row.key, row.used]));
}

/** How many are left of a licence (Infinity when unlimited). */
export const licencesLeft = (owned: number | null, used: number) =>
  owned === null ? Number.POSITIVE_INFINITY : Math.max(0, owned - used);
