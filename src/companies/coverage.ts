// Coverage, as read from the company tree (company-tree.ts computes it in its one query): the
// refusal that names which company to secure, and which companies a change covered or uncovered.
import { AppError } from '../errors/app-error.js';
import type { CompanyNode } from './company-tree.js';

// Its parents, the nearest first: "secure it or one of its parent companies (JLO France, Groupe JLO)";
// empty for a top-level company.
export const parentsToSecure = (company: Pick<CompanyNode, 'names'>): string =>
  company.names.slice(0, -1).reverse().join(', ');

/** Refuses an uncovered company, naming the companies whose securing would cover it. */
export function assertCovered(company: CompanyNode): void {
  if (company.covered) return;
  const parents = parentsToSecure(company);
  if (!parents) throw new AppError('company.not_covered_alone', { name: company.name }, 'refused');
  throw new AppError('company.not_covered', { name: company.name, parents }, 'refused');
}

export interface CoverageChange {
  /** Companies covered before the change and not after it (a removed one included), as they were. */
  lostCoverage: CompanyNode[];
  /** Companies covered after the change and not before it. */
  gainedCoverage: CompanyNode[];
}

export function coverageChange(before: readonly CompanyNode[], after: readonly CompanyNode[]): CoverageChange {
  const coveredBefore = new Set(before.filter((node) => node.covered).map((node) => node.id));
  const coveredAfter = new Set(after.filter((node) => node.covered).map((node) => node.id));
  return {
    lostCoverage: before.filter((node) => node.covered && !coveredAfter.has(node.id)),
    gainedCoverage: after.filter((node) => node.covered && !coveredBefore.has(node.id)),
  };
}
