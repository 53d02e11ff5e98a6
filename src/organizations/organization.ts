// The organization as the domain sees it: the database row with its catalogue parsed.
import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import type { Organization as OrganizationRow } from '../generated/prisma/client.js';
import { type Catalogue, parseCatalogue } from './catalogue.js';

export type Organization = Omit<OrganizationRow, 'catalogue'> & { catalogue: Catalogue };

export const toOrganization = (row: OrganizationRow): Organization => ({
  ...row,
  catalogue: parseCatalogue(row.catalogue),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Finds an organization by id or name; without a reference, the only one that exists.
 * (Operators' tools only: chat channels reach an organization through their link.)
 */
export async function findOrganization(db: Db, ref?: string): Promise<Organization> {
  if (ref) {
    const row = await db.organization.findFirst({
      where: UUID.test(ref) ? { OR: [{ id: ref }, { name: ref }] } : { name: { equals: ref, mode: 'insensitive' } },
    });
    if (!row) throw new AppError('org.not_found', { ref }, 'not_found');
    return toOrganization(row);
  }
  const rows = await db.organization.findMany({ take: 6, orderBy: { createdAt: 'asc' } });
  if (rows.length === 0) throw new AppError('org.none', {}, 'not_found');
  if (rows.length > 1) throw new AppError('org.ambiguous', { names: rows.map((r) => r.name).join(', ') });
  return toOrganization(rows[0] as OrganizationRow);
}
