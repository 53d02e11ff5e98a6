// The brand in the chats' settings (Slack and Teams): what invitees see (the organization's name,
// logo, colour, footer), who the e-mails come from, and where new members sign in, in English or
// French. The lines come from src/brand/brand-summary.ts, the CLI's too; the values are escaped by
// the caller's function (Slack's mrkdwn or Teams' markdown), the labels are Sesame's own words.
import { type BrandSettings, brandHeading, brandLines } from '../../brand/brand-summary.js';
import type { Locale } from '../../i18n/locale.js';

export type { BrandSettings } from '../../brand/brand-summary.js';

export function brandSummary(locale: Locale, settings: BrandSettings, escapeValue: (text: string) => string): string {
  const lines = brandLines(locale, settings).map(([label, value]) => `• *${label}*: ${escapeValue(value)}`);
  return [`*${brandHeading(locale, false)}*`, ...lines].join('\n');
}
