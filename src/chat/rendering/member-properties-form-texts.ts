// The chat forms' words for the member properties an invite or a direct add sets (issue 17, the
// seed's "Set member properties" step): the add-on licences with how many are left, why a licence
// is not offered (not compatible with the chosen user type), the credits and the language. Plain
// text: Slack shows labels, hints and options as such, and Teams' dialogs too. Shared by both
// channels so that their forms say the same thing.
import type { Locale } from '../../i18n/locale.js';

/** "a, b and c" / "a, b et c". */
const listed = (names: readonly string[], and: string) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;

const en = {
  licencesLabel: 'Add-on licences',
  licencesHint: 'Only the licences compatible with the chosen user type are offered; the number left is in brackets.',
  /** "ArcGIS Insights (3 left)"; with an unlimited number, the name alone. */
  licenceOption: (name: string, left: number | null) => (left === null ? name : `${name} (${left} left)`),
  /** The seed's sentence, for the licences the chosen user type excludes. */
  licencesNotOffered: (names: readonly string[], userType: string) =>
    names.length === 1
      ? `${names[0]} is not compatible with ${userType}: choose another user type or assign it later.`
      : `${listed(names, 'and')} are not compatible with ${userType}: choose another user type or assign them later.`,
  creditsLabel: 'Credits',
  creditsHint: 'A whole number, or "unlimited". Left empty, the organization’s default applies.',
  languageLabel: 'Language',
  languageHint: 'The language of the member’s settings, e-mails and pages.',
  /** The default choice: no language set, the organization's applies (named when known). */
  languageOrganization: (organizationLocale?: Locale) =>
    organizationLocale
      ? `Organization’s language (${organizationLocale === 'fr' ? 'French' : 'English'})`
      : 'Organization’s language',
  /** Each language in itself, as language pickers show them. */
  languageNames: { fr: 'Français', en: 'English' } as Record<Locale, string>,
  /** A direct add by Enterprise ID sets none of them yet: said rather than dropped. */
};

export type MemberPropertiesFormTexts = typeof en;

const fr: MemberPropertiesFormTexts = {
  licencesLabel: 'Licences additionnelles',
  licencesHint:
    'Seules les licences compatibles avec le type d’utilisateur choisi sont proposées ; le nombre restant est entre parenthèses.',
  licenceOption: (name, left) => (left === null ? name : `${name} (${left} ${left > 1 ? 'restantes' : 'restante'})`),
  licencesNotOffered: (names, userType) =>
    names.length === 1
      ? `${names[0]} n’est pas compatible avec ${userType} : choisissez un autre type d’utilisateur ou attribuez-la plus tard.`
      : `${listed(names, 'et')} ne sont pas compatibles avec ${userType} : choisissez un autre type d’utilisateur ou attribuez-les plus tard.`,
  creditsLabel: 'Crédits',
  creditsHint: 'Un nombre entier, ou « illimité ». Laissé vide, la valeur par défaut de l’organisation s’applique.',
  languageLabel: 'Langue',
  languageHint: 'La langue des paramètres du membre, de ses e-mails et de ses pages.',
  languageOrganization: (organizationLocale) =>
    organizationLocale
      ? `Langue de l’organisation (${organizationLocale === 'fr' ? 'français' : 'anglais'})`
      : 'Langue de l’organisation',
  languageNames: { fr: 'Français', en: 'English' },
};

export const memberPropertiesFormTexts = (locale: Locale): MemberPropertiesFormTexts => (locale === 'fr' ? fr : en);
