// One user-facing message: a function of its parameters per language.
export type Message<P> = { en: (p: P) => string; fr: (p: P) => string };
export const bilingual = <P = Record<string, never>>(en: (p: P) => string, fr: (p: P) => string): Message<P> => ({
  en,
  fr,
});
