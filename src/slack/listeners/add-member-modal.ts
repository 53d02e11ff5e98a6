// "Add a member" modal: the user type select rebuilds the role and licence options and the kind
// radio the company field; the submission is checked field by field (errors shown on the fields,
// an external member's company and the member properties included), answered at once with a
// "working" view, then the member is added and the view shows their temporary password, once, or,
// with an Enterprise ID, that they sign in with the enterprise login (no password of ours).
import type { App } from '@slack/bolt';
import { addMemberTexts, shownMember } from '../../chat/rendering/add-member-texts.js';
import { fieldErrors } from '../../chat/rendering/field-errors.js';
import { membershipTexts } from '../../chat/rendering/membership-texts.js';
import { AppError } from '../../errors/app-error.js';
import type { Locale } from '../../i18n/locale.js';
import { renderNotice, translate } from '../../i18n/messages.js';
import { enterpriseLoginChoice } from '../../invitations/invite-form-choices.js';
import type { AddMemberInput } from '../../members/add-member.js';
import { addMemberWithTemporaryPassword } from '../../members/add-member-with-temporary-password.js';
import { type AddMemberField, type AddMemberForm, checkAddMemberInput } from '../../members/check-add-member-input.js';
import type { Actor } from '../../permissions/actor.js';
import { addMemberByEnterpriseId } from '../../sso/add-member-by-enterprise-id.js';
import { checkEnterpriseId } from '../../sso/enterprise-id.js';
import {
  ADD_KIND_ACTION,
  ADD_MEMBER_CALLBACK,
  ADD_USER_TYPE_ACTION,
  addBlockIds,
  addMemberModal,
  type PasswordOutcome,
  passwordView,
  workingView,
} from '../blocks/add-member-modal.js';
import { membershipBlockIds } from '../blocks/membership-blocks.js';
import type { SlackDeps } from '../deps.js';
import { identify, identifyWithoutSlack } from '../identify.js';
import { errorText, reply } from '../reply.js';
import { addMemberState } from '../view-state.js';
import { answerOnce, registerFormRedraw } from './form-parts.js';
import { checkMembershipAndProperties } from './member-property-fields.js';

export function registerAddMemberModal(app: App, deps: SlackDeps): void {
  registerFormRedraw(app, deps, { userType: ADD_USER_TYPE_ACTION, kind: ADD_KIND_ACTION }, (who, draw) =>
    addMemberModal(who.organization.catalogue, who.actor.locale, draw),
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
      const { email, firstName, lastName, username, userType, role, roleBlockId, enterpriseId } = state.data;
      const form: AddMemberForm = { email, firstName, lastName, username, userType, role };
      const problems = checkAddMemberInput(known.linked.organization, form);
      const blockOf: Record<AddMemberField, string> = { ...addBlockIds, role: roleBlockId };
      const errors = {
        ...fieldErrors(problems, locale, (field) => blockOf[field]),
        ...enterpriseIdErrors(state.data, locale),
      };
      if (Object.keys(errors).length > 0) return await ack({ response_action: 'errors', errors });
      const request = { teamId, userId };
      const extra = await checkMembershipAndProperties(deps.db, client, request, state.data, locale, email);
      if (!extra.ok) return await ack({ response_action: 'errors', errors: extra.errors });
      // Hashing the password and writing take longer than the submission may wait.
      await ack({ response_action: 'update', view: workingView(locale, 'add') });
      let outcome: PasswordOutcome;
      try {
        // The member behind the Slack user (users.info may take its time now) and their permissions.
        const who = await identify(deps.db, client, { teamId, userId });
        if (!who.linked) throw new AppError('chat.not_linked', {}, 'forbidden');
        locale = who.actor.locale;
        outcome = await add(deps.db, who.actor, { ...form, ...extra.input }, enterpriseId);
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

/**
 * With an Enterprise ID: a valid one, and no username (the member's is made from the address). The
 * member properties are carried as with a password.
 */
function enterpriseIdErrors(
  fields: { enterpriseId: string | undefined; username: string | undefined },
  locale: Locale,
): Record<string, string> {
  if (fields.enterpriseId === undefined) return {};
  const errors: Record<string, string> = {};
  const checked = checkEnterpriseId(fields.enterpriseId);
  if (!checked.ok) errors[membershipBlockIds.enterpriseId] = renderNotice(locale, checked.error);
  if (fields.username) errors[addBlockIds.username] = membershipTexts(locale).usernameWithEnterpriseId;
  return errors;
}

/** Added by enterprise ID (no password; the domain e-mails them) or with a temporary password. */
async function add(
  db: SlackDeps['db'],
  actor: Actor,
  input: AddMemberForm & Pick<AddMemberInput, 'external' | 'company' | 'licences' | 'credits' | 'language'>,
  enterpriseId: string | undefined,
): Promise<PasswordOutcome> {
  if (enterpriseId) {
    const { member } = await addMemberByEnterpriseId(db, actor, { ...input, enterpriseId });
    const login = await enterpriseLoginChoice(db, actor.organization.id);
    return { kind: 'add', ...shownMember(member), enterpriseLogin: login?.label ?? '' };
  }
  // The form's fields with the company and the member properties: addMemberWithTemporaryPassword
  // hands them on to addMember.
  const { member, temporaryPassword } = await addMemberWithTemporaryPassword(db, actor, input);
  return { kind: 'add', ...shownMember(member), password: temporaryPassword };
}
