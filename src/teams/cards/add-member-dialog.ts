// "Add a member" dialog (a task module): the same fields as Slack's modal, the problems found on
// submission shown above their field with what was typed kept; once added, the dialog shows the
// temporary password once (a dialog is not kept in the conversation, unlike a message).
import type { CardTaskModuleTaskInfo as TaskModuleTaskInfo } from '@microsoft/teams.api';
import { addMemberTexts } from '../../chat/rendering/add-member-texts.js';
import type { Locale } from '../../i18n/locale.js';
import type { AddMemberField } from '../../members/check-add-member-input.js';
import type { Catalogue } from '../../organizations/catalogue.js';
import { escapeTeamsMarkdown } from '../markdown.js';
import { teamsTexts } from '../teams-texts.js';
import { adaptiveCard, cardAttachment, type Element, small, text } from './adaptive.js';
import { assignmentChoiceSet, fieldProblem } from './dialog-parts.js';

export const ADD_MEMBER_DIALOG = 'add_member_form';
export const REISSUE_PASSWORD_DIALOG = 'reissue_password';

export interface AddMemberDialogValues {
  email?: string;
  firstName?: string;
  lastName?: string;
  username?: string;
  assignment?: string;
}

export function addMemberDialog(
  catalogue: Catalogue,
  locale: Locale,
  values: AddMemberDialogValues = {},
  errors: Partial<Record<AddMemberField, string>> = {},
): TaskModuleTaskInfo {
  const memberTexts = addMemberTexts(locale);
  const input = (id: keyof AddMemberDialogValues & AddMemberField, label: string, required: boolean): Element[] => [
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
      ...input('email', memberTexts.emailLabel, true),
      ...input('firstName', memberTexts.firstNameLabel, true),
      ...input('lastName', memberTexts.lastNameLabel, true),
      ...input('username', memberTexts.usernameLabel, false),
      small(memberTexts.usernameHint),
      ...fieldProblem(errors.role),
      assignmentChoiceSet(catalogue, locale, values.assignment),
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
