export const locales = ['en', 'fr'] as const;
export type Locale = (typeof locales)[number];

/** French when the hint says French (fr, fr-FR, fr_CA...), English otherwise. */
export function pickLocale(hint: string | undefined | null, fallback: Locale = 'en'): Locale {
  if (!hint) return fallback;
  return hint.toLowerCase().startsWith('fr') ? 'fr' : hint.toLowerCase().startsWith('en') ? 'en' : fallback;
}
