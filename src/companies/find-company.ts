// Finds a company by what a person typed: its name, or its path when names repeat under several
// parents ("Groupe JLO/JLO PARIS"). Names are matched case-insensitively.
import { AppError } from '../errors/app-error.js';
import { companyNameKey } from './company-name.js';
import { type CompanyNode, companyPath } from './company-tree.js';

export function findCompany(tree: readonly CompanyNode[], ref: string): CompanyNode {
  const wanted = ref.split('/').map(companyNameKey);
  const matches = tree.filter((node) => {
    const names = node.names.map(companyNameKey);
    // "JLO PARIS" matches the last name; "Groupe JLO/JLO PARIS" the last two, and so on.
    return names.length >= wanted.length && wanted.every((name, i) => names[names.length - wanted.length + i] === name);
  });
  const [only] = matches;
  if (!only) throw new AppError('company.not_found', { ref: ref.trim() }, 'not_found');
  if (matches.length > 1) {
    const paths = matches.map((node) => `"${companyPath(node)}"`).join(', ');
    throw new AppError('company.ambiguous', { ref: ref.trim(), paths }, 'invalid');
  }
  return only;
}

/** The ids of a company and of all its subsidiaries (the lists' --company filter). */
export function subtreeIds(tree: readonly CompanyNode[], ref: string): string[] {
  const company = findCompany(tree, ref);
  return tree.filter((node) => node.lineage.includes(company.id)).map((node) => node.id);
}
