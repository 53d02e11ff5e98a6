// The invite modal: addresses, the sign-in method (with an enabled identity provider), user type
// then role (the roles offered follow the user type, as the catalogue's compatibility table says),
// internal or external with the company (with partner companies), the member properties (add-on
// licences, then groups, credits and language, as the seed's "Set member properties" step), a
// personal message, "must use this e-mail".
import type { ModalView, PlainTextOption } from '@slack/types';
import { membershipTexts } from '../../chat/rendering/membership-texts.js';
import { chatTexts } from '../../chat/rendering/texts.js';
import type { Locale } from '../../i18n/locale.js';
import type { Catalogue } from '../../organizations/catalogue.js';
import { assignmentSelects, shownUserType } from './assignment-selects.js';
import { creditsAndLanguageBlocks, licenceBlocks } from './member-properties-blocks.js';
import { type FormDraw, membershipBlocks, signInBlocks } from './membership-blocks.js';

export const INVITE_CALLBACK = 'invite_submit';
export const USER_TYPE_ACTION = 'invite_user_type';
export const INVITE_KIND_ACTION = 'invite_kind';

export const inviteBlockIds = {
  emails: 'emails',
  username: 'username',
  userType: 'user_type',
  role: 'role',
  groups: 'groups',
  message: 'message',
  mustUseEmail: 'must_use_email',
} as const;

/** Where the result goes: the command's response_url, good for 30 minutes. */
export interface InviteModalMetadata {
  responseUrl?: string;
  channelId?: string;
}

/** Slack's limits: 2,000 characters for labels and hints, 150 for placeholders, 75 for options. */
const plain = (text: string, max = 2000) => ({ type: 'plain_text' as const, text: text.slice(0, max) });
const option = (text: string, value: string): PlainTextOption => ({ text: plain(text, 75), value });

export function inviteModal(
  catalogue: Catalogue,
  locale: Locale,
  metadata: InviteModalMetadata,
  draw: FormDraw,
  /** Where members have usernames, the admin may reserve one (the e-mail states it). */
  usesUsernames = false,
): ModalView {
  const texts = chatTexts(locale);
  const username = usesUsernames ? [usernameBlock(locale)] : [];
  const { choices } = draw;
  return {
    type: 'modal',
    callback_id: INVITE_CALLBACK,
    title: plain(texts.inviteTitle.slice(0, 24)),
    submit: plain(texts.send),
    close: plain(texts.cancel),
    private_metadata: JSON.stringify(metadata),
    blocks: [
      {
        type: 'input',
        block_id: inviteBlockIds.emails,
        label: plain(texts.emailsLabel),
        hint: plain(texts.emailsHint),
        element: {
          type: 'plain_text_input',
          action_id: 'value',
          multiline: true,
          max_length: 3000,
          placeholder: plain('ana@example.com, bo@example.com', 150),
        },
      },
      ...username,
      ...signInBlocks(choices.enterpriseLogin, locale),
      ...assignmentSelects(catalogue, locale, USER_TYPE_ACTION, draw.userType),
      ...membershipBlocks(choices.companies, locale, INVITE_KIND_ACTION, draw.external ?? false),
      ...licenceBlocks(choices.licences, shownUserType(catalogue, draw.userType), locale, draw.licences),
      {
        type: 'input',
        block_id: inviteBlockIds.groups,
        optional: true,
        label: plain(texts.groupsLabel),
        hint: plain(texts.groupsHint),
        element: { type: 'plain_text_input', action_id: 'value', max_length: 1000 },
      },
      ...creditsAndLanguageBlocks(choices.canSetCredits, draw.organizationLocale, locale),
      {
        type: 'input',
        block_id: inviteBlockIds.message,
        optional: true,
        label: plain(texts.messageLabel),
        hint: plain(texts.messageHint),
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: 1000 },
      },
      {
        type: 'input',
        block_id: inviteBlockIds.mustUseEmail,
        optional: true,
        label: plain(texts.mustUseEmailLabel),
        element: {
          type: 'checkboxes',
          action_id: 'value',
          options: [option(texts.mustUseEmailOption, 'yes')],
          initial_options: [option(texts.mustUseEmailOption, 'yes')],
        },
      },
    ],
  };
}

function usernameBlock(locale: Locale) {
  const texts = membershipTexts(locale);
  return {
    type: 'input' as const,
    block_id: inviteBlockIds.username,
    optional: true,
    label: plain(texts.inviteUsernameLabel),
    hint: plain(texts.inviteUsernameHint),
    element: { type: 'plain_text_input' as const, action_id: 'value', max_length: 128 },
  };
}
