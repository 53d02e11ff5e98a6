// The members who may decide an organization's invite requests (those who may invite, see
// canManageInvitations), for the channels that must reach them when no managers' channel is set.
import type { Db } from '../db/database.js';
import { type Catalogue, parseCatalogue } from '../organizations/catalogue.js';

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

/** inviteDeciders of an organization known by its id (the notifiers and e-mail notices). */
export async function inviteDecidersOf(db: Db, organizationId: string): Promise<{ email: string }[]> {
  const organization = await db.organization.findUnique({ where: { id: organizationId }, select: { catalogue: true } });
  return organization ? inviteDeciders(db, organizationId, parseCatalogue(organization.catalogue)) : [];
}
