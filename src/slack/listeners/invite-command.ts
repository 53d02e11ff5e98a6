// `/invite [subcommand]`: acked at once (Slack wants an answer within 3 s), then parsed into one
// request (src/chat/command-text.ts), answered through the command's response_url.

import { setImmediate } from 'node:timers/promises';
import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { readBrandSettings } from '../../brand/brand-settings.js';
import { type ChatCommand, parseChatCommand } from '../../chat/command-text.js';
import { shownMember } from '../../chat/rendering/add-member-texts.js';
import { auditTrailText } from '../../chat/rendering/audit-trail.js';
import { brandSummary } from '../../chat/rendering/brand-texts.js';
import { companiesTreeText } from '../../chat/rendering/companies-tree.js';
import { echoInput } from '../../chat/rendering/echo.js';
import { chatHelp } from '../../chat/rendering/help-texts.js';
import { inviteRequestAnswerText } from '../../chat/rendering/invite-request-texts.js';
import { escapeMrkdwn } from '../../chat/rendering/mrkdwn.js';
import { pendingPage } from '../../chat/rendering/pending-list.js';
import { chatTexts } from '../../chat/rendering/texts.js';
import { linkWorkspaceWithCode } from '../../chat/workspaces/link-workspace.js';
import { listCompanies } from '../../companies/list-companies.js';
import { AppError } from '../../errors/app-error.js';
import type { Locale } from '../../i18n/locale.js';
import { invitationTimeline } from '../../invitations/invitation-timeline.js';
import { invite } from '../../invitations/invite.js';
import { enterpriseLoginChoice, inviteFormChoices } from '../../invitations/invite-form-choices.js';
import { resendInvitation } from '../../invitations/resend.js';
import { revokeInvitation } from '../../invitations/revoke.js';
import { requestInvitation } from '../../invite-requests/request-invitation.js';
import { reissueTemporaryPassword } from '../../members/reissue-temporary-password.js';
import { assertCanManageInvitations, assertOwner } from '../../permissions/policy.js';
import { seatSummary } from '../../seats/seat-summary.js';
import { addMemberModal, type PasswordOutcome, passwordView, workingView } from '../blocks/add-member-modal.js';
import { importModal, settingsModal, setupModal } from '../blocks/forms.js';
import { inviteModal } from '../blocks/invite-modal.js';
import { inviteSummary } from '../blocks/invite-summary.js';
import { pendingList } from '../blocks/pending-list.js';
import { seatsMessage } from '../blocks/seats.js';
import { timelineMessage } from '../blocks/timeline.js';
import type { SlackDeps } from '../deps.js';
import { firstDeliveryFilter } from '../first-delivery.js';
import { type Identity, identify } from '../identify.js';
import { errorText, type ReplyTarget, reply, replyError } from '../reply.js';
import { memberRemovalQuestion } from './remove-member.js';

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

export function registerInviteCommand(app: App, deps: SlackDeps): void {
  const isFirstDelivery = firstDeliveryFilter();
  app.command(/^\/invite/, async (args) => {
    await args.ack();
    if (!isFirstDelivery(args.command.trigger_id && `${args.command.team_id}:${args.command.trigger_id}`)) {
      deps.log.info('Slack command retry ignored: its first delivery is being answered', {
        retryNum: args.context.retryNum,
      });
      return;
    }
    // Let the requests already waiting be acked before this one's work takes the thread: Slack
    // gives each only 3 s, the work after an ack has no such deadline.
    await setImmediate();
    const { command, client } = args;
    const target: ReplyTarget = { client, userId: command.user_id, responseUrl: command.response_url };
    let locale: Locale = 'en';
    try {
      const who = await identify(deps.db, client, { teamId: command.team_id, userId: command.user_id });
      locale = who.linked ? who.actor.locale : who.profile.locale;
      await run(deps, args, who, target);
    } catch (error) {
      await replyError(target, error, locale, deps.log, 'command');
    }
  });
}

async function run(deps: SlackDeps, args: CommandArgs, who: Identity, target: ReplyTarget): Promise<void> {
  const { command, client } = args;
  const text = command.text ?? '';
  if (!who.linked) {
    const texts = chatTexts(who.profile.locale);
    const request = parseChatCommand(text);
    if (request.kind === 'link') {
      if (!who.profile.email) throw new AppError('chat.no_verified_email', {}, 'forbidden');
      const organization = await linkWorkspaceWithCode(deps.db, who.ref, {
        code: request.code,
        linker: {
          email: who.profile.email,
          locale: who.profile.locale,
          chatUserId: command.user_id,
          isWorkspaceAdmin: who.profile.isWorkspaceAdmin,
        },
      });
      return reply(target, { text: texts.linked(escapeMrkdwn(organization.name)) });
    }
    if (request.kind === 'setup') {
      if (!who.profile.isWorkspaceAdmin) throw new AppError('chat.setup_not_admin', {}, 'forbidden');
      await client.views.open({ trigger_id: command.trigger_id, view: setupModal(who.profile.locale) });
      return;
    }
    throw new AppError('chat.not_linked', {}, 'forbidden');
  }

  const { actor, organization } = who;
  const locale = actor.locale;
  const texts = chatTexts(locale);
  const request: ChatCommand = parseChatCommand(text, organization.catalogue);
  const metadata = { responseUrl: command.response_url, channelId: command.channel_id };
  switch (request.kind) {
    case 'audit':
      return reply(target, { text: await auditTrailText(deps.db, actor, request.action, locale) });
    case 'remove_member':
      return reply(target, await memberRemovalQuestion(deps.db, actor, request.ref));
    case 'reissue_password': {
      assertCanManageInvitations(actor);
      // The trigger expires in 3 s: the modal opens first, the password follows in it.
      const opened = await client.views.open({ trigger_id: command.trigger_id, view: workingView(locale, 'reissue') });
      let outcome: PasswordOutcome;
      try {
        const { member, temporaryPassword } = await reissueTemporaryPassword(deps.db, actor, request.ref);
        outcome = { kind: 'reissue', ...shownMember(member), password: temporaryPassword };
      } catch (error) {
        outcome = { kind: 'reissue', problem: errorText(error, locale, deps.log, 'reissue password') };
      }
      await client.views.update({ view_id: opened.view?.id ?? '', view: passwordView(locale, outcome) });
      return;
    }
    case 'open_add_form': {
      // One read (with the domain's permission check) before the trigger's 3 s run out.
      const choices = await inviteFormChoices(deps.db, actor);
      const view = addMemberModal(organization.catalogue, locale, { choices, organizationLocale: organization.locale });
      await client.views.open({ trigger_id: command.trigger_id, view });
      return;
    }
    case 'open_invite_form': {
      const choices = await inviteFormChoices(deps.db, actor);
      const view = inviteModal(
        organization.catalogue,
        locale,
        metadata,
        { choices, organizationLocale: organization.locale },
        organization.usesUsernames,
      );
      await client.views.open({ trigger_id: command.trigger_id, view });
      return;
    }
    case 'invite': {
      const result = await invite(deps.db, actor, {
        emails: request.emails,
        role: request.role,
        userType: request.userType,
      });
      return reply(target, inviteSummary(result, locale));
    }
    case 'pending': {
      const { page, filter } = await pendingPage(deps.db, actor, request.filter);
      return reply(target, { ...pendingList(page, organization, filter, locale), replaceOriginal: false });
    }
    case 'resend': {
      const invitation = await resendInvitation(deps.db, actor, request.ref);
      return reply(target, { text: texts.resent(escapeMrkdwn(invitation.email)) });
    }
    case 'revoke': {
      const invitation = await revokeInvitation(deps.db, actor, request.ref);
      return reply(target, { text: texts.revoked(escapeMrkdwn(invitation.email)) });
    }
    case 'request_invite': {
      const answer = await requestInvitation(deps.db, actor, { email: request.email, note: request.note });
      return reply(target, { text: inviteRequestAnswerText(locale, answer, escapeMrkdwn) });
    }
    case 'status':
      return reply(target, timelineMessage(await invitationTimeline(deps.db, actor, request.ref), locale));
    case 'seats': {
      const [summary, login] = await Promise.all([
        seatSummary(deps.db, actor),
        enterpriseLoginChoice(deps.db, organization.id),
      ]);
      return reply(target, seatsMessage(summary, organization, locale, login));
    }
    case 'companies':
      return reply(target, { text: companiesTreeText(await listCompanies(deps.db, actor), locale, escapeMrkdwn) });
    case 'import':
      assertCanManageInvitations(actor);
      await client.views.open({ trigger_id: command.trigger_id, view: importModal(locale, metadata) });
      return;
    case 'settings':
      assertOwner(actor);
      await client.views.open({
        trigger_id: command.trigger_id,
        view: settingsModal(
          locale,
          who.workspace.managersChannelId ?? undefined,
          brandSummary(locale, await readBrandSettings(deps.db, organization), escapeMrkdwn),
        ),
      });
      return;
    case 'link':
    case 'setup':
      throw new AppError('chat.already_linked', { organization: organization.name }, 'conflict');
    case 'help':
      return reply(target, { text: chatHelp(locale, 'slack') });
    case 'usage':
      return reply(target, {
        text: `${texts.usage(echoInput(request.problem, locale))}\n\n${chatHelp(locale, 'slack')}`,
      });
  }
}
