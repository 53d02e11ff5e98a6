// Commands typed to the bot (personal chat, or @mention in a channel): parsed once into a typed
// request (src/chat/command-text.ts), answered with text or a card.
import type { IMessageActivity } from '@microsoft/teams.api';
import { addMemberTexts } from '../../chat/add-member-texts.js';
import { auditTrailText } from '../../chat/audit-trail.js';
import { type ChatCommand, parseChatCommand } from '../../chat/command-text.js';
import { chatHelp } from '../../chat/help-texts.js';
import { linkWorkspaceWithCode } from '../../chat/link-workspace.js';
import { setManagersChannel } from '../../chat/managers-channel.js';
import { pendingPage } from '../../chat/pending-list.js';
import { chatTexts } from '../../chat/texts.js';
import { AppError } from '../../errors/app-error.js';
import type { Locale } from '../../i18n/locale.js';
import { renderNotice } from '../../i18n/messages.js';
import { saveImportDraft } from '../../imports/save-import-draft.js';
import { type InviteResult, invite } from '../../invitations/invite.js';
import { resendInvitation } from '../../invitations/resend.js';
import { revokeInvitation } from '../../invitations/revoke.js';
import { userTypeName } from '../../organizations/catalogue.js';
import { assertCanManageInvitations } from '../../permissions/policy.js';
import { seatSummary } from '../../seats/seat-summary.js';
import { adaptiveCard, type Element, small, text } from '../cards/adaptive.js';
import { ADD_MEMBER_DIALOG, REISSUE_PASSWORD_DIALOG } from '../cards/add-member-dialog.js';
import { importReviewCard } from '../cards/import-cards.js';
import { INVITE_DIALOG } from '../cards/invite-dialog.js';
import { pendingCard } from '../cards/pending-card.js';
import type { TeamsDeps, TeamsTurn } from '../deps.js';
import { downloadTeamsFile, fileAttachmentOf } from '../download-file.js';
import { conversationReference, identifyTeams, type TeamsIdentity } from '../identify.js';
import { sayCard, sayText, teamsErrorText } from '../reply.js';

export async function onMessage(deps: TeamsDeps, turn: TeamsTurn<IMessageActivity>): Promise<void> {
  let locale: Locale = 'en';
  try {
    const who = await identifyTeams(deps.db, turn);
    locale = who.locale;
    await run(deps, turn, who, commandText(turn.activity.text ?? ''));
  } catch (error) {
    await sayText(turn, teamsErrorText(error, locale, deps.log, 'message'));
  }
}

/** The text after any @mention; Teams' own verb `invite` is dropped (Slack's command is /invite). */
function commandText(raw: string): string {
  const plain = raw.replace(/<at>[^<]*<\/at>/g, ' ').trim();
  const [first = '', ...rest] = plain.split(/\s+/);
  return ['invite', 'inviter'].includes(first.toLowerCase()) ? rest.join(' ') : plain;
}

async function run(
  deps: TeamsDeps,
  turn: TeamsTurn<IMessageActivity>,
  who: TeamsIdentity,
  typed: string,
): Promise<void> {
  const s = chatTexts(who.locale);
  if (!who.linked) {
    const request = parseChatCommand(typed);
    if (request.kind !== 'link') throw new AppError('chat.not_linked_teams', {}, 'forbidden');
    if (!who.email) throw new AppError('chat.no_verified_email', {}, 'forbidden');
    const organization = await linkWorkspaceWithCode(deps.db, who.ref, {
      code: request.code,
      linker: { email: who.email, locale: who.locale },
    });
    return sayText(turn, s.linked(organization.name));
  }
  const { actor, organization } = who;
  const locale = actor.locale;
  const request: ChatCommand = parseChatCommand(typed, organization.catalogue);
  switch (request.kind) {
    case 'open_invite_form':
      assertCanManageInvitations(actor);
      await sayCard(
        turn,
        adaptiveCard(
          [text(s.inviteTitle, { weight: 'Bolder' })],
          [
            {
              type: 'Action.Submit',
              title: s.openInviteForm,
              data: { msteams: { type: 'task/fetch' }, verb: INVITE_DIALOG },
            },
          ],
        ),
      );
      return;
    case 'audit':
      return sayText(turn, await auditTrailText(deps.db, actor, request.action, locale));
    case 'reissue_password':
      assertCanManageInvitations(actor);
      await sayCard(
        turn,
        adaptiveCard(
          [small(addMemberTexts(locale).reissueIntro(request.ref))],
          [
            {
              type: 'Action.Submit',
              title: addMemberTexts(locale).reissueButton,
              data: { msteams: { type: 'task/fetch' }, verb: REISSUE_PASSWORD_DIALOG, email: request.ref },
            },
          ],
        ),
      );
      return;
    case 'open_add_form':
      assertCanManageInvitations(actor);
      await sayCard(
        turn,
        adaptiveCard(
          [text(addMemberTexts(locale).addTitle, { weight: 'Bolder' }), small(addMemberTexts(locale).addIntro)],
          [
            {
              type: 'Action.Submit',
              title: addMemberTexts(locale).openAddForm,
              data: { msteams: { type: 'task/fetch' }, verb: ADD_MEMBER_DIALOG },
            },
          ],
        ),
      );
      return;
    case 'invite': {
      const result = await invite(deps.db, actor, {
        emails: request.emails,
        role: request.role,
        userType: request.userType,
      });
      return sayText(turn, inviteSummary(result, locale));
    }
    case 'pending': {
      const { page, filter } = await pendingPage(deps.db, actor, request.filter);
      await sayCard(turn, pendingCard(page, organization, filter, locale));
      return;
    }
    case 'resend':
      return sayText(turn, s.resent((await resendInvitation(deps.db, actor, request.ref)).email));
    case 'revoke':
      return sayText(turn, s.revoked((await revokeInvitation(deps.db, actor, request.ref)).email));
    case 'seats': {
      const summary = await seatSummary(deps.db, actor);
      const byType = Object.entries(summary.byUserType)
        .map(([key, count]) => `${userTypeName(organization.catalogue, key, locale)}: ${count}`)
        .join(' · ');
      const body: Element[] = [
        text(s.seatsHeading(organization.name), { weight: 'Bolder' }),
        text(s.seatsLine(summary.used, summary.limit, summary.remaining)),
        small(s.seatsDetail(summary.members, summary.pending, summary.awaitingApproval, summary.openSeatRequests)),
        ...(byType ? [small(`${s.byUserType}: ${byType}`)] : []),
      ];
      await sayCard(turn, adaptiveCard(body));
      return;
    }
    case 'import': {
      assertCanManageInvitations(actor);
      const file = fileAttachmentOf(turn.activity.attachments);
      if (!file) return sayText(turn, s.importAttach);
      const content = await downloadTeamsFile(file, deps.allowInsecureDownloads);
      const saved = await saveImportDraft(deps.db, actor, { content, fileName: file.name });
      await sayCard(turn, importReviewCard(saved.dryRun, saved.draftId, locale));
      return;
    }
    case 'settings': {
      if (turn.activity.conversation?.conversationType !== 'channel') return sayText(turn, s.settingsInChannel);
      const channelId = turn.activity.conversation.id;
      // The reference is what lets the notification job post there later, proactively.
      await setManagersChannel(deps.db, actor, who.ref, channelId, conversationReference(turn));
      return sayText(turn, s.managersChannelSet);
    }
    case 'link':
    case 'setup':
      throw new AppError('chat.already_linked', { organization: organization.name }, 'conflict');
    case 'help':
      return sayText(turn, chatHelp(locale, 'teams'));
    case 'usage':
      return sayText(turn, `${s.usage(request.problem)}\n\n${chatHelp(locale, 'teams')}`);
  }
}

export function inviteSummary(result: InviteResult, locale: Locale): string {
  const s = chatTexts(locale);
  const label = { invited: s.invited, held: s.held, already_invited: s.alreadyInvited, refused: s.refused };
  const lines = result.results.map((r) => {
    const why = r.error ? `: ${renderNotice(locale, r.error)}` : '';
    return `- ${r.email || '""'}: ${label[r.outcome]}${why}`;
  });
  const warnings = result.warnings.map((w) => `- ${renderNotice(locale, w)}`);
  return [
    s.inviteHeading(result.results.length),
    ...lines,
    ...warnings,
    ...(result.seatRequestId ? [s.heldNote] : []),
  ].join('\n');
}
