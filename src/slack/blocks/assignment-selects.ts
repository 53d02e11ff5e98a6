// The user type and role selects of Sesame's Slack forms (invite, add a member): the roles
// offered follow the chosen user type (the catalogue's compatibility table), the organization's
// default role first chosen when that type allows it.
import type { KnownBlock, PlainTextOption } from '@slack/types';
import { chatTexts } from '../../chat/rendering/texts.js';
import type { Locale } from '../../i18n/locale.js';
import { type Catalogue, grantableRoles, type UserType } from '../../organizations/catalogue.js';

/** Slack's limits: 2,000 characters for labels and hints, 75 for options. */
export const plain = (text: string, max = 2000) => ({ type: 'plain_text' as const, text: text.slice(0, max) });
export const option = (text: string, value: string): PlainTextOption => ({ text: plain(text, 75), value });

/** The user types a form offers (those with a grantable role), and the one shown as chosen. */
const offeredUserTypes = (catalogue: Catalogue) =>
  catalogue.userTypes.filter((u) => grantableRoles(catalogue, u.key).length > 0);

/** The user type the form shows as chosen: `userTypeKey` when offered, else the first one. */
export const shownUserType = (catalogue: Catalogue, userTypeKey?: string): UserType | undefined => {
  const types = offeredUserTypes(catalogue);
  return types.find((u) => u.key === userTypeKey) ?? types[0];
};

/** The user type select (block `user_type`, whose change `userTypeAction` handles) and the role select. */
export function assignmentSelects(
  catalogue: Catalogue,
  locale: Locale,
  userTypeAction: string,
  userTypeKey?: string,
): KnownBlock[] {
  const texts = chatTexts(locale);
  const types = offeredUserTypes(catalogue);
  const type = shownUserType(catalogue, userTypeKey);
  const roles = type ? grantableRoles(catalogue, type.key) : [];
  const initialRole = roles.find((r) => r.key === catalogue.defaultRole) ?? roles[0];
  return [
    {
      type: 'input',
      block_id: 'user_type',
      label: plain(texts.userTypeLabel),
      hint: plain(texts.userTypeHint),
      dispatch_action: true,
      element: {
        type: 'static_select',
        action_id: userTypeAction,
        options: types.map((u) => option(u.names[locale], u.key)),
        ...(type ? { initial_option: option(type.names[locale], type.key) } : {}),
      },
    },
    {
      type: 'input',
      // A new block id per user type: Slack keeps a select's value by block id, and a role kept
      // from another user type would not be allowed by this one.
      block_id: `role:${type?.key ?? ''}`,
      label: plain(texts.roleLabel),
      element: {
        type: 'static_select',
        action_id: 'value',
        options: roles.map((r) => option(r.names[locale], r.key)),
        ...(initialRole ? { initial_option: option(initialRole.names[locale], initialRole.key) } : {}),
      },
    },
  ];
}
