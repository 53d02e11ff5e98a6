// A seat request's Approve and Deny buttons on Teams (Action.Execute): the decision, then the card
// redrawn for the manager who clicked and, after the answer, for everyone in the channel.
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { AppError } from '../../errors/app-error.js';
import type { Locale } from '../../i18n/locale.js';
import { decideSeatRequest } from '../../seats/decide-seat-request.js';
import { seatRequestDetails } from '../../seats/seat-request-details.js';
import type { LinkedTeamsIdentity } from '../as-member.js';
import { type AdaptiveCard, cardAttachment, text } from '../cards/adaptive.js';
import { seatRequestCard, seatVerbs } from '../cards/seat-request-card.js';
import type { TeamsDeps, TeamsTurn } from '../deps.js';
import { teamsErrorText } from '../reply.js';
import { parseSubmission } from '../teams-errors.js';
import { asTeamsMember, type CardAction } from './card-action.js';

const seatData = z.object({ requestId: z.uuid(), reason: z.string().max(500).optional() });

export const seatCardActions: Record<string, CardAction> = {
  [seatVerbs.approve]: (deps, turn, data) =>
    asTeamsMember(deps, turn, 'seat approve', (who) => seatAction(deps, turn, who, 'approve', data)),
  [seatVerbs.deny]: (deps, turn, data) =>
    asTeamsMember(deps, turn, 'seat deny', (who) => seatAction(deps, turn, who, 'deny', data)),
};

export async function seatAction(
  deps: TeamsDeps,
  turn: TeamsTurn,
  who: LinkedTeamsIdentity,
  decision: 'approve' | 'deny',
  raw: unknown,
): Promise<AdaptiveCard> {
  const data = parseSubmission(seatData, raw);
  let refusal: unknown;
  try {
    await decideSeatRequest(deps.db, who.actor, { requestId: data.requestId, decision, reason: data.reason });
  } catch (error) {
    refusal = error;
  }
  const card = await currentSeatCard(deps.db, who.organization.id, data.requestId, who.organization.locale);
  if (!card) throw refusal ?? new AppError('seat_request.not_found', { id: data.requestId }, 'not_found');
  // Redrawn for everyone in the channel, not only for the manager who clicked; after the answer,
  // which must not wait on the Bot Connector (Teams shows a spinner until then, and retries).
  const cardId = turn.activity.replyToId;
  if (cardId) {
    const conversationId = turn.activity.conversation.id;
    setImmediate(() => {
      turn.api.conversations
        .updateActivity(conversationId, cardId, { type: 'message', attachments: [cardAttachment(card)] })
        .catch((error: unknown) => deps.log.warn('Seat card not updated for the channel', { error: String(error) }));
    });
  }
  if (refusal) {
    const why = teamsErrorText(refusal, who.actor.locale, deps.log, `seat ${decision}`);
    return { ...card, body: [text(why, { color: 'Attention' }), ...card.body] };
  }
  return card;
}

async function currentSeatCard(
  db: Db,
  organizationId: string,
  requestId: string,
  locale: Locale,
): Promise<AdaptiveCard | undefined> {
  const details = await seatRequestDetails(db, organizationId, requestId);
  return details ? seatRequestCard(details, locale) : undefined;
}
