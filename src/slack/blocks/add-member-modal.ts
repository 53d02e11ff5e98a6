// "Add a member" (no invitation): e-mail, names, username, user type then role (the roles offered
// follow the user type). Once added, the modal shows the temporary password Sesame chose, once:
// a modal is not kept in the conversation's history, unlike a message.
import type { KnownBlock, ModalView } from '@slack/types';
import { addMemberTexts } from '../../chat/rendering/add-member-texts.js';
import { chatTexts } from '../../chat/rendering/texts.js';
import type { Locale } from '../../i18n/locale.js';
import type { Catalogue } from '../../organizations/catalogue.js';
import { escapeMrkdwn } from '../reply.js';
import { assignmentSelects } from './assignment-selects.js';

export const ADD_MEMBER_CALLBACK = 'add_member_submit';
export const ADD_USER_TYPE_ACTION = 'add_member_user_type';

export const addBlockIds = {
  email: 'email',
  firstName: 'first_name',
  lastName: 'last_name',
  username: 'username',
  userType: 'user_type',
} as const;

const plain = (text: string, max = 2000) => ({ type: 'plain_text' as const, text: text.slice(0, max) });
const textInput = (blockId: string, label: string, optional = false, hint?: string): KnownBlock => ({
  type: 'input',
  block_id: blockId,
  optional,
  label: plain(label),
  ...(hint ? { hint: plain(hint) } : {}),
  element: { type: 'plain_text_input', action_id: 'value', max_length: 254 },
});

export function addMemberModal(catalogue: Catalogue, locale: Locale, userTypeKey?: string): ModalView {
  const texts = chatTexts(locale);
  const memberTexts = addMemberTexts(locale);
  return {
    type: 'modal',
    callback_id: ADD_MEMBER_CALLBACK,
    title: plain(memberTexts.addTitle.slice(0, 24)),
    submit: plain(memberTexts.addButton),
    close: plain(texts.cancel),
    blocks: [
      { type: 'context', elements: [{ type: 'mrkdwn', text: memberTexts.addIntro }] },
      textInput(addBlockIds.email, memberTexts.emailLabel),
      textInput(addBlockIds.firstName, memberTexts.firstNameLabel),
      textInput(addBlockIds.lastName, memberTexts.lastNameLabel),
      textInput(addBlockIds.username, memberTexts.usernameLabel, true, memberTexts.usernameHint),
      ...assignmentSelects(catalogue, locale, ADD_USER_TYPE_ACTION, userTypeKey),
    ],
  };
}

/** While the work runs (a submission or a trigger is answered at once, the work follows). */
export function workingView(locale: Locale, kind: 'add' | 'reissue'): ModalView {
  const memberTexts = addMemberTexts(locale);
  return {
    type: 'modal',
    title: plain((kind === 'add' ? memberTexts.addTitle : memberTexts.reissueTitle).slice(0, 24)),
    close: plain(chatTexts(locale).close),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: kind === 'add' ? memberTexts.adding : memberTexts.reissuing } },
    ],
  };
}

export type PasswordOutcome =
  | { kind: 'add' | 'reissue'; name: string; email: string; username: string; password: string }
  | { kind: 'add' | 'reissue'; problem: string };

/** The outcome: the member and their temporary password, shown this once, or why there is none. */
export function passwordView(locale: Locale, outcome: PasswordOutcome): ModalView {
  const memberTexts = addMemberTexts(locale);
  const add = outcome.kind === 'add';
  const blocks: KnownBlock[] =
    'password' in outcome
      ? [
          {
            type: 'section',
            text: {
              type: 'mrkdwn',
              text: add
                ? memberTexts.added(escapeMrkdwn(outcome.name), escapeMrkdwn(outcome.email), outcome.username)
                : memberTexts.reissued(escapeMrkdwn(outcome.name), escapeMrkdwn(outcome.email)),
            },
          },
          {
            type: 'section',
            text: { type: 'mrkdwn', text: `${memberTexts.passwordHeading}\n\`${outcome.password}\`` },
          },
          {
            type: 'context',
            elements: [{ type: 'mrkdwn', text: add ? memberTexts.passwordNote : memberTexts.reissueNote }],
          },
        ]
      : [
          {
            type: 'section',
            text: {
              type: 'mrkdwn',
              text: `${add ? memberTexts.notAdded : memberTexts.notReissued} ${outcome.problem}`,
            },
          },
        ];
  const title = add ? memberTexts.addTitle : memberTexts.reissueTitle;
  return { type: 'modal', title: plain(title.slice(0, 24)), close: plain(chatTexts(locale).close), blocks };
}
