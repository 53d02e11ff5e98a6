// The member properties an invitation carries (issue 17: licences, credits, language), as one line
// under an invitation in the chat pending lists, Slack and Teams alike; nothing when none is set,
// so that organizations that use none keep their lists as they were. The values are keys, numbers
// and fr/en: plain text that each channel still escapes as it does every line.
import type { Locale } from '../../i18n/locale.js';
import { memberProperties } from '../../licences/member-properties.js';

type WithProperties = Parameters<typeof memberProperties>[0];

// French puts a space before the colon (Teams turns it into a non-breaking one).
const words = {
  en: { licences: 'Licences:', credits: 'Credits:', language: 'Language:', unlimited: 'unlimited' },
  fr: { licences: 'Licences :', credits: 'Crédits :', language: 'Langue :', unlimited: 'illimité' },
};
const languageNames = { en: { en: 'English', fr: 'French' }, fr: { en: 'anglais', fr: 'français' } };

export function memberPropertiesText(row: WithProperties, locale: Locale): string | null {
  const { licences, credits, language } = memberProperties(row);
  const w = words[locale];
  const parts = [
    licences.length > 0 ? `${w.licences} ${licences.join(', ')}` : null,
    credits !== null ? `${w.credits} ${credits === 'unlimited' ? w.unlimited : credits}` : null,
    language !== null ? `${w.language} ${languageNames[locale][language]}` : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(' · ') : null;
}
