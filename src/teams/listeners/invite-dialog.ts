// The invite dialog (task module): opened from the "Open the invite form" card, checked field by
// field on submit (the dialog comes back with the problems above their fields), then invited. The
// domain's refusals about the sign-in method, the company or the member properties (a licence the
// user type cannot hold or none is left of, credits, language) come back above those fields too.
import type { CardTaskModuleTaskInfo as TaskModuleTaskInfo } from '@microsoft/teams.api';
import { z } from 'zod';
import { fieldErrors } from '../../chat/rendering/field-errors.js';
import { inviteUsernameProblem } from '../../chat/rendering/membership-texts.js';
import { refuse } from '../../errors/app-error.js';
import { renderNotice } from '../../i18n/messages.js';
import { checkInviteInput, splitAddressList } from '../../invitations/check-invite-input.js';
import { invite } from '../../invitations/invite.js';
import { inviteFormChoices } from '../../invitations/invite-form-choices.js';
import { withTeamsMember } from '../as-member.js';
import { type InviteDialogValues, inviteDialog } from '../cards/invite-dialog.js';
import type { TeamsDeps, TeamsTurn } from '../deps.js';
import { inviteSummary } from '../invite-summary.js';
import { sayText } from '../reply.js';
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
  emails: z.string().max(20_000).default(''),
  username: z.string().max(1000).default(''),
  assignment: z.string().max(200).default(''),
  groups: z.string().max(2000).default(''),
  message: z.string().max(5000).default(''),
  mustUseEmail: z.enum(['true', 'false']).default('true'),
  ...membershipSubmission,
  ...memberPropertiesSubmission,
});

type DialogAnswer = TaskModuleTaskInfo | string;

/** Slack-style *bold* and `code` marks dropped, for Teams' plain message box. */
const plainText = (text: string) => text.replace(/[*`]/g, '');

export const fetchInviteDialog = (deps: TeamsDeps, turn: TeamsTurn): Promise<DialogAnswer> =>
  withTeamsMember<DialogAnswer>(
    deps,
    turn,
    'invite dialog',
    async (who) => {
      // Reading the choices checks the permission to invite.
      const choices = await inviteFormChoices(deps.db, who.actor);
      return inviteDialog(who.organization, choices, who.actor.locale);
    },
    (text) => text,
  );

export const submitInviteDialog = (deps: TeamsDeps, turn: TeamsTurn, raw: unknown): Promise<DialogAnswer> =>
  withTeamsMember<DialogAnswer>(
    deps,
    turn,
    'invite dialog',
    async (who) => {
      const locale = who.actor.locale;
      const values = parseSubmission(submission, raw);
      const [userType, role] = values.assignment.split('/');
      const input = {
        emails: splitAddressList(values.emails),
        // Only where the dialog shows the field.
        username: (who.organization.usesUsernames && values.username.trim()) || undefined,
        userType,
        role,
        groups: values.groups.split(/[,;\n]+/),
        message: values.message,
        mustUseEmail: values.mustUseEmail === 'true',
        ...(values.signIn ? { enterprise: values.signIn === 'enterprise' } : {}),
        ...membershipOf(values),
        ...memberPropertiesOf(values),
      };
      // Read before the invite: a refusal draws the dialog again with them.
      const choices = await inviteFormChoices(deps.db, who.actor);
      const again = (shown: InviteDialogValues, errors: Record<string, string>) =>
        inviteDialog(who.organization, choices, locale, shown, errors);
      const problems = checkInviteInput(who.organization, input);
      const mixed = companyForInternal(values, locale);
      const username = inviteUsernameProblem(input.username, input.emails, locale);
      if (problems.length > 0 || mixed || username) {
        const errors = { ...fieldErrors(problems, locale), ...mixed?.problems, ...(username ? { username } : {}) };
        return again({ ...values, ...mixed?.values }, errors);
      }
      const shown = shownFields(choices, 'invite');
      let result: Awaited<ReturnType<typeof invite>>;
      try {
        result = await invite(deps.db, who.actor, input);
      } catch (error) {
        const refusal = membershipRefusal(error, shown, locale, deps.log);
        if (refusal) return again(values, refusal);
        throw error;
      }
      // Nobody invited because a licence has none left (taken under the organization's lock, per
      // address): the dialog comes back to choose without it. Some invited: the summary tells.
      const noLicence = result.results.find((r) => r.error?.code.startsWith('licence.'))?.error;
      if (noLicence && !result.results.some((r) => r.invitationId)) {
        return again(values, membershipRefusal(refuse(noLicence), shown, locale, deps.log) ?? {});
      }
      // A username taken by a member or an open invitation: the dialog comes back to choose another.
      const taken = result.results.find((r) => r.error?.code === 'username.taken');
      if (taken?.error) return again(values, { username: renderNotice(locale, taken.error) });
      // The summary stays in the conversation, as the typed command's; the dialog closes on a plain
      // copy (its message box shows no Markdown).
      const summary = inviteSummary(result, locale);
      await sayText(turn, summary).catch((error: unknown) =>
        deps.log.warn('Teams invite summary not posted', { error: error instanceof Error ? error.message : '' }),
      );
      return plainText(summary);
    },
    (text) => text,
  );
