// "Add a member" (no invitation): e-mail, names, username, the Enterprise ID (with an enabled
// identity provider), user type then role (the roles offered follow the user type), internal or
// external with the company (with partner companies), the member properties (add-on licences,
// credits, language). Once added, the modal shows the temporary password Sesame chose, once (a
// modal is not kept in the conversation's history, unlike a message), or, added by enterprise
// ID, that the member signs in with the enterprise login.
import type { KnownBlock, ModalView } from '@slack/types';
import { addMemberTexts } from '../../chat/rendering/add-member-texts.js';
import { chatTexts } from '../../chat/rendering/texts.js';
import type { Locale } from '../../i18n/locale.js';
import type { Catalogue } from '../../organizations/catalogue.js';
import { context, escapeMrkdwn, section } from '../reply.js';
import { assignmentSelects, shownUserType } from './assignment-selects.js';
import { creditsAndLanguageBlocks, licenceBlocks } from './member-properties-blocks.js';
import { enterpriseIdBlocks, type FormDraw, membershipBlocks } from './membership-blocks.js';

export const ADD_MEMBER_CALLBACK = 'add_member_submit';
export const ADD_USER_TYPE_ACTION = 'add_member_user_type';
export const ADD_KIND_ACTION = 'add_member_kind';

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

export function addMemberModal(catalogue: Catalogue, locale: Locale, draw: FormDraw): ModalView {
  const texts = chatTexts(locale);
  const { choices } = draw;
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
      ...enterpriseIdBlocks(choices.enterpriseLogin, locale),
      ...assignmentSelects(catalogue, locale, ADD_USER_TYPE_ACTION, draw.userType),
      ...membershipBlocks(choices.companies, locale, ADD_KIND_ACTION, draw.external ?? false),
      ...licenceBlocks(choices.licences, shownUserType(catalogue, draw.userType), locale, draw.licences),
      ...creditsAndLanguageBlocks(choices.canSetCredits, draw.organizationLocale, locale),
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
  /** Added by enterprise ID: no password; they sign in with `enterpriseLogin` (the provider's label). */
  | { kind: 'add'; name: string; email: string; username: string; enterpriseLogin: string }
  | { kind: 'add' | 'reissue'; problem: string };

/**
 * The outcome: the member and their temporary password, shown this once; or, added by enterprise
 * ID, that they sign in with the enterprise login; or why there is none.
 */
export function passwordView(locale: Locale, outcome: PasswordOutcome): ModalView {
  const memberTexts = addMemberTexts(locale);
  const add = outcome.kind === 'add';
  const blocks: KnownBlock[] = [];
  if ('problem' in outcome) {
    blocks.push(section(`${add ? memberTexts.notAdded : memberTexts.notReissued} ${outcome.problem}`));
  } else {
    const name = escapeMrkdwn(outcome.name);
    const email = escapeMrkdwn(outcome.email);
    blocks.push(section(add ? memberTexts.added(name, email, outcome.username) : memberTexts.reissued(name, email)));
    if ('enterpriseLogin' in outcome) {
      blocks.push(context(memberTexts.enterpriseNote(escapeMrkdwn(outcome.enterpriseLogin))));
    } else {
      blocks.push(
        section(`${memberTexts.passwordHeading}\n\`${outcome.password}\``),
        context(add ? memberTexts.passwordNote : memberTexts.reissueNote),
      );
    }
  }
  const title = add ? memberTexts.addTitle : memberTexts.reissueTitle;
  return { type: 'modal', title: plain(title.slice(0, 24)), close: plain(chatTexts(locale).close), blocks };
}
