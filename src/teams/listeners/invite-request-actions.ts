// A member's invite request on Teams: Approve, or Deny with the reason typed on the card
// (Action.Execute). The domain decides once and checks who may; the answer is the card as the
// database now has it, with the refusal on top when there was one ("already approved by ...").
import { z } from 'zod';
import { AppError } from '../../errors/app-error.js';
import { decideInviteRequest, REASON_MAX } from '../../invite-requests/decide-invite-request.js';
import { inviteRequestDetails } from '../../invite-requests/invite-request-details.js';
import { type AdaptiveCard, cardAttachment, text } from '../cards/adaptive.js';
import { inviteRequestCard, inviteRequestVerbs } from '../cards/invite-request-card.js';
import type { TeamsDeps, TeamsTurn } from '../deps.js';
import { teamsErrorText } from '../reply.js';
import { parseSubmission } from '../teams-errors.js';
import { asTeamsMember, type CardAction } from './card-action.js';

const submitted = z.object({ requestId: z.uuid(), reason: z.string().max(REASON_MAX).optional() });

const decide =
  (decision: 'approve' | 'deny'): CardAction =>
  (deps, turn, raw) =>
    asTeamsMember(deps, turn, `invite request ${decision}`, async (who) => {
      const data = parseSubmission(submitted, raw);
      const refusal = await decideInviteRequest(deps.db, who.actor, { ...data, decision }).then(
        () => undefined,
        (error: unknown) => error,
      );
      const details = await inviteRequestDetails(deps.db, who.organization.id, data.requestId);
      if (!details) throw refusal ?? new AppError('invite_request.not_found', { id: data.requestId }, 'not_found');
      const card = inviteRequestCard(details, who.organization.locale);
      redrawForEveryone(deps, turn, card);
      if (!refusal) return card;
      const why = teamsErrorText(refusal, who.actor.locale, deps.log, `invite request ${decision}`);
      return { ...card, body: [text(why, { color: 'Attention' }), ...card.body] };
    });

/** The card the click came from, redrawn for the channel after the answer (never delaying it). */
function redrawForEveryone(deps: TeamsDeps, turn: TeamsTurn, card: AdaptiveCard): void {
  const cardId = turn.activity.replyToId;
  if (!cardId) return;
  const conversationId = turn.activity.conversation.id;
  setImmediate(() => {
    turn.api.conversations
      .updateActivity(conversationId, cardId, { type: 'message', attachments: [cardAttachment(card)] })
      .catch((error: unknown) => deps.log.warn('Invite request card not updated', { error: String(error) }));
  });
}

export const inviteRequestCardActions: Record<string, CardAction> = {
  [inviteRequestVerbs.approve]: decide('approve'),
  [inviteRequestVerbs.deny]: decide('deny'),
};
