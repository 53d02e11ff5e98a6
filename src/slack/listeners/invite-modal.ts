// The invite modal: the user type select rebuilds the role and licence options and the kind radio
// the company field; the submission is checked field by field (errors shown on the fields, an
// external member's company and the member properties included), then invited, and summarized
// where /invite was typed.
import type { App } from '@slack/bolt';
import { fieldErrors } from '../../chat/rendering/field-errors.js';
import { inviteUsernameProblem } from '../../chat/rendering/membership-texts.js';
import { chatTexts } from '../../chat/rendering/texts.js';
import { AppError } from '../../errors/app-error.js';
import { checkUsername } from '../../forms/username.js';
import type { Locale } from '../../i18n/locale.js';
import { notice, renderNotice, translate } from '../../i18n/messages.js';
import { checkInviteInput, splitAddressList } from '../../invitations/check-invite-input.js';
import { invite } from '../../invitations/invite.js';
import { isUsernameTaken } from '../../invitations/username-taken.js';
import {
  INVITE_CALLBACK,
  INVITE_KIND_ACTION,
  inviteBlockIds,
  inviteModal,
  USER_TYPE_ACTION,
} from '../blocks/invite-modal.js';
import { inviteSummary } from '../blocks/invite-summary.js';
import type { SlackDeps } from '../deps.js';
import { identify, identifyWithoutSlack, withinBudget } from '../identify.js';
import { errorText, reply } from '../reply.js';
import { inviteState, parseMetadata, replyMetadata } from '../view-state.js';
import { answerOnce, registerFormRedraw } from './form-parts.js';
import { checkMembershipAndProperties } from './member-property-fields.js';

export function registerInviteModal(app: App, deps: SlackDeps): void {
  registerFormRedraw(app, deps, { userType: USER_TYPE_ACTION, kind: INVITE_KIND_ACTION }, (who, draw, metadata) =>
    inviteModal(
      who.organization.catalogue,
      who.actor.locale,
      parseMetadata(replyMetadata, metadata),
      draw,
      who.organization.usesUsernames,
    ),
  );

  app.view(INVITE_CALLBACK, async ({ ack: slackAck, body, view, client }) => {
    // A submission is answered once: with field errors, or by closing the modal.
    const ack = answerOnce(slackAck);
    const userId = body.user.id;
    const teamId = body.team?.id ?? '';
    const metadata = parseMetadata(replyMetadata, view.private_metadata);
    const target = { client, userId, responseUrl: metadata.responseUrl };
    let locale: Locale = 'en';
    try {
      // Before the answer, nothing that waits on Slack's Web API (see identifyWithoutSlack).
      const known = await identifyWithoutSlack(deps.db, { teamId, userId });
      locale = known.locale;
      if (!known.linked) {
        const text = translate(locale, 'chat.not_linked', {});
        return await ack({ response_action: 'errors', errors: { [inviteBlockIds.emails]: text } });
      }
      const state = inviteState.safeParse(view.state.values);
      if (!state.success) {
        return await ack({
          response_action: 'errors',
          errors: { [inviteBlockIds.emails]: chatTexts(locale).emailsMissing },
        });
      }
      const input = {
        emails: splitAddressList(state.data.emails),
        username: state.data.username,
        userType: state.data.userType,
        role: state.data.role,
        groups: state.data.groups.split(/[,;\n]+/),
        message: state.data.message,
        mustUseEmail: state.data.mustUseEmail,
      };
      const problems = checkInviteInput(known.linked.organization, input);
      const usernameError = await usernameErrors(
        deps.db,
        () => identify(deps.db, client, { teamId, userId }),
        input,
        locale,
      );
      if (problems.length > 0) {
        const blockOf = {
          emails: inviteBlockIds.emails,
          role: state.data.roleBlockId,
          groups: inviteBlockIds.groups,
          message: inviteBlockIds.message,
        };
        const errors = fieldErrors(problems, locale, (field) => blockOf[field]);
        return await ack({ response_action: 'errors', errors: { ...errors, ...usernameError } });
      }
      if (usernameError) return await ack({ response_action: 'errors', errors: usernameError });
      const extra = await checkMembershipAndProperties(deps.db, client, { teamId, userId }, state.data, locale);
      if (!extra.ok) return await ack({ response_action: 'errors', errors: extra.errors });
      await ack();
      // The member behind the Slack user (users.info may take its time now) and their permissions.
      const who = await identify(deps.db, client, { teamId, userId });
      if (!who.linked) throw new AppError('chat.not_linked', {}, 'forbidden');
      locale = who.actor.locale;
      const result = await invite(deps.db, who.actor, {
        ...input,
        enterprise: state.data.enterprise,
        ...extra.input,
      });
      await reply(target, inviteSummary(result, locale));
    } catch (error) {
      await ack();
      await reply(target, { text: errorText(error, locale, deps.log, 'invite modal') });
    }
  });
}

/**
 * The reserved username's problems on its field: its rule and one address only, then whether a
 * member or an open invitation already has it (the modal closes with the answer, so the domain's
 * own refusal would only come in the summary; it still decides, should the name be taken meanwhile).
 */
async function usernameErrors(
  db: SlackDeps['db'],
  who: () => ReturnType<typeof identify>,
  input: { username?: string; emails: string[] },
  locale: Locale,
): Promise<Record<string, string> | undefined> {
  const problem = inviteUsernameProblem(input.username, input.emails, locale);
  if (problem) return { [inviteBlockIds.username]: problem };
  const checked = input.username?.trim() ? checkUsername(input.username) : undefined;
  if (!checked?.ok) return undefined;
  // Whether a username is taken is for those who may invite: who asks is read first (within
  // Slack's budget); if they may not, or Slack is slow, the domain's own refusal answers instead.
  const asker = await withinBudget(who()).catch(() => undefined);
  if (!asker?.linked) return undefined;
  const taken = await isUsernameTaken(db, asker.actor, checked.value).catch(() => false);
  if (!taken) return undefined;
  return { [inviteBlockIds.username]: renderNotice(locale, notice('username.taken', { username: checked.value })) };
}
