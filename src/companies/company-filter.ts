// What the lists' --external and --company filters select: external people, of a company and its
// subsidiaries (the tree read in one query) when one is named.
import type { Db } from '../db/database.js';
import { loadCompanyTree } from './company-tree.js';
import { subtreeIds } from './find-company.js';

export interface CompanyFilter {
  external?: boolean;
  company?: string;
}

/** The Prisma conditions for members or invitations; an empty object when no filter is given. */
export async function companyConditions(
  db: Db,
  organizationId: string,
  filter: CompanyFilter,
): Promise<{ external?: true; companyId?: { in: string[] } }> {
  const ref = filter.company?.trim();
  if (!ref) return filter.external ? { external: true } : {};
  return { external: true, companyId: { in: subtreeIds(await loadCompanyTree(db, organizationId), ref) } };
}
