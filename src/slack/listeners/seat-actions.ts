// Approve and Deny on a seat request card. The domain decides once (the second click is told who
// decided first); the card is redrawn with the decision for everyone in the channel. The inviter
// hears the outcome from the notification the decision queued.
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { AppError, isAppError } from '../../errors/app-error.js';
import type { Locale } from '../../i18n/locale.js';
import { assertCanDecideSeatRequests } from '../../permissions/policy.js';
import { decideSeatRequest } from '../../seats/decide-seat-request.js';
import { seatRequestDetails } from '../../seats/seat-request-details.js';
import { asMember } from '../as-member.js';
import { callbacks, denyModal } from '../blocks/forms.js';
import { seatActions, seatRequestCard } from '../blocks/seat-request-card.js';
import type { SlackDeps } from '../deps.js';
import { identify, identifyWithoutSlack, withinBudget } from '../identify.js';
import { fitSlackMessage } from '../limits.js';
import { errorText } from '../reply.js';
import { denyState, parseMetadata } from '../view-state.js';

const requestId = z.uuid();
const denyMetadata = z
  .object({ requestId: z.uuid().optional(), channelId: z.string().optional(), messageTs: z.string().optional() })
  .catch({});

export function registerSeatActions(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(seatActions.approve, async ({ ack, body, action, client }) => {
    await ack();
    const request = { teamId: body.team?.id, userId: body.user.id, responseUrl: body.response_url };
    await asMember(deps, client, request, 'seat approve', async ({ actor, organization }) => {
      const id = requestId.parse(action.value);
      try {
        await decideSeatRequest(deps.db, actor, { requestId: id, decision: 'approve' });
      } finally {
        // Decided now or already: the card shows the decision to everyone.
        await redrawCard(deps.db, client, organization.id, id, organization.locale, cardOf(body));
      }
    });
  });

  app.action<BlockAction<ButtonAction>>(seatActions.deny, async ({ ack, body, action, client }) => {
    await ack();
    const request = { teamId: body.team?.id, userId: body.user.id, responseUrl: body.response_url };
    await asMember(deps, client, request, 'seat deny', async ({ actor }) => {
      // Asked before the reason is typed: a member who may not decide is told at once.
      assertCanDecideSeatRequests(actor);
      const card = cardOf(body);
      await client.views.open({
        trigger_id: body.trigger_id,
        view: denyModal(actor.locale, {
          requestId: requestId.parse(action.value),
          channelId: card.channel,
          messageTs: card.ts,
        }),
      });
    });
  });

  app.view(callbacks.deny, async ({ ack, body, view, client }) => {
    const metadata = parseMetadata(denyMetadata, view.private_metadata);
    let locale: Locale = 'en';
    let redraw: { organizationId: string; locale: Locale } | undefined;
    let refusal: string | undefined;
    try {
      const request = { teamId: body.team?.id ?? '', userId: body.user.id };
      // Refusals ("already decided", "only managers") go on the reason field, so the decision comes
      // before the answer, and with it the member: users.info is given part of Slack's 3 s only.
      locale = (await identifyWithoutSlack(deps.db, request)).locale;
      const who = await withinBudget(identify(deps.db, client, request));
      if (!who.linked) throw new AppError('chat.not_linked', {}, 'forbidden');
      locale = who.actor.locale;
      if (!metadata.requestId) throw new AppError('seat_request.not_found', { id: '?' }, 'not_found');
      const { reason } = denyState.parse(view.state.values);
      try {
        await decideSeatRequest(deps.db, who.actor, { requestId: metadata.requestId, decision: 'deny', reason });
        redraw = { organizationId: who.organization.id, locale: who.organization.locale };
      } catch (error) {
        // Decided by someone else in the meantime: the card shows their decision too.
        if (isAppError(error) && error.code === 'seat_request.already_decided') {
          redraw = { organizationId: who.organization.id, locale: who.organization.locale };
        }
        throw error;
      }
    } catch (error) {
      // Shown on the reason field: "already decided by ...", "a reason is required", "only managers".
      refusal = errorText(error, locale, deps.log, 'seat deny');
    }
    await ack(refusal ? { response_action: 'errors', errors: { reason: refusal } } : undefined);
    if (redraw && metadata.requestId) {
      await redrawCard(deps.db, client, redraw.organizationId, metadata.requestId, redraw.locale, {
        channel: metadata.channelId,
        ts: metadata.messageTs,
      });
    }
  });
}

/** Redraws the card from the database: whoever decided, every manager sees the same card. */
export async function redrawCard(
  db: Db,
  client: WebClient,
  organizationId: string,
  id: string,
  locale: Locale,
  card: { channel?: string; ts?: string },
): Promise<void> {
  if (!card.channel || !card.ts) return;
  const details = await seatRequestDetails(db, organizationId, id);
  if (!details) return;
  await client.chat.update({
    channel: card.channel,
    ts: card.ts,
    ...fitSlackMessage(seatRequestCard(details, locale)),
  });
}

/** The message a click came from (the card), when it came from a message. */
const cardOf = (body: BlockAction) => ({
  channel: body.container?.channel_id as string | undefined,
  ts: body.container?.message_ts as string | undefined,
});
