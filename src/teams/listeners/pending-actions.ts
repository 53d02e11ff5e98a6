// The pending list's buttons on Teams (Action.Execute): Resend, Revoke and the pages. Each answers
// with the list redrawn in place, a line above it saying what was done or why not.
import { z } from 'zod';
import { pendingListState, pendingPage } from '../../chat/rendering/pending-list.js';
import { chatTexts } from '../../chat/rendering/texts.js';
import { AppError } from '../../errors/app-error.js';
import { resendInvitation } from '../../invitations/resend.js';
import { revokeInvitation } from '../../invitations/revoke.js';
import type { LinkedTeamsIdentity } from '../as-member.js';
import type { AdaptiveCard } from '../cards/adaptive.js';
import { pendingCard, pendingVerbs } from '../cards/pending-card.js';
import type { TeamsDeps } from '../deps.js';
import { teamsErrorText } from '../reply.js';
import { parseSubmission } from '../teams-errors.js';
import { asTeamsMember, type CardAction } from './card-action.js';

const pendingData = z.object({ id: z.uuid().optional(), list: pendingListState.optional() });

export const pendingCardActions: Record<string, CardAction> = {
  [pendingVerbs.resend]: (deps, turn, data) =>
    asTeamsMember(deps, turn, 'pending resend', (who) => pendingAction(deps, who, 'resend', data)),
  [pendingVerbs.revoke]: (deps, turn, data) =>
    asTeamsMember(deps, turn, 'pending revoke', (who) => pendingAction(deps, who, 'revoke', data)),
  [pendingVerbs.page]: (deps, turn, data) =>
    asTeamsMember(deps, turn, 'pending page', (who) => pendingAction(deps, who, 'page', data)),
};

export async function pendingAction(
  deps: TeamsDeps,
  who: LinkedTeamsIdentity,
  operation: 'resend' | 'revoke' | 'page',
  raw: unknown,
): Promise<AdaptiveCard> {
  const { actor, organization } = who;
  const texts = chatTexts(actor.locale);
  const data = parseSubmission(pendingData, raw);
  const filter = data.list ?? {};
  let notice: string | undefined;
  if (operation !== 'page') {
    if (!data.id) throw new AppError('invitation.not_found', { ref: '?' }, 'not_found');
    try {
      const invitation =
        operation === 'resend'
          ? await resendInvitation(deps.db, actor, data.id)
          : await revokeInvitation(deps.db, actor, data.id);
      notice = operation === 'resend' ? texts.resent(invitation.email) : texts.revoked(invitation.email);
    } catch (error) {
      notice = `⚠️ ${teamsErrorText(error, actor.locale, deps.log, `pending ${operation}`)}`;
    }
  }
  const shown = await pendingPage(deps.db, actor, filter);
  return pendingCard(shown.page, organization, shown.filter, actor.locale, notice);
}
