// An organization's partner companies as a tree, read in ONE query: a recursive CTE walks down
// from the top-level companies and carries, for each company, whether it is covered (it or an
// ancestor is secured) and its lineage. Every coverage decision (the tree listed, an external
// invitation checked, the companies a change uncovers) reads this query, so coverage has one
// definition and never costs a query per ancestor.
import type { Db } from '../db/database.js';
import type { Prisma } from '../generated/prisma/client.js';

type Reader = Prisma.TransactionClient | Db;

export interface CompanyNode {
  id: string;
  parentId: string | null;
  name: string;
  secured: boolean;
  /** Secured itself, or under a secured company at any depth. */
  covered: boolean;
  /** The ids from the top-level company down to this one (itself last). */
  lineage: string[];
  /** The names along the same lineage: ["Groupe JLO", "JLO PARIS"]. */
  names: string[];
}

/** A company's full name, its parents first: "Groupe JLO/JLO PARIS". */
export const companyPath = (company: Pick<CompanyNode, 'names'>): string => company.names.join('/');

// $1: the organization. The lineage check keeps the walk finite even if a cycle were ever
// written by hand (the domain refuses them): a company in a cycle is then simply not listed.
export const COMPANY_TREE_SQL = `
  WITH RECURSIVE tree AS (
    SELECT id, parent_id, name, secured, secured AS covered,
           ARRAY[id::text] AS lineage, ARRAY[name] AS names, ARRAY[name_key] AS sort_path
      FROM company
     WHERE organization_id = $1::uuid AND parent_id IS NULL
    UNION ALL
    SELECT child.id, child.parent_id, child.name, child.secured, tree.covered OR child.secured,
           tree.lineage || child.id::text, tree.names || child.name, tree.sort_path || child.name_key
      FROM company child
      JOIN tree ON child.parent_id = tree.id
     WHERE child.organization_id = $1::uuid AND NOT child.id::text = ANY (tree.lineage)
  )
  SELECT id::text AS id, parent_id::text AS "parentId", name, secured, covered, lineage, names
    FROM tree
   ORDER BY sort_path`;

/** Every company of the organization, parents before their subsidiaries, siblings by name. */
export function loadCompanyTree(reader: Reader, organizationId: string): Promise<CompanyNode[]> {
  return reader.$queryRawUnsafe<CompanyNode[]>(COMPANY_TREE_SQL, organizationId);
}

/** The subsidiaries of a company at any depth (not the company itself). */
export const descendantsOf = (tree: readonly CompanyNode[], id: string): CompanyNode[] =>
  tree.filter((node) => node.id !== id && node.lineage.includes(id));

/**
 * Serializes the changes to an organization's companies with its other seat-taking writes (they
 * lock the same row): two moves cannot build a cycle between them, and an external invitation is
 * never checked against a tree that is changing.
 */
export async function lockOrganization(tx: Prisma.TransactionClient, organizationId: string): Promise<void> {
  await tx.$queryRawUnsafe('SELECT 1 FROM organization WHERE id = $1::uuid FOR UPDATE', organizationId);
}
