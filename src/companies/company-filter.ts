// What the lists' --external, --company and --uncovered filters select: external people, of a
// company and its subsidiaries when one is named, or those whose company is no longer covered
// (unsecured, moved under an unsecured parent, or removed): never deleted, they are listed for an
// administrator to decide. The tree is read in one query.
import type { Db } from '../db/database.js';
import { loadCompanyTree } from './company-tree.js';
import { subtreeIds } from './find-company.js';

export interface CompanyFilter {
  external?: boolean;
  company?: string;
  /** External people whose company is not covered any more ("in an unsecured company"). */
  uncovered?: boolean;
}

/** Prisma conditions that both members and invitations accept. */
export interface CompanyConditions {
  external?: true;
  companyId?: { in: string[] };
  AND?: { OR: ({ companyId: null } | { companyId: { notIn: string[] } })[] }[];
}

/** The Prisma conditions for members or invitations; an empty object when no filter is given. */
export async function companyConditions(
  db: Db,
  organizationId: string,
  filter: CompanyFilter,
): Promise<CompanyConditions> {
  const ref = filter.company?.trim();
  if (!ref && !filter.uncovered) return filter.external ? { external: true } : {};
  const tree = await loadCompanyTree(db, organizationId);
  const conditions: CompanyConditions = { external: true };
  if (ref) conditions.companyId = { in: subtreeIds(tree, ref) };
  if (filter.uncovered) {
    const covered = tree.filter((node) => node.covered).map((node) => node.id);
    conditions.AND = [{ OR: [{ companyId: null }, { companyId: { notIn: covered } }] }];
  }
  return conditions;
}
