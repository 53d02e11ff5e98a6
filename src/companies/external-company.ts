// The company an external invitation or direct add names: it must exist and be covered (it, or a
// parent at any depth, secured), decided on the tree read in one query. Used inside the writer's
// transaction, after the organization's lock, so that the tree cannot change under the check.
import type { Db } from '../db/database.js';
import type { Prisma } from '../generated/prisma/client.js';
import { loadCompanyTree } from './company-tree.js';
import { assertCovered } from './coverage.js';
import { findCompany } from './find-company.js';

export interface ExternalCompany {
  id: string;
  name: string;
}

export async function coveredCompany(
  reader: Prisma.TransactionClient | Db,
  organizationId: string,
  ref: string,
): Promise<ExternalCompany> {
  const company = findCompany(await loadCompanyTree(reader, organizationId), ref);
  assertCovered(company);
  return { id: company.id, name: company.name };
}
