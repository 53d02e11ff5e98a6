// "Add a member" dialog (task module): opened from the card the `add` command answers, checked
// field by field on submit (the dialog comes back with the problems above their fields), then the
// member is added and the dialog shows their temporary password, once.
import type { CardTaskModuleTaskInfo as TaskModuleTaskInfo } from '@microsoft/teams.api';
import { z } from 'zod';
import { addMemberTexts, shownMember } from '../../chat/rendering/add-member-texts.js';
import { fieldErrors } from '../../chat/rendering/field-errors.js';
import { addMemberWithTemporaryPassword } from '../../members/add-member-with-temporary-password.js';
import { checkAddMemberInput } from '../../members/check-add-member-input.js';
import { reissueTemporaryPassword } from '../../members/reissue-temporary-password.js';
import { assertCanManageInvitations } from '../../permissions/policy.js';
import { withTeamsMember } from '../as-member.js';
import { addMemberDialog, passwordDialog } from '../cards/add-member-dialog.js';
import type { TeamsDeps, TeamsTurn } from '../deps.js';
import { parseSubmission } from '../teams-errors.js';

const submission = z.object({
  email: z.string().max(1000).default(''),
  firstName: z.string().max(1000).default(''),
  lastName: z.string().max(1000).default(''),
  username: z.string().max(1000).default(''),
  assignment: z.string().max(200).default(''),
});

type DialogAnswer = TaskModuleTaskInfo | string;

export const fetchAddMemberDialog = (deps: TeamsDeps, turn: TeamsTurn): Promise<DialogAnswer> =>
  withTeamsMember<DialogAnswer>(
    deps,
    turn,
    'add member dialog',
    async (who) => {
      assertCanManageInvitations(who.actor);
      return addMemberDialog(who.organization.catalogue, who.actor.locale);
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
      const form = {
        email: values.email,
        firstName: values.firstName,
        lastName: values.lastName,
        username: values.username.trim() || undefined,
        userType,
        role,
      };
      const problems = checkAddMemberInput(who.organization, form);
      if (problems.length > 0) {
        return addMemberDialog(who.organization.catalogue, locale, values, fieldErrors(problems, locale));
      }
      const { member, temporaryPassword } = await addMemberWithTemporaryPassword(deps.db, who.actor, form);
      return passwordDialog(locale, 'add', { ...shownMember(member), password: temporaryPassword });
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
