// The members who may decide an organization's seat requests (see canDecideSeatRequests), for the
// channels that must reach them when no managers' channel is set.
import type { Db } from '../db/database.js';

export async function seatDeciders(db: Db, organizationId: string, limit = 50): Promise<{ email: string }[]> {
  // The same rule as canDecideSeatRequests (src/permissions/policy.ts), as a query.
  return db.member.findMany({
    where: { organizationId, OR: [{ isManager: true }, { isOwner: true }] },
    select: { email: true },
    orderBy: { createdAt: 'asc' },
    take: limit,
  });
}
