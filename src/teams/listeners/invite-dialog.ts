// The invite dialog (task module): opened from the "Open the invite form" card, checked field by
// field on submit (the dialog comes back with the problems above their fields), then invited.
import type { CardTaskModuleTaskInfo as TaskModuleTaskInfo } from '@microsoft/teams.api';
import { z } from 'zod';
import { fieldErrors } from '../../chat/rendering/field-errors.js';
import { checkInviteInput, splitAddressList } from '../../invitations/check-invite-input.js';
import { invite } from '../../invitations/invite.js';
import { assertCanManageInvitations } from '../../permissions/policy.js';
import { withTeamsMember } from '../as-member.js';
import { inviteDialog } from '../cards/invite-dialog.js';
import type { TeamsDeps, TeamsTurn } from '../deps.js';
import { inviteSummary } from '../invite-summary.js';
import { sayText } from '../reply.js';
import { parseSubmission } from '../teams-errors.js';

const submission = z.object({
  emails: z.string().max(20_000).default(''),
  assignment: z.string().max(200).default(''),
  groups: z.string().max(2000).default(''),
  message: z.string().max(5000).default(''),
  mustUseEmail: z.enum(['true', 'false']).default('true'),
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
      assertCanManageInvitations(who.actor);
      return inviteDialog(who.organization.catalogue, who.actor.locale);
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
        userType,
        role,
        groups: values.groups.split(/[,;\n]+/),
        message: values.message,
        mustUseEmail: values.mustUseEmail === 'true',
      };
      const problems = checkInviteInput(who.organization, input);
      if (problems.length > 0) {
        return inviteDialog(who.organization.catalogue, locale, values, fieldErrors(problems, locale));
      }
      const result = await invite(deps.db, who.actor, input);
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
