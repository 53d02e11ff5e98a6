// The organization's partner companies, as a tree with their secured and covered marks. Owners and
// administrators only, like the rest of the companies' management.
import type { Db } from '../db/database.js';
import type { Actor } from '../permissions/actor.js';
import { assertCanManageCompanies } from '../permissions/policy.js';
import { type CompanyNode, loadCompanyTree } from './company-tree.js';

export interface CompanyBranch extends CompanyNode {
  subsidiaries: CompanyBranch[];
}

/** Nests the flat tree (parents first) under its top-level companies. */
export function nestCompanies(tree: readonly CompanyNode[]): CompanyBranch[] {
  const branches = new Map<string, CompanyBranch>();
  const roots: CompanyBranch[] = [];
  for (const node of tree) {
    const branch = { ...node, subsidiaries: [] };
    branches.set(node.id, branch);
    const parent = node.parentId ? branches.get(node.parentId) : undefined;
    (parent ? parent.subsidiaries : roots).push(branch);
  }
  return roots;
}

export async function listCompanies(db: Db, actor: Actor): Promise<CompanyBranch[]> {
  assertCanManageCompanies(actor);
  return nestCompanies(await loadCompanyTree(db, actor.organization.id));
}
