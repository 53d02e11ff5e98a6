import type { Locale } from '../i18n/locale.js';

const formats: Record<Locale, Intl.DateTimeFormat> = {
  en: dateTimeFormat('en-GB'),
  fr: dateTimeFormat('fr-FR'),
};

function dateTimeFormat(tag: string): Intl.DateTimeFormat {
  // Organizations have no time zone yet: UTC, said explicitly ("14 December 2026 at 09:38 UTC").
  return new Intl.DateTimeFormat(tag, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  });
}

/** "14 December 2026 at 09:38 UTC", "14 décembre 2026 à 09:38 UTC". */
export const formatDateTime = (date: Date, locale: Locale): string => formats[locale].format(date);
