// The blocks the invite and add modals share for the member properties (issue 17, the seed's "Set
// member properties" step): the add-on licences the chosen user type may hold, each with how many
// are left, and a line naming the others with the reason; the credits, for those who may allocate
// them; the language. Drawn from inviteFormChoices, read when the form opens or is drawn again.
//
// The licences' block is named after the user type, as the role's is: Slack keeps a block's
// selection across a redraw, and licences chosen for another user type may not fit this one; the
// ones that still fit are chosen again (`chosen`).
import type { KnownBlock } from '@slack/types';
import { memberPropertiesFormTexts } from '../../chat/rendering/member-properties-form-texts.js';
import type { Locale } from '../../i18n/locale.js';
import type { LicenceChoice } from '../../invitations/invite-form-choices.js';
import type { UserType } from '../../organizations/catalogue.js';
import { option, plain } from './assignment-selects.js';

export const memberPropertyBlockIds = { credits: 'credits', language: 'language' } as const;
/** `licences:<user type key>`: see above. */
export const LICENCES_BLOCK_PREFIX = 'licences:';
export const licencesBlockId = (userTypeKey: string | undefined) => `${LICENCES_BLOCK_PREFIX}${userTypeKey ?? ''}`;
/** The language select's default: no language set, the organization's applies. */
export const ORGANIZATION_LANGUAGE = 'organization';

/** Slack's limit on a select's options. */
const SELECT_OPTIONS_MAX = 100;

/**
 * The licences `userType` may hold (a multi-select, optional), and a line naming those it may not
 * with the seed's reason. Nothing when the catalogue has no licence.
 */
export function licenceBlocks(
  licences: readonly LicenceChoice[],
  userType: UserType | undefined,
  locale: Locale,
  /** Licence keys chosen so far (before a redraw). */
  chosen: readonly string[] = [],
): KnownBlock[] {
  if (licences.length === 0 || !userType) return [];
  const texts = memberPropertiesFormTexts(locale);
  const fits = (licence: LicenceChoice) => licence.userTypes.includes(userType.key);
  const offered = licences.filter(fits).slice(0, SELECT_OPTIONS_MAX);
  const optionOf = (licence: LicenceChoice) =>
    option(texts.licenceOption(licence.names[locale], licence.left), licence.key);
  const options = offered.map(optionOf);
  const initial = offered.filter((licence) => chosen.includes(licence.key)).map(optionOf);
  const excluded = licences.filter((licence) => !fits(licence)).map((licence) => licence.names[locale]);
  const blocks: KnownBlock[] = [];
  if (options.length > 0) {
    blocks.push({
      type: 'input',
      block_id: licencesBlockId(userType.key),
      optional: true,
      label: plain(texts.licencesLabel),
      hint: plain(texts.licencesHint),
      element: {
        type: 'multi_static_select',
        action_id: 'value',
        options,
        ...(initial.length > 0 ? { initial_options: initial } : {}),
      },
    });
  }
  if (excluded.length > 0) {
    const why = texts.licencesNotOffered(excluded, userType.names[locale]);
    // Plain text: the names are the organization's, shown as typed.
    const line = options.length > 0 ? why : `${texts.licencesLabel}: ${why}`;
    blocks.push({ type: 'context', elements: [plain(line)] });
  }
  return blocks;
}

/** The credits (only for those who may allocate them) and the language, the organization's by default. */
export function creditsAndLanguageBlocks(
  canSetCredits: boolean,
  organizationLocale: Locale | undefined,
  locale: Locale,
): KnownBlock[] {
  const texts = memberPropertiesFormTexts(locale);
  const organization = option(texts.languageOrganization(organizationLocale), ORGANIZATION_LANGUAGE);
  const credits: KnownBlock = {
    type: 'input',
    block_id: memberPropertyBlockIds.credits,
    optional: true,
    label: plain(texts.creditsLabel),
    hint: plain(texts.creditsHint),
    element: { type: 'plain_text_input', action_id: 'value', max_length: 40 },
  };
  const language: KnownBlock = {
    type: 'input',
    block_id: memberPropertyBlockIds.language,
    label: plain(texts.languageLabel),
    hint: plain(texts.languageHint),
    element: {
      type: 'static_select',
      action_id: 'value',
      options: [organization, option(texts.languageNames.fr, 'fr'), option(texts.languageNames.en, 'en')],
      initial_option: organization,
    },
  };
  return canSetCredits ? [credits, language] : [language];
}
