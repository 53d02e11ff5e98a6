// "Add a member" modal: the user type select rebuilds the role options; the submission is checked
// field by field (errors shown on the fields), answered at once with a "working" view, then the
// member is added and the view shows their temporary password, once.
import type { App } from '@slack/bolt';
import { addMemberTexts, shownMember } from '../../chat/rendering/add-member-texts.js';
import { fieldErrors } from '../../chat/rendering/field-errors.js';
import { AppError } from '../../errors/app-error.js';
import type { Locale } from '../../i18n/locale.js';
import { translate } from '../../i18n/messages.js';
import { addMemberWithTemporaryPassword } from '../../members/add-member-with-temporary-password.js';
import { type AddMemberField, checkAddMemberInput } from '../../members/check-add-member-input.js';
import {
  ADD_MEMBER_CALLBACK,
  ADD_USER_TYPE_ACTION,
  addBlockIds,
  addMemberModal,
  type PasswordOutcome,
  passwordView,
  workingView,
} from '../blocks/add-member-modal.js';
import type { SlackDeps } from '../deps.js';
import { identify, identifyWithoutSlack } from '../identify.js';
import { errorText, reply } from '../reply.js';
import { addMemberState } from '../view-state.js';
import { answerOnce, registerUserTypeSwitch } from './form-parts.js';

export function registerAddMemberModal(app: App, deps: SlackDeps): void {
  registerUserTypeSwitch(app, deps, ADD_USER_TYPE_ACTION, (who, userType) =>
    addMemberModal(who.organization.catalogue, who.actor.locale, userType),
  );

  app.view(ADD_MEMBER_CALLBACK, async ({ ack: slackAck, body, view, client }) => {
    // A submission is answered once: with field errors, or with the "working" view.
    const ack = answerOnce(slackAck);
    const userId = body.user.id;
    const teamId = body.team?.id ?? '';
    let locale: Locale = 'en';
    try {
      // Before the answer, nothing that waits on Slack's Web API (see identifyWithoutSlack).
      const known = await identifyWithoutSlack(deps.db, { teamId, userId });
      locale = known.locale;
      if (!known.linked) {
        const text = translate(locale, 'chat.not_linked', {});
        return await ack({ response_action: 'errors', errors: { [addBlockIds.email]: text } });
      }
      const state = addMemberState.safeParse(view.state.values);
      if (!state.success) {
        const text = translate(locale, 'email.required', {});
        return await ack({ response_action: 'errors', errors: { [addBlockIds.email]: text } });
      }
      const { roleBlockId, ...form } = state.data;
      const problems = checkAddMemberInput(known.linked.organization, form);
      if (problems.length > 0) {
        const blockOf: Record<AddMemberField, string> = { ...addBlockIds, role: roleBlockId };
        const errors = fieldErrors(problems, locale, (field) => blockOf[field]);
        return await ack({ response_action: 'errors', errors });
      }
      // Hashing the password and writing take longer than the submission may wait.
      await ack({ response_action: 'update', view: workingView(locale, 'add') });
      let outcome: PasswordOutcome;
      try {
        // The member behind the Slack user (users.info may take its time now) and their permissions.
        const who = await identify(deps.db, client, { teamId, userId });
        if (!who.linked) throw new AppError('chat.not_linked', {}, 'forbidden');
        locale = who.actor.locale;
        const { member, temporaryPassword } = await addMemberWithTemporaryPassword(deps.db, who.actor, form);
        outcome = { kind: 'add', ...shownMember(member), password: temporaryPassword };
      } catch (error) {
        outcome = { kind: 'add', problem: errorText(error, locale, deps.log, 'add member modal') };
      }
      try {
        await client.views.update({ view_id: view.id, view: passwordView(locale, outcome) });
      } catch (error) {
        if (!('password' in outcome)) throw error;
        // The member exists; only the password's one showing failed. Never resend it in a message.
        deps.log.warn('Slack add member: the result view was not shown', { error: String(error) });
        await reply({ client, userId }, { text: addMemberTexts(locale).passwordNotShown(outcome.email) });
      }
    } catch (error) {
      await ack();
      await reply(
        { client, userId },
        { text: `${addMemberTexts(locale).notAdded} ${errorText(error, locale, deps.log, 'add member modal')}` },
      );
    }
  });
}
