// "Add a member" dialog (a task module): the same fields as Slack's modal, with the Enterprise ID
// and the partner company when the organization has them (membership-inputs.ts) and the member
// properties (licences, credits, language: member-properties-inputs.ts), the problems found
// on submission shown above their field with what was typed kept; once added, the dialog shows the
// temporary password once (a dialog is not kept in the conversation, unlike a message), or says
// that a member added by enterprise ID signs in with the enterprise login.
import type { CardTaskModuleTaskInfo as TaskModuleTaskInfo } from '@microsoft/teams.api';
import { addMemberTexts } from '../../chat/rendering/add-member-texts.js';
import type { Locale } from '../../i18n/locale.js';
import { type Notice, renderNotice } from '../../i18n/messages.js';
import type { InviteFormChoices } from '../../invitations/invite-form-choices.js';
import type { AddMemberField } from '../../members/check-add-member-input.js';
import type { Organization } from '../../organizations/organization.js';
import { escapeTeamsMarkdown } from '../markdown.js';
import { teamsTexts } from '../teams-texts.js';
import { adaptiveCard, cardAttachment, type Element, small, text } from './adaptive.js';
import { assignmentChoiceSet, fieldProblem } from './dialog-parts.js';
import { creditsAndLanguageInputs, licenceInputs } from './member-properties-inputs.js';
import { companyInputs, enterpriseIdInputs, type MembershipField, type MembershipValues } from './membership-inputs.js';

export const ADD_MEMBER_DIALOG = 'add_member_form';
export const REISSUE_PASSWORD_DIALOG = 'reissue_password';

export interface AddMemberDialogValues extends MembershipValues {
  email?: string;
  firstName?: string;
  lastName?: string;
  username?: string;
  assignment?: string;
}

export function addMemberDialog(
  organization: Organization,
  choices: InviteFormChoices,
  locale: Locale,
  values: AddMemberDialogValues = {},
  errors: Partial<Record<AddMemberField | MembershipField, string>> = {},
): TaskModuleTaskInfo {
  const memberTexts = addMemberTexts(locale);
  const catalogue = organization.catalogue;
  const input = (
    id: Exclude<keyof AddMemberDialogValues, keyof MembershipValues> & AddMemberField,
    label: string,
    required: boolean,
  ): Element[] => [
    ...fieldProblem(errors[id]),
    {
      type: 'Input.Text',
      id,
      label,
      isRequired: required,
      // Teams shows it under the field when the dialog is sent with the field empty.
      ...(required ? { errorMessage: teamsTexts(locale).required(label) } : {}),
      maxLength: 254,
      value: values[id] ?? '',
    },
  ];
  const card = adaptiveCard(
    [
      small(memberTexts.addIntro),
      ...fieldProblem(errors.form),
      ...input('email', memberTexts.emailLabel, true),
      ...input('firstName', memberTexts.firstNameLabel, true),
      ...input('lastName', memberTexts.lastNameLabel, true),
      ...input('username', memberTexts.usernameLabel, false),
      small(memberTexts.usernameHint),
      ...enterpriseIdInputs(choices.enterpriseLogin, locale, values, errors),
      ...fieldProblem(errors.role),
      assignmentChoiceSet(catalogue, locale, values.assignment),
      ...companyInputs(choices.companies, locale, values, errors),
      ...licenceInputs(choices, catalogue, locale, values, errors),
      ...creditsAndLanguageInputs(choices, organization.locale, locale, values, errors),
    ],
    [{ type: 'Action.Submit', title: memberTexts.addButton, data: { verb: ADD_MEMBER_DIALOG } }],
  );
  return { title: memberTexts.addTitle, width: 'medium', height: 'large', card: cardAttachment(card) };
}

/** The member added, or given a new temporary password, and that password, shown this once. */
export function passwordDialog(
  locale: Locale,
  kind: 'add' | 'reissue',
  shown: { name: string; email: string; username: string; password: string },
): TaskModuleTaskInfo {
  const memberTexts = addMemberTexts(locale);
  const card = adaptiveCard([
    text(
      kind === 'add'
        ? memberTexts.added(escapeTeamsMarkdown(shown.name), escapeTeamsMarkdown(shown.email), shown.username)
        : memberTexts.reissued(escapeTeamsMarkdown(shown.name), escapeTeamsMarkdown(shown.email)),
    ),
    text(memberTexts.passwordHeading, { weight: 'Bolder' }),
    // Monospace, large and selectable: it is read or copied once.
    { type: 'TextBlock', text: shown.password, fontType: 'Monospace', size: 'Large', wrap: true },
    small(kind === 'add' ? memberTexts.passwordNote : memberTexts.reissueNote),
  ]);
  const title = kind === 'add' ? memberTexts.addTitle : memberTexts.reissueTitle;
  return { title, width: 'medium', height: 'medium', card: cardAttachment(card) };
}

/** A member added by enterprise ID: who, and that they sign in with the enterprise login (no password). */
export function addedByEnterpriseIdDialog(
  locale: Locale,
  shown: { name: string; email: string; username: string },
  label: string,
  warnings: Notice[],
): TaskModuleTaskInfo {
  const memberTexts = addMemberTexts(locale);
  const card = adaptiveCard([
    text(memberTexts.added(escapeTeamsMarkdown(shown.name), escapeTeamsMarkdown(shown.email), shown.username)),
    text(memberTexts.enterpriseNote(escapeTeamsMarkdown(label))),
    ...warnings.map((warning) => small(renderNotice(locale, warning))),
  ]);
  return { title: memberTexts.addTitle, width: 'medium', height: 'medium', card: cardAttachment(card) };
}
