// The invite modal: addresses, user type then role (the roles offered follow the user type, as
// the catalogue's compatibility table says), groups, a personal message, "must use this e-mail".
import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { type ChatTexts, chatTexts } from '../../chat/texts.js';
import type { Locale } from '../../i18n/locale.js';
import { type Catalogue, grantableRoles } from '../../organizations/catalogue.js';

export const INVITE_CALLBACK = 'invite_submit';
export const USER_TYPE_ACTION = 'invite_user_type';

export const inviteBlockIds = {
  emails: 'emails',
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
  userTypeKey?: string,
): ModalView {
  const s = chatTexts(locale);
  const types = catalogue.userTypes.filter((u) => grantableRoles(catalogue, u.key).length > 0);
  const type = types.find((u) => u.key === userTypeKey) ?? types[0];
  const roles = type ? grantableRoles(catalogue, type.key) : [];
  const defaultRole = roles.find((r) => r.key === catalogue.defaultRole) ?? roles[0];
  return {
    type: 'modal',
    callback_id: INVITE_CALLBACK,
    title: plain(s.inviteTitle.slice(0, 24)),
    submit: plain(s.send),
    close: plain(s.cancel),
    private_metadata: JSON.stringify(metadata),
    blocks: [
      {
        type: 'input',
        block_id: inviteBlockIds.emails,
        label: plain(s.emailsLabel),
        hint: plain(s.emailsHint),
        element: {
          type: 'plain_text_input',
          action_id: 'value',
          multiline: true,
          max_length: 3000,
          placeholder: plain('ana@example.com, bo@example.com', 150),
        },
      },
      {
        type: 'input',
        block_id: inviteBlockIds.userType,
        label: plain(s.userTypeLabel),
        hint: plain(s.userTypeHint),
        dispatch_action: true,
        element: {
          type: 'static_select',
          action_id: USER_TYPE_ACTION,
          options: types.map((u) => option(u.names[locale], u.key)),
          ...(type ? { initial_option: option(type.names[locale], type.key) } : {}),
        },
      },
      roleBlock(s, locale, roles, defaultRole?.key, type?.key),
      {
        type: 'input',
        block_id: inviteBlockIds.groups,
        optional: true,
        label: plain(s.groupsLabel),
        hint: plain(s.groupsHint),
        element: { type: 'plain_text_input', action_id: 'value', max_length: 1000 },
      },
      {
        type: 'input',
        block_id: inviteBlockIds.message,
        optional: true,
        label: plain(s.messageLabel),
        hint: plain(s.messageHint),
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: 1000 },
      },
      {
        type: 'input',
        block_id: inviteBlockIds.mustUseEmail,
        optional: true,
        label: plain(s.mustUseEmailLabel),
        element: {
          type: 'checkboxes',
          action_id: 'value',
          options: [option(s.mustUseEmailOption, 'yes')],
          initial_options: [option(s.mustUseEmailOption, 'yes')],
        },
      },
    ],
  };
}

function roleBlock(
  s: ChatTexts,
  locale: Locale,
  roles: ReturnType<typeof grantableRoles>,
  initial: string | undefined,
  typeKey: string | undefined,
): KnownBlock {
  const initialRole = roles.find((r) => r.key === initial);
  return {
    type: 'input',
    // A new block id per user type: Slack keeps a select's value by block id, and a role kept
    // from another user type would not be allowed by this one.
    block_id: `${inviteBlockIds.role}:${typeKey ?? ''}`,
    label: plain(s.roleLabel),
    element: {
      type: 'static_select',
      action_id: 'value',
      options: roles.map((r) => option(r.names[locale], r.key)),
      ...(initialRole ? { initial_option: option(initialRole.names[locale], initialRole.key) } : {}),
    },
  };
}
