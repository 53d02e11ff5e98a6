// The company of external people as the CLI's lists show it: a Company column added only when some
// row of the page is external (organizations without partners keep their table as it was), with
// the company's path and a mark when it is no longer covered; and its fields in --json.
import type { RowCompany } from '../companies/row-companies.js';
import type { Locale } from '../i18n/locale.js';

const words = {
  en: { header: 'Company', notSecured: 'not secured', removed: 'removed' },
  fr: { header: 'Société', notSecured: 'non sécurisée', removed: 'retirée' },
} satisfies Record<Locale, unknown>;

/** The Company header, or none when no row of the page is external. */
export const companyHeaders = (rows: readonly { external: boolean }[], locale: Locale): string[] =>
  rows.some((row) => row.external) ? [words[locale].header] : [];

/** The row's Company cell (none when `companyHeaders` added no column). */
export function companyCells(company: RowCompany | null, withColumn: boolean, locale: Locale): (string | null)[] {
  if (!withColumn) return [];
  if (!company) return [null];
  const mark = company.removed ? words[locale].removed : company.covered ? null : words[locale].notSecured;
  return [mark ? `${company.path} (${mark})` : company.path];
}

/** The JSON fields: the company's path (null once removed) and whether it is covered (null: internal). */
export const companyJson = (company: RowCompany | null) => ({
  companyPath: company && !company.removed ? company.path : null,
  covered: company ? company.covered : null,
});
