// The member properties (issue 17) as the CLI's lists show them: licence keys, credits and
// language, in columns added only when some row on the page has one, so that organizations that
// use none keep their table as it was.
import type { Locale } from '../i18n/locale.js';
import { memberProperties } from '../licences/member-properties.js';

type WithProperties = Parameters<typeof memberProperties>[0];

const headers = {
  en: ['Licences', 'Credits', 'Language'],
  fr: ['Licences', 'Crédits', 'Langue'],
};
const unlimited = { en: 'unlimited', fr: 'illimité' };

/** The extra headers, or none when no row has a property. */
export const propertyHeaders = (rows: readonly WithProperties[], locale: Locale): string[] =>
  rows.some(hasProperties) ? headers[locale] : [];

/** The extra cells of a row (none when `headers` added no column). */
export function propertyCells(row: WithProperties, withColumns: boolean, locale: Locale): (string | number | null)[] {
  if (!withColumns) return [];
  const { licences, credits, language } = memberProperties(row);
  return [licences.join(', ') || null, credits === 'unlimited' ? unlimited[locale] : credits, language];
}

function hasProperties(row: WithProperties): boolean {
  const { licences, credits, language } = memberProperties(row);
  return licences.length > 0 || credits !== null || language !== null;
}
