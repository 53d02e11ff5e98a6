// The members who may decide an organization's invite requests (those who may invite, see
// canManageInvitations), for the channels that must reach them when no managers' channel is set.
import type { Db } from '../db/database.js';
import type { Catalogue } from '../organizations/catalogue.js';

export async function inviteDeciders(
  db: Db,
  organizationId: string,
  catalogue: Catalogue,
  limit = 50,
): Promise<{ email: string }[]> {
  // The same rule as canManageInvitations (src/permissions/policy.ts), as a query: owners, and
  // members whose role is an admin role of the organization's catalogue.
  const adminRoles = catalogue.roles.filter((role) => role.admin).map((role) => role.key);
  return db.member.findMany({
    where: { organizationId, OR: [{ isOwner: true }, { role: { in: adminRoles } }] },
    select: { email: true },
    orderBy: { createdAt: 'asc' },
    take: limit,
  });
}
