// "Add a member" dialog (task module): opened from the card the `add` command answers, checked
// field by field on submit (the dialog comes back with the problems above their fields), then the
// member is added and the dialog shows their temporary password, once.
import type { TaskModuleTaskInfo, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { addMemberTexts, shownMember } from '../../chat/add-member-texts.js';
import { AppError } from '../../errors/app-error.js';
import type { Locale } from '../../i18n/locale.js';
import { renderNotice } from '../../i18n/messages.js';
import { addMemberWithTemporaryPassword } from '../../members/add-member-with-temporary-password.js';
import { checkAddMemberInput } from '../../members/check-add-member-input.js';
import { reissueTemporaryPassword } from '../../members/reissue-temporary-password.js';
import { assertCanManageInvitations } from '../../permissions/policy.js';
import { addMemberDialog, passwordDialog } from '../cards/add-member-dialog.js';
import type { TeamsDeps } from '../deps.js';
import { identifyTeams } from '../identify.js';
import { teamsErrorText } from '../reply.js';

const submission = z.object({
  email: z.string().max(1000).default(''),
  firstName: z.string().max(1000).default(''),
  lastName: z.string().max(1000).default(''),
  username: z.string().max(1000).default(''),
  assignment: z.string().max(200).default(''),
});

export async function fetchAddMemberDialog(
  deps: TeamsDeps,
  context: TurnContext,
): Promise<TaskModuleTaskInfo | string> {
  let locale: Locale = 'en';
  try {
    const who = await identifyTeams(deps.db, context);
    locale = who.locale;
    if (!who.linked) throw new AppError('chat.not_linked_teams', {}, 'forbidden');
    assertCanManageInvitations(who.actor);
    return addMemberDialog(who.organization.catalogue, who.actor.locale);
  } catch (error) {
    return teamsErrorText(error, locale, deps.log, 'add member dialog');
  }
}

export async function submitAddMemberDialog(
  deps: TeamsDeps,
  context: TurnContext,
  raw: unknown,
): Promise<TaskModuleTaskInfo | string> {
  let locale: Locale = 'en';
  try {
    const who = await identifyTeams(deps.db, context);
    locale = who.locale;
    if (!who.linked) throw new AppError('chat.not_linked_teams', {}, 'forbidden');
    locale = who.actor.locale;
    const values = submission.parse(raw);
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
      const errors = Object.fromEntries(
        problems.map((p) => [p.field, p.problems.map((n) => renderNotice(locale, n)).join(' ')]),
      );
      return addMemberDialog(who.organization.catalogue, locale, values, errors);
    }
    const { member, temporaryPassword } = await addMemberWithTemporaryPassword(deps.db, who.actor, form);
    return passwordDialog(locale, 'add', { ...shownMember(member), password: temporaryPassword });
  } catch (error) {
    return `${addMemberTexts(locale).notAdded} ${teamsErrorText(error, locale, deps.log, 'add member dialog')}`;
  }
}

/**
 * Opened from the card the `password <e-mail>` command answers: the click is the request, so the
 * new password is issued here and shown in the dialog, never in the conversation.
 */
export async function fetchReissueDialog(
  deps: TeamsDeps,
  context: TurnContext,
  raw: unknown,
): Promise<TaskModuleTaskInfo | string> {
  let locale: Locale = 'en';
  try {
    const who = await identifyTeams(deps.db, context);
    locale = who.locale;
    if (!who.linked) throw new AppError('chat.not_linked_teams', {}, 'forbidden');
    locale = who.actor.locale;
    const { email } = z.object({ email: z.string().max(1000) }).parse(raw);
    const { member, temporaryPassword } = await reissueTemporaryPassword(deps.db, who.actor, email);
    return passwordDialog(locale, 'reissue', { ...shownMember(member), password: temporaryPassword });
  } catch (error) {
    return `${addMemberTexts(locale).notReissued} ${teamsErrorText(error, locale, deps.log, 'reissue password')}`;
  }
}
