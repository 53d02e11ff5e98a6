// The companies an import's rows name, decided against the company tree read ONCE (one recursive
// query, src/companies/company-tree.ts) for the whole file: never a query per row or per company.
// Each reference is found by findCompany and checked by assertCovered, the same definitions as a
// single external invitation, so the refusals are the same ("JLO PARIS is not secured: ...").
import { companyNameKey } from '../companies/company-name.js';
import { type CompanyNode, loadCompanyTree } from '../companies/company-tree.js';
import { assertCovered } from '../companies/coverage.js';
import type { ExternalCompany } from '../companies/external-company.js';
import { findCompany } from '../companies/find-company.js';
import type { Db } from '../db/database.js';
import { isAppError } from '../errors/app-error.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { Notice } from '../i18n/messages.js';

/** Shaped as a row gate's verdict (row-gates.ts), so that a row passes on the cached one as is. */
export type CompanyVerdict = { ok: true; company: ExternalCompany } | { ok: false; field: 'company'; reason: Notice };

/** Decides a row's company reference (a name, or a path "Groupe JLO/JLO PARIS"). */
export type CompanyResolver = (ref: string) => CompanyVerdict;

export async function importCompanies(
  reader: Prisma.TransactionClient | Db,
  organizationId: string,
): Promise<CompanyResolver> {
  const tree = await loadCompanyTree(reader, organizationId);
  // findCompany scans the whole tree and folds every name it meets: 10,000 rows over 1,000
  // companies would fold millions of names. A company can only match a reference whose last part
  // is its own name, so findCompany is asked about those companies only, and each distinct
  // reference once.
  const byName = new Map<string, CompanyNode[]>();
  for (const node of tree) {
    const key = companyNameKey(node.name);
    const same = byName.get(key);
    if (same) same.push(node);
    else byName.set(key, [node]);
  }
  const verdicts = new Map<string, CompanyVerdict>();
  return (ref) => {
    let verdict = verdicts.get(ref);
    if (!verdict) {
      verdict = decide(byName.get(companyNameKey(ref.slice(ref.lastIndexOf('/') + 1))) ?? [], ref);
      verdicts.set(ref, verdict);
    }
    return verdict;
  };
}

function decide(candidates: readonly CompanyNode[], ref: string): CompanyVerdict {
  try {
    const company = findCompany(candidates, ref);
    assertCovered(company);
    return { ok: true, company: { id: company.id, name: company.name } };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { ok: false, field: 'company', reason: error };
  }
}
