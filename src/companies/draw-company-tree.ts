// The companies' tree drawn line by line with box characters, for the CLI and the chat channels:
// "Groupe JLO  [secured]", then "├─ JLO PARIS  [covered]", "└─ JLO PROVINCE  [covered]". Each
// channel says how a company's name is written (escaped for it) and how its marks read.
import type { CompanyBranch } from './list-companies.js';

export function drawCompanyTree(
  branches: readonly CompanyBranch[],
  line: (branch: CompanyBranch) => string,
  prefix = '',
  top = true,
): string[] {
  return branches.flatMap((branch, i) => {
    const last = i === branches.length - 1;
    const connector = top ? '' : last ? '└─ ' : '├─ ';
    const below = top ? '' : `${prefix}${last ? '   ' : '│  '}`;
    return [`${prefix}${connector}${line(branch)}`, ...drawCompanyTree(branch.subsidiaries, line, below, false)];
  });
}
