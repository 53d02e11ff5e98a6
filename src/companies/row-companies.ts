// The company of each external member or invitation of a list, as the tree has it now: its path
// and whether it is still covered (a company unsecured, moved under an unsecured parent or removed
// since leaves its people "in an unsecured company", kept for an administrator to decide). The
// tree is read once for the whole list, and only when some row is external.
import type { Db } from '../db/database.js';
import { type CompanyNode, companyPath, loadCompanyTree } from './company-tree.js';

export interface RowCompany {
  /** "Groupe JLO/JLO PARIS"; the name it had for a removed company. */
  path: string;
  covered: boolean;
  /** The company was removed: only its name at the time is known. */
  removed: boolean;
}

export interface CompanyRow {
  external: boolean;
  companyId: string | null;
  companyName: string | null;
}

/** A function giving each row's company (null for an internal row). */
export async function rowCompanies(
  db: Db,
  organizationId: string,
  rows: readonly CompanyRow[],
): Promise<(row: CompanyRow) => RowCompany | null> {
  const tree = rows.some((row) => row.external) ? await loadCompanyTree(db, organizationId) : [];
  const byId = new Map<string, CompanyNode>(tree.map((node) => [node.id, node]));
  return (row) => {
    if (!row.external) return null;
    const node = row.companyId ? byId.get(row.companyId) : undefined;
    if (!node) return { path: row.companyName ?? '', covered: false, removed: true };
    return { path: companyPath(node), covered: node.covered, removed: false };
  };
}
