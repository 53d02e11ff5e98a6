// The App Home tab: the organization's seats at a glance (the external ones apart, and how members
// join) and what admins do most (invite, import, add a member, the pending list), or how to link
// the workspace when it is not linked yet.
import type { HomeView, KnownBlock } from '@slack/types';
import { addMemberTexts } from '../../chat/rendering/add-member-texts.js';
import { chatTexts } from '../../chat/rendering/texts.js';
import type { Locale } from '../../i18n/locale.js';
import type { EnterpriseLoginChoice } from '../../invitations/invite-form-choices.js';
import type { Organization } from '../../organizations/organization.js';
import type { SeatSummary } from '../../seats/seat-summary.js';
import { context, section } from '../reply.js';
import { membershipSeatBlocks } from './seats.js';

export const homeActions = {
  invite: 'home_invite',
  import: 'home_import',
  add: 'home_add_member',
  pending: 'home_pending',
} as const;

export function appHome(
  locale: Locale,
  /** `problem`: mrkdwn already (errorText escapes the values it shows). */
  state:
    | {
        organization: Organization;
        seats: SeatSummary;
        /** How members join: the enabled provider's sign-in, or null (a password). */
        login: EnterpriseLoginChoice | null;
        canManage: boolean;
        /** A report no other route could carry (an import's outcome), shown above the rest. */
        report?: { text: string; blocks?: KnownBlock[] };
      }
    | { problem: string },
): HomeView {
  const texts = chatTexts(locale);
  if ('problem' in state) return { type: 'home', blocks: [section(texts.homeTitle), section(state.problem)] };
  const { organization, seats } = state;
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: `${texts.homeTitle} · ${organization.name}`.slice(0, 150) } },
    ...(state.report ? [...(state.report.blocks ?? [section(state.report.text)]), { type: 'divider' } as const] : []),
    section(texts.seatsLine(seats.used, seats.limit, seats.remaining)),
    context(texts.seatsDetail(seats.members, seats.pending, seats.awaitingApproval, seats.openSeatRequests)),
    ...membershipSeatBlocks(seats, locale, state.login),
  ];
  if (state.canManage) {
    blocks.push({
      type: 'actions',
      block_id: 'home_actions',
      elements: [
        {
          type: 'button',
          action_id: homeActions.invite,
          style: 'primary',
          text: { type: 'plain_text', text: texts.inviteTitle },
        },
        { type: 'button', action_id: homeActions.import, text: { type: 'plain_text', text: texts.importTitle } },
        {
          type: 'button',
          action_id: homeActions.add,
          text: { type: 'plain_text', text: addMemberTexts(locale).addTitle },
        },
        { type: 'button', action_id: homeActions.pending, text: { type: 'plain_text', text: texts.homePending } },
      ],
    });
  }
  blocks.push({ type: 'divider' }, context(texts.homeHelp));
  return { type: 'home', blocks };
}
