// Commander writes its usage errors and the "(required)" mark in English. Before any command
// runs, the language is that of --lang, else the terminal's (LC_ALL, LC_MESSAGES, LANG); in
// French the usage errors are translated here, pattern by pattern (commander 15's wording), and
// anything not recognized is left in English rather than guessed. Light on purpose: `sesame
// --help` loads this and commander only.
import type { Locale } from '../i18n/locale.js';

export function usageLocale(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Locale {
  const at = argv.indexOf('--lang');
  const flag = at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
  if (flag === 'fr' || flag === 'en') return flag;
  const terminal = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^fr([_.@-]|$)/i.test(terminal) ? 'fr' : 'en';
}

const french: [RegExp, (...groups: string[]) => string][] = [
  [/^error: missing required argument '(.+)'$/, (a) => `erreur\u00a0: l'argument obligatoire « ${a} » manque`],
  [/^error: option '(.+)' argument missing$/, (o) => `erreur\u00a0: l'option « ${o} » attend une valeur`],
  [/^error: required option '(.+)' not specified$/, (o) => `erreur\u00a0: l'option obligatoire « ${o} » manque`],
  [/^error: unknown option '(.+)'$/, (o) => `erreur\u00a0: option inconnue « ${o} »`],
  [/^error: unknown command '(.+)'$/, (c) => `erreur\u00a0: commande inconnue « ${c} »`],
  [
    /^error: too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+): (.*)\.$/,
    (command, expected, got, details) =>
      `erreur\u00a0: trop d'arguments${command ? ` pour « ${command} »` : ''}\u00a0: ${expected} attendu(s), ${got} reçu(s)\u00a0: ${details}.`,
  ],
  [
    /^error: option '(.+)' argument '(.*)' is invalid\. (.*)$/,
    (o, v, why) => `erreur\u00a0: la valeur « ${v} » de l'option « ${o} » n'est pas valide. ${frenchReason(why)}`,
  ],
  [
    /^error: command-argument value '(.*)' is invalid for argument '(.+)'\. (.*)$/,
    (v, a, why) => `erreur\u00a0: la valeur « ${v} » de l'argument « ${a} » n'est pas valide. ${frenchReason(why)}`,
  ],
  [/^\(Did you mean one of (.+)\?\)$/, (list) => `(Vouliez-vous dire l'une de ces commandes\u00a0: ${list}\u00a0?)`],
  [/^\(Did you mean (.+)\?\)$/, (one) => `(Vouliez-vous dire ${one}\u00a0?)`],
];

/** The reasons of src/cli/values.ts, which start with "expected". */
function frenchReason(why: string): string {
  return why.replace(/^expected /, 'attendu\u00a0: ');
}

/** Commander's usage error (one or more lines) in French; unknown lines are kept as they are. */
export function frenchUsage(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      for (const [pattern, render] of french) {
        const match = pattern.exec(line);
        if (match) return render(...match.slice(1).map((g) => g ?? ''));
      }
      return line;
    })
    .join('\n');
}

export const usageTexts = {
  en: { required: '(required)', helpAfterError: '(add --help for usage)' },
  fr: { required: '(obligatoire)', helpAfterError: "(ajoutez --help pour l'aide)" },
} as const;
