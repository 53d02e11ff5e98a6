// The managers' channel digest (src/digest/): its settings' refusals and who may read it, in
// English and French. Part of `messages`: channels render them through `translate()`.
import { bilingual } from './message.js';

/** What each digest setting accepts, said in each language. */
const expected = {
  digest: { en: 'daily, weekly or off', fr: 'daily (quotidien), weekly (hebdomadaire) ou off (désactivé)' },
  'digest-time': { en: 'a time of day as HH:MM, e.g. 08:00', fr: 'une heure au format HH:MM, par exemple 08:00' },
  'digest-day': {
    en: 'a day of the week, monday to sunday',
    fr: 'un jour de la semaine, monday à sunday (ou lundi à dimanche)',
  },
  timezone: {
    en: 'an IANA time zone name, e.g. Europe/Paris or America/New_York',
    fr: 'un nom de fuseau horaire IANA, par exemple Europe/Paris ou America/New_York',
  },
  'digest-when': {
    en: 'always (even when there is nothing to say) or changes',
    fr: "always (même quand il n'y a rien à dire) ou changes (toujours / changements)",
  },
} as const;

export type DigestSettingKey = keyof typeof expected;

export const digestMessages = {
  'digest.setting_invalid': bilingual<{ key: DigestSettingKey; value: string }>(
    (p) => `"${p.value}" is not a valid ${p.key}: expected ${expected[p.key].en}.`,
    (p) => `« ${p.value} » n'est pas une valeur valide pour ${p.key}\u00a0: attendu ${expected[p.key].fr}.`,
  ),
  'permission.digest': bilingual<{ email: string }>(
    (p) => `${p.email} may not read the digest: only owners, administrators and managers may.`,
    (p) =>
      `${p.email} ne peut pas consulter le récapitulatif\u00a0: seuls les propriétaires, administrateurs et responsables le peuvent.`,
  ),
};
