// "Add a member" dialog (task module): opened from the card the `add` command answers, checked
// field by field on submit (the dialog comes back with the problems above their fields), then the
// member is added and the dialog shows their temporary password, once. With an Enterprise ID the
// member is added by it instead: no password; the domain e-mails them to sign in with the
// enterprise login. The domain's refusals about the company, the ID or the member properties (a
// licence the user type cannot hold or none is left of, credits, language) come back above those fields.
import type { CardTaskModuleTaskInfo as TaskModuleTaskInfo } from '@microsoft/teams.api';
import { z } from 'zod';
import { addMemberTexts, shownMember } from '../../chat/rendering/add-member-texts.js';
import { fieldErrors } from '../../chat/rendering/field-errors.js';
import { membershipTexts } from '../../chat/rendering/membership-texts.js';
import { inviteFormChoices } from '../../invitations/invite-form-choices.js';
import type { AddMemberInput } from '../../members/add-member.js';
import { addMemberWithTemporaryPassword } from '../../members/add-member-with-temporary-password.js';
import { type AddMemberForm, checkAddMemberInput } from '../../members/check-add-member-input.js';
import { reissueTemporaryPassword } from '../../members/reissue-temporary-password.js';
import { addMemberByEnterpriseId } from '../../sso/add-member-by-enterprise-id.js';
import { withTeamsMember } from '../as-member.js';
import {
  type AddMemberDialogValues,
  addedByEnterpriseIdDialog,
  addMemberDialog,
  passwordDialog,
} from '../cards/add-member-dialog.js';
import type { TeamsDeps, TeamsTurn } from '../deps.js';
import { parseSubmission } from '../teams-errors.js';
import { memberPropertiesOf, memberPropertiesSubmission } from './member-properties-submission.js';
import {
  companyForInternal,
  membershipOf,
  membershipRefusal,
  membershipSubmission,
  shownFields,
} from './membership-submission.js';

const submission = z.object({
  email: z.string().max(1000).default(''),
  firstName: z.string().max(1000).default(''),
  lastName: z.string().max(1000).default(''),
  username: z.string().max(1000).default(''),
  assignment: z.string().max(200).default(''),
  ...membershipSubmission,
  ...memberPropertiesSubmission,
});

type DialogAnswer = TaskModuleTaskInfo | string;

export const fetchAddMemberDialog = (deps: TeamsDeps, turn: TeamsTurn): Promise<DialogAnswer> =>
  withTeamsMember<DialogAnswer>(
    deps,
    turn,
    'add member dialog',
    async (who) => {
      // Reading the choices checks the permission to add members.
      const choices = await inviteFormChoices(deps.db, who.actor);
      return addMemberDialog(who.organization, choices, who.actor.locale);
    },
    (text) => text,
  );

export const submitAddMemberDialog = (deps: TeamsDeps, turn: TeamsTurn, raw: unknown): Promise<DialogAnswer> =>
  withTeamsMember<DialogAnswer>(
    deps,
    turn,
    'add member dialog',
    async (who) => {
      const locale = who.actor.locale;
      const values = parseSubmission(submission, raw);
      const [userType, role] = values.assignment.split('/');
      // The company and the member properties travel with the form to the domain's add (by password or ID).
      const form: AddMemberForm & Omit<AddMemberInput, keyof AddMemberForm | 'password'> = {
        email: values.email,
        firstName: values.firstName,
        lastName: values.lastName,
        username: values.username.trim() || undefined,
        userType,
        role,
        ...membershipOf(values),
        ...memberPropertiesOf(values),
      };
      const enterpriseId = values.enterpriseId.trim();
      // Read before the add: a refusal draws the dialog again with them.
      const choices = await inviteFormChoices(deps.db, who.actor);
      const again = (shown: AddMemberDialogValues, errors: Record<string, string>) =>
        addMemberDialog(who.organization, choices, locale, shown, errors);
      const problems = fieldErrors(checkAddMemberInput(who.organization, form), locale);
      const mixed = companyForInternal(values, locale);
      // A member added by enterprise ID gets a username made from their address (the domain takes none).
      if (enterpriseId && form.username) problems.username = membershipTexts(locale).usernameWithEnterpriseId;
      if (Object.keys(problems).length > 0 || mixed) {
        return again({ ...values, ...mixed?.values }, { ...problems, ...mixed?.problems });
      }
      try {
        if (enterpriseId) {
          const added = await addMemberByEnterpriseId(deps.db, who.actor, { ...form, enterpriseId });
          const label = choices.enterpriseLogin?.label ?? '';
          return addedByEnterpriseIdDialog(locale, shownMember(added.member), label, added.warnings);
        }
        const { member, temporaryPassword } = await addMemberWithTemporaryPassword(deps.db, who.actor, form);
        return passwordDialog(locale, 'add', { ...shownMember(member), password: temporaryPassword });
      } catch (error) {
        const refusal = membershipRefusal(error, shownFields(choices, 'add'), locale, deps.log);
        if (refusal) return again(values, refusal);
        throw error;
      }
    },
    (text, locale) => `${addMemberTexts(locale).notAdded} ${text}`,
  );

/**
 * Opened from the card the `password <e-mail>` command answers: the click is the request, so the
 * new password is issued here and shown in the dialog, never in the conversation.
 */
export const fetchReissueDialog = (deps: TeamsDeps, turn: TeamsTurn, raw: unknown): Promise<DialogAnswer> =>
  withTeamsMember<DialogAnswer>(
    deps,
    turn,
    'reissue password',
    async (who) => {
      const { email } = parseSubmission(z.object({ email: z.string().min(1).max(1000) }), raw);
      const { member, temporaryPassword } = await reissueTemporaryPassword(deps.db, who.actor, email);
      return passwordDialog(who.actor.locale, 'reissue', { ...shownMember(member), password: temporaryPassword });
    },
    (text, locale) => `${addMemberTexts(locale).notReissued} ${text}`,
  );
