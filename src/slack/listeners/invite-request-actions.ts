// Approve and Deny on a member's invite request card. The domain decides once and checks who may
// (those who may invite); the card is redrawn from the database with the decision, and the members
// who asked hear it from the notification the decision queued.
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { inviteRequestTexts } from '../../chat/rendering/invite-request-texts.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../errors/app-error.js';
import type { Locale } from '../../i18n/locale.js';
import { decideInviteRequest } from '../../invite-requests/decide-invite-request.js';
import { inviteRequestDetails } from '../../invite-requests/invite-request-details.js';
import { assertCanManageInvitations } from '../../permissions/policy.js';
import { asMember } from '../as-member.js';
import { denyModal } from '../blocks/forms.js';
import { inviteRequestActions, inviteRequestCard } from '../blocks/invite-request-card.js';
import type { SlackDeps } from '../deps.js';
import { identify, withinBudget } from '../identify.js';
import { fitSlackMessage } from '../limits.js';
import { errorText } from '../reply.js';
import { denyState, parseMetadata } from '../view-state.js';

const DENY_CALLBACK = 'invite_request_deny_submit';
const requestId = z.uuid();
const metadataSchema = z
  .object({ requestId: z.uuid().optional(), channelId: z.string().optional(), messageTs: z.string().optional() })
  .catch({});

export function registerInviteRequestActions(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(inviteRequestActions.approve, async ({ ack, body, action, client }) => {
    await ack();
    const who = { teamId: body.team?.id, userId: body.user.id, responseUrl: body.response_url };
    await asMember(deps, client, who, 'invite request approve', async ({ actor, organization }) => {
      const id = requestId.parse(action.value);
      try {
        await decideInviteRequest(deps.db, actor, { requestId: id, decision: 'approve' });
      } finally {
        // Decided now or already: the card shows the decision to everyone.
        await redraw(deps.db, client, organization.id, id, organization.locale, body.container);
      }
    });
  });

  app.action<BlockAction<ButtonAction>>(inviteRequestActions.deny, async ({ ack, body, action, client }) => {
    await ack();
    const who = { teamId: body.team?.id, userId: body.user.id, responseUrl: body.response_url };
    await asMember(deps, client, who, 'invite request deny', async ({ actor }) => {
      // Asked before the reason is typed: a member who may not decide is told at once.
      assertCanManageInvitations(actor, 'decide_invite_requests');
      const texts = inviteRequestTexts(actor.locale);
      const metadata = {
        requestId: requestId.parse(action.value),
        channelId: body.container?.channel_id as string | undefined,
        messageTs: body.container?.message_ts as string | undefined,
      };
      // The seat request's reason modal, told apart by its callback and its label.
      const modal = denyModal(actor.locale, metadata);
      const [reasonBlock] = modal.blocks;
      const blocks =
        reasonBlock?.type === 'input'
          ? [{ ...reasonBlock, label: { type: 'plain_text' as const, text: texts.reasonLabel } }]
          : modal.blocks;
      await client.views.open({ trigger_id: body.trigger_id, view: { ...modal, callback_id: DENY_CALLBACK, blocks } });
    });
  });

  app.view(DENY_CALLBACK, async ({ ack, body, view, client }) => {
    const metadata = parseMetadata(metadataSchema, view.private_metadata);
    let locale: Locale = 'en';
    let organization: { id: string; locale: Locale } | undefined;
    let refusal: string | undefined;
    try {
      const who = await withinBudget(identify(deps.db, client, { teamId: body.team?.id ?? '', userId: body.user.id }));
      if (!who.linked) throw new AppError('chat.not_linked', {}, 'forbidden');
      locale = who.actor.locale;
      organization = who.organization;
      const { reason } = denyState.parse(view.state.values);
      await decideInviteRequest(deps.db, who.actor, { requestId: metadata.requestId ?? '?', decision: 'deny', reason });
    } catch (error) {
      // Shown on the reason field: "already decided by ...", "a reason is required", "only admins".
      refusal = errorText(error, locale, deps.log, 'invite request deny');
    }
    await ack(refusal ? { response_action: 'errors', errors: { reason: refusal } } : undefined);
    if (organization && metadata.requestId) {
      const card = { channel_id: metadata.channelId, message_ts: metadata.messageTs };
      await redraw(deps.db, client, organization.id, metadata.requestId, organization.locale, card);
    }
  });
}

/** Redraws the card the click came from, from the database: every admin sees the same card. */
async function redraw(
  db: Db,
  client: WebClient,
  organizationId: string,
  id: string,
  locale: Locale,
  container: { channel_id?: unknown; message_ts?: unknown } | undefined,
): Promise<void> {
  const channel = container?.channel_id;
  const ts = container?.message_ts;
  if (typeof channel !== 'string' || typeof ts !== 'string') return;
  const details = await inviteRequestDetails(db, organizationId, id);
  if (!details) return;
  await client.chat.update({ channel, ts, ...fitSlackMessage(inviteRequestCard(details, locale)) });
}
