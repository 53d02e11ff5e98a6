// A member's credits and language, as typed at invite, add and import. Credits: a whole number, or
// unlimited; absent, none is set (the organization's default applies in the product). Language:
// fr or en; absent, the organization's locale applies.
import { fail, ok, type Result } from '../errors/result.js';
import type { Locale } from '../i18n/locale.js';
import { notice } from '../i18n/messages.js';

export type CreditAllocation = number | 'unlimited';

const MAX_CREDITS = 1_000_000_000;
const UNLIMITED = new Set(['unlimited', 'illimité', 'illimite', 'none', 'aucune', 'aucune limite', 'no limit']);

export function parseCredits(text: string | undefined): Result<CreditAllocation | null> {
  const value = (text ?? '').trim();
  if (!value) return ok(null);
  if (UNLIMITED.has(value.toLowerCase())) return ok('unlimited');
  const digits = value.replace(/[\s\u00a0\u202f_]/g, '');
  const amount = /^\d{1,10}$/.test(digits) ? Number(digits) : Number.NaN;
  if (!Number.isInteger(amount) || amount > MAX_CREDITS) return fail(notice('credits.invalid', { value }));
  return ok(amount);
}

const LANGUAGES: Record<string, Locale> = {
  fr: 'fr',
  en: 'en',
  français: 'fr',
  francais: 'fr',
  french: 'fr',
  anglais: 'en',
  english: 'en',
};

/** fr or en (also fr-CA, en_GB, "français", "English"...); empty: none set. */
export function parseLanguage(text: string | undefined): Result<Locale | null> {
  const value = (text ?? '').trim();
  if (!value) return ok(null);
  const folded = value.toLowerCase();
  const locale =
    LANGUAGES[folded] ?? (/^(fr|en)[-_][a-z]{2}$/.test(folded) ? LANGUAGES[folded.slice(0, 2)] : undefined);
  return locale ? ok(locale) : fail(notice('language.invalid', { value }));
}

/** The two columns credits are stored in: the amount, and whether the allocation is unlimited. */
export const creditColumns = (credits: CreditAllocation | null | undefined) => ({
  credits: typeof credits === 'number' ? credits : null,
  creditsUnlimited: credits === 'unlimited',
});
