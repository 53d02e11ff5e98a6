// `/invite companies` (Slack) and `companies` (Teams): the partner companies as a tree, each
// marked secured, covered by a parent, or not secured, with a legend. Names are escaped by the
// channel's own function (Slack mrkdwn or Teams markdown).
import { drawCompanyTree } from '../../companies/draw-company-tree.js';
import type { CompanyBranch } from '../../companies/list-companies.js';
import type { Locale } from '../../i18n/locale.js';
import { membershipTexts } from './membership-texts.js';

const countCompanies = (branches: readonly CompanyBranch[]): number =>
  branches.reduce((sum, branch) => sum + 1 + countCompanies(branch.subsidiaries), 0);

export function companiesTreeText(
  tree: readonly CompanyBranch[],
  locale: Locale,
  escapeName: (text: string) => string,
) {
  const texts = membershipTexts(locale);
  if (tree.length === 0) return texts.companyNone;
  const lines = drawCompanyTree(tree, (branch) => {
    const mark = branch.secured ? texts.companySecured : branch.covered ? texts.companyCovered : texts.companyUncovered;
    return `${mark} ${escapeName(branch.name)}`;
  });
  return [texts.companiesHeading(countCompanies(tree)), ...lines, '', texts.companiesLegend].join('\n');
}
