// The member properties the invite and add dialogs set (issue 17, the seed's "Set member
// properties" step): the add-on licences, the credits (shown only to those who may set them) and
// the member's language, with the words Slack's forms use (member-properties-form-texts.ts). An
// Adaptive Card dialog is not redrawn when the user type changes: every licence is offered with the
// user types it suits, and one the chosen user type cannot hold is refused when the dialog is sent
// (the domain's reason, above the field).
import { memberPropertiesFormTexts } from '../../chat/rendering/member-properties-form-texts.js';
import type { Locale } from '../../i18n/locale.js';
import type { InviteFormChoices } from '../../invitations/invite-form-choices.js';
import { type Catalogue, userTypeName } from '../../organizations/catalogue.js';
import { type Element, small } from './adaptive.js';
import { fieldProblem } from './dialog-parts.js';

export type MemberPropertiesField = 'licences' | 'credits' | 'language';

export interface MemberPropertiesValues {
  /** The chosen licences' keys, comma-separated (a multi-select's value). */
  licences?: string;
  credits?: string;
  language?: string;
}

type Problems = Partial<Record<MemberPropertiesField, string>>;

/** The language choice that sets none: the organization's applies. */
export const ORGANIZATION_LANGUAGE = 'organization';

/** Beyond this many licences, the list is a drop-down rather than check boxes. */
const EXPANDED_LICENCES = 6;

/** What only Teams' dialogs say: Slack's forms offer the compatible licences only. */
const teamsWords = {
  en: {
    licencesHint:
      'Each licence shows how many are left and the user types it suits; one the chosen user type cannot hold is refused when you send.',
  },
  fr: {
    licencesHint:
      'Chaque licence indique combien il en reste et les types d’utilisateur auxquels elle convient ; une licence que le type d’utilisateur choisi ne peut pas détenir est refusée à l’envoi.',
  },
};

/** The add-on licences, several at once; nothing when the organization has none. */
export function licenceInputs(
  choices: InviteFormChoices,
  catalogue: Catalogue,
  locale: Locale,
  values: MemberPropertiesValues,
  problems: Problems,
): Element[] {
  if (choices.licences.length === 0) return [];
  const texts = memberPropertiesFormTexts(locale);
  // A choice's title is plain text in Teams: names are shown as configured.
  const options = choices.licences.map((licence) => {
    const suits = licence.userTypes.map((type) => userTypeName(catalogue, type, locale)).join(', ');
    return { title: `${texts.licenceOption(licence.names[locale], licence.left)} · ${suits}`, value: licence.key };
  });
  return [
    ...fieldProblem(problems.licences),
    {
      type: 'Input.ChoiceSet',
      id: 'licences',
      label: texts.licencesLabel,
      isMultiSelect: true,
      style: options.length <= EXPANDED_LICENCES ? 'expanded' : 'compact',
      choices: options,
      ...(values.licences ? { value: values.licences } : {}),
    },
    small(teamsWords[locale].licencesHint),
  ];
}

/** The credits (for those who may set them) and the language, the organization's chosen first. */
export function creditsAndLanguageInputs(
  choices: InviteFormChoices,
  organizationLocale: Locale,
  locale: Locale,
  values: MemberPropertiesValues,
  problems: Problems,
): Element[] {
  const texts = memberPropertiesFormTexts(locale);
  const credits: Element[] = choices.canSetCredits
    ? [
        ...fieldProblem(problems.credits),
        { type: 'Input.Text', id: 'credits', label: texts.creditsLabel, maxLength: 40, value: values.credits ?? '' },
        small(texts.creditsHint),
      ]
    : [];
  const languages = [
    { title: texts.languageOrganization(organizationLocale), value: ORGANIZATION_LANGUAGE },
    { title: texts.languageNames.fr, value: 'fr' },
    { title: texts.languageNames.en, value: 'en' },
  ];
  const chosen = languages.find((l) => l.value === values.language)?.value ?? ORGANIZATION_LANGUAGE;
  return [
    ...credits,
    ...fieldProblem(problems.language),
    { type: 'Input.ChoiceSet', id: 'language', label: texts.languageLabel, choices: languages, value: chosen },
    small(texts.languageHint),
  ];
}
