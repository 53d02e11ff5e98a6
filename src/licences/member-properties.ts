// What the webhooks say of a person's member properties (issue 17, item 6): their add-on licences,
// their credits (a number, "unlimited", or null when none was set) and their language (null: the
// organization's). One definition, in TypeScript and as SQL over an invitation or member row, kept
// equal by test/licences/member-properties.test.ts, so that the product members join can
// provision them.
import type { Locale } from '../i18n/locale.js';

export interface MemberProperties {
  licences: string[];
  credits: number | 'unlimited' | null;
  language: Locale | null;
}

export function memberProperties(row: {
  licences: string[] | null;
  credits: number | null;
  creditsUnlimited: boolean;
  language: Locale | null;
}): MemberProperties {
  return {
    licences: row.licences ?? [],
    credits: row.creditsUnlimited ? 'unlimited' : row.credits,
    language: row.language,
  };
}

/** The same pairs as jsonb_build_object arguments, over an invitation or member row aliased `alias`. */
export function memberPropertiesSql(alias: string): string {
  return `'licences', to_jsonb(coalesce(${alias}.licences, '{}'::text[])),
          'credits', CASE WHEN ${alias}.credits_unlimited THEN to_jsonb('unlimited'::text) ELSE to_jsonb(${alias}.credits) END,
          'language', ${alias}.language::text`;
}
