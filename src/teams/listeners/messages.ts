// Commands typed to the bot (personal chat, or @mention in a channel): parsed once into a typed
// request (src/chat/command-text.ts), answered with text or a card.
import type { IMessageActivity } from '@microsoft/teams.api';
import { readBrandSettings } from '../../brand/brand-settings.js';
import { type ChatCommand, parseChatCommand } from '../../chat/command-text.js';
import { addMemberTexts } from '../../chat/rendering/add-member-texts.js';
import { auditTrailText } from '../../chat/rendering/audit-trail.js';
import { brandSummary } from '../../chat/rendering/brand-texts.js';
import { companiesTreeText } from '../../chat/rendering/companies-tree.js';
import { clipInput } from '../../chat/rendering/echo.js';
import { chatHelp } from '../../chat/rendering/help-texts.js';
import { inviteRequestAnswerText } from '../../chat/rendering/invite-request-texts.js';
import { pendingPage } from '../../chat/rendering/pending-list.js';
import { chatTexts } from '../../chat/rendering/texts.js';
import { linkWorkspaceWithCode } from '../../chat/workspaces/link-workspace.js';
import { setManagersChannel } from '../../chat/workspaces/managers-channel.js';
import { listCompanies } from '../../companies/list-companies.js';
import { AppError } from '../../errors/app-error.js';
import type { Locale } from '../../i18n/locale.js';
import { saveImportDraft } from '../../imports/save-import-draft.js';
import { invitationTimeline } from '../../invitations/invitation-timeline.js';
import { invite } from '../../invitations/invite.js';
import { enterpriseLoginChoice } from '../../invitations/invite-form-choices.js';
import { resendInvitation } from '../../invitations/resend.js';
import { revokeInvitation } from '../../invitations/revoke.js';
import { requestInvitation } from '../../invite-requests/request-invitation.js';
import { previewMemberRemoval } from '../../members/remove-member.js';
import { assertCanManageInvitations, canChangeSettings } from '../../permissions/policy.js';
import { seatSummary } from '../../seats/seat-summary.js';
import { type AdaptiveCard, adaptiveCard, type Element, small, text } from '../cards/adaptive.js';
import { ADD_MEMBER_DIALOG, REISSUE_PASSWORD_DIALOG } from '../cards/add-member-dialog.js';
import { importReviewCard } from '../cards/import-cards.js';
import { INVITE_DIALOG } from '../cards/invite-dialog.js';
import { memberRemovalCard } from '../cards/member-removal-card.js';
import { pendingCard } from '../cards/pending-card.js';
import { seatsCard } from '../cards/seats-card.js';
import { timelineCard } from '../cards/timeline-card.js';
import { withoutThread } from '../conversation-id.js';
import type { TeamsDeps, TeamsTurn } from '../deps.js';
import { downloadTeamsFile, fileAttachmentOf } from '../download-file.js';
import { conversationReference, identifyTeams, type TeamsIdentity } from '../identify.js';
import { inviteSummary } from '../invite-summary.js';
import { escapeTeamsMarkdown } from '../markdown.js';
import { sayCard, sayText, teamsErrorText } from '../reply.js';
import { teamsTexts } from '../teams-texts.js';

/**
 * What a command answers. `done` says the command changed something: if Teams then refuses the
 * answer, the member must not be told to try again (a second try would invite twice, or fail).
 */
type Reply = { text: string; done?: boolean } | { card: AdaptiveCard; done?: boolean };

export async function onMessage(deps: TeamsDeps, turn: TeamsTurn<IMessageActivity>): Promise<void> {
  let locale: Locale = 'en';
  let reply: Reply;
  try {
    const who = await identifyTeams(deps.db, turn);
    locale = who.locale;
    reply = await run(deps, turn, who, commandText(turn.activity.text ?? ''));
  } catch (error) {
    reply = { text: teamsErrorText(error, locale, deps.log, 'message') };
  }
  try {
    await ('card' in reply ? sayCard(turn, reply.card) : sayText(turn, reply.text));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    deps.log.warn('Teams answer not delivered', { error: detail, done: Boolean(reply.done) });
    // Best effort, and short: the first answer may have been refused for its size.
    const fallback = reply.done ? teamsTexts(locale).doneNotShown : chatTexts(locale).unexpected;
    await sayText(turn, fallback).catch(() => undefined);
  }
}

/** The text after any @mention; Teams' own verb `invite` is dropped (Slack's command is /invite). */
function commandText(raw: string): string {
  const plain = raw.replace(/<at>[^<]*<\/at>/g, ' ').trim();
  const [first = '', ...rest] = plain.split(/\s+/);
  return ['invite', 'inviter'].includes(first.toLowerCase()) ? rest.join(' ') : plain;
}

/** A card whose one button opens a dialog (task module) with the given verb. */
const dialogCard = (body: Element[], title: string, data: Record<string, unknown>): Reply => ({
  card: adaptiveCard(body, [{ type: 'Action.Submit', title, data: { msteams: { type: 'task/fetch' }, ...data } }]),
});

async function run(
  deps: TeamsDeps,
  turn: TeamsTurn<IMessageActivity>,
  who: TeamsIdentity,
  typed: string,
): Promise<Reply> {
  const texts = chatTexts(who.locale);
  const words = teamsTexts(who.locale);
  if (!who.linked) {
    const request = parseChatCommand(typed);
    if (request.kind !== 'link') throw new AppError('chat.not_linked_teams', {}, 'forbidden');
    if (!who.email) throw new AppError('chat.no_verified_email', {}, 'forbidden');
    const organization = await linkWorkspaceWithCode(deps.db, who.ref, {
      code: request.code,
      linker: { email: who.email, locale: who.locale, isWorkspaceAdmin: null },
    });
    return { text: words.linked(escapeTeamsMarkdown(organization.name)), done: true };
  }
  const { actor, organization } = who;
  const locale = actor.locale;
  const memberTexts = addMemberTexts(locale);
  const request: ChatCommand = parseChatCommand(typed, organization.catalogue);
  switch (request.kind) {
    case 'open_invite_form':
      assertCanManageInvitations(actor);
      return dialogCard([text(texts.inviteTitle, { weight: 'Bolder' })], texts.openInviteForm, { verb: INVITE_DIALOG });
    case 'audit':
      return { text: await auditTrailText(deps.db, actor, request.action, locale) };
    case 'reissue_password':
      assertCanManageInvitations(actor);
      return dialogCard([small(memberTexts.reissueIntro(request.ref))], memberTexts.reissueButton, {
        verb: REISSUE_PASSWORD_DIALOG,
        email: request.ref,
      });
    case 'remove_member':
      // Nothing is removed yet: the card shows what would be freed, and asks.
      return { card: memberRemovalCard(await previewMemberRemoval(deps.db, actor, request.ref), locale) };
    case 'open_add_form':
      assertCanManageInvitations(actor);
      return dialogCard(
        [text(memberTexts.addTitle, { weight: 'Bolder' }), small(memberTexts.addIntro)],
        memberTexts.openAddForm,
        {
          verb: ADD_MEMBER_DIALOG,
        },
      );
    case 'invite': {
      const result = await invite(deps.db, actor, {
        emails: request.emails,
        role: request.role,
        userType: request.userType,
      });
      return { text: inviteSummary(result, locale), done: true };
    }
    case 'pending': {
      const { page, filter } = await pendingPage(deps.db, actor, request.filter);
      return { card: pendingCard(page, organization, filter, locale) };
    }
    case 'resend':
      return { text: texts.resent((await resendInvitation(deps.db, actor, request.ref)).email), done: true };
    case 'revoke':
      return { text: texts.revoked((await revokeInvitation(deps.db, actor, request.ref)).email), done: true };
    case 'status':
      return { card: timelineCard(await invitationTimeline(deps.db, actor, request.ref), locale) };
    case 'request_invite': {
      const answer = await requestInvitation(deps.db, actor, { email: request.email, note: request.note });
      return { text: inviteRequestAnswerText(locale, answer, escapeTeamsMarkdown), done: true };
    }
    case 'companies':
      return { text: companiesTreeText(await listCompanies(deps.db, actor), locale, escapeTeamsMarkdown) };
    case 'seats': {
      const [summary, login] = await Promise.all([
        seatSummary(deps.db, actor),
        enterpriseLoginChoice(deps.db, organization.id),
      ]);
      return { card: seatsCard(summary, organization, login, locale) };
    }
    case 'import': {
      assertCanManageInvitations(actor);
      const file = fileAttachmentOf(turn.activity.attachments);
      if (!file) return { text: texts.importAttach };
      const content = await downloadTeamsFile(file, deps.allowInsecureDownloads);
      const saved = await saveImportDraft(deps.db, actor, { content, fileName: file.name });
      return { card: importReviewCard(saved.dryRun, saved.draftId, locale) };
    }
    case 'settings': {
      // What invitees see, shown to the owners (who change it) wherever they ask for the settings.
      const brand = canChangeSettings(actor.member)
        ? brandSummary(locale, await readBrandSettings(deps.db, organization), escapeTeamsMarkdown)
        : '';
      if (turn.activity.conversation?.conversationType !== 'channel')
        return { text: [texts.settingsInChannel, brand].filter(Boolean).join('\n\n') };
      // The channel itself, not the thread this message is in: seat cards must be new posts.
      const channelId = withoutThread(turn.activity.conversation.id);
      // The reference is what lets the notification job post there later, proactively.
      await setManagersChannel(deps.db, actor, who.ref, channelId, conversationReference(turn));
      return { text: [texts.managersChannelSet, brand].filter(Boolean).join('\n\n'), done: true };
    }
    case 'link':
    case 'setup':
      throw new AppError('chat.already_linked', { organization: organization.name }, 'conflict');
    case 'help':
      return { text: chatHelp(locale, 'teams') };
    case 'usage':
      return {
        text: `${words.usage(escapeTeamsMarkdown(clipInput(request.problem, locale)))}\n\n${chatHelp(locale, 'teams')}`,
      };
  }
}
