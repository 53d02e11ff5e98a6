// The invite dialog (a task module): the same fields as Slack's modal, with the sign-in method and
// the partner company when the organization has them (membership-inputs.ts) and the member
// properties (member-properties-inputs.ts) in the seed's order (licences, groups, credits,
// language); the problems found on submission are shown above their field, with what was typed kept.
import type { CardTaskModuleTaskInfo as TaskModuleTaskInfo } from '@microsoft/teams.api';
import { membershipTexts } from '../../chat/rendering/membership-texts.js';
import { chatTexts } from '../../chat/rendering/texts.js';
import type { Locale } from '../../i18n/locale.js';
import type { InviteField } from '../../invitations/check-invite-input.js';
import type { InviteFormChoices } from '../../invitations/invite-form-choices.js';
import type { Organization } from '../../organizations/organization.js';
import { adaptiveCard, cardAttachment, type Element, text } from './adaptive.js';
import { assignmentChoiceSet, fieldProblem } from './dialog-parts.js';
import { creditsAndLanguageInputs, licenceInputs } from './member-properties-inputs.js';
import { companyInputs, type MembershipField, type MembershipValues, signInInputs } from './membership-inputs.js';

export const INVITE_DIALOG = 'invite_form';

export interface InviteDialogValues extends MembershipValues {
  emails?: string;
  username?: string;
  assignment?: string;
  groups?: string;
  message?: string;
  mustUseEmail?: string;
}

/** The dialog's fields: the invite's, the shared ones, and the reserved username. */
export type DialogField = InviteField | MembershipField | 'username';

export function inviteDialog(
  organization: Organization,
  choices: InviteFormChoices,
  locale: Locale,
  values: InviteDialogValues = {},
  errors: Partial<Record<DialogField, string>> = {},
): TaskModuleTaskInfo {
  const { catalogue, usesUsernames } = organization;
  const texts = chatTexts(locale);
  const error = (field: DialogField): Element[] => fieldProblem(errors[field]);
  const card = adaptiveCard(
    [
      ...error('form'),
      ...error('emails'),
      {
        type: 'Input.Text',
        id: 'emails',
        label: texts.emailsLabel,
        isMultiline: true,
        isRequired: true,
        errorMessage: texts.emailsMissing,
        placeholder: 'ana@example.com, bo@example.com',
        value: values.emails ?? '',
      },
      text(texts.emailsHint, { size: 'Small', isSubtle: true }),
      // Where members have usernames, the admin may reserve one (the e-mail states it).
      ...(usesUsernames ? [...error('username'), ...usernameInput(locale, values.username)] : []),
      ...signInInputs(choices.enterpriseLogin, locale, values, errors),
      ...error('role'),
      assignmentChoiceSet(catalogue, locale, values.assignment),
      ...companyInputs(choices.companies, locale, values, errors),
      ...licenceInputs(choices, catalogue, locale, values, errors),
      ...error('groups'),
      {
        type: 'Input.Text',
        id: 'groups',
        label: texts.groupsLabel,
        placeholder: texts.groupsHint,
        value: values.groups ?? '',
      },
      ...creditsAndLanguageInputs(choices, organization.locale, locale, values, errors),
      ...error('message'),
      {
        type: 'Input.Text',
        id: 'message',
        label: texts.messageLabel,
        isMultiline: true,
        maxLength: 2000,
        placeholder: texts.messageHint,
        value: values.message ?? '',
      },
      {
        type: 'Input.Toggle',
        id: 'mustUseEmail',
        title: texts.mustUseEmailOption,
        value: values.mustUseEmail ?? 'true',
        valueOn: 'true',
        valueOff: 'false',
      },
    ],
    [{ type: 'Action.Submit', title: texts.send, data: { verb: INVITE_DIALOG } }],
  );
  return { title: texts.inviteTitle, width: 'medium', height: 'large', card: cardAttachment(card) };
}

function usernameInput(locale: Locale, value: string | undefined): Element[] {
  const words = membershipTexts(locale);
  return [
    { type: 'Input.Text', id: 'username', label: words.inviteUsernameLabel, maxLength: 128, value: value ?? '' },
    text(words.inviteUsernameHint, { size: 'Small', isSubtle: true }),
  ];
}
