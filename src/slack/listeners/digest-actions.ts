// The digest's buttons in Slack: "Resend the expiring ones" (Slack's confirm dialog asked first)
// resends through the single resend, its cooldown applying, and answers the clicker with the
// outcome; Approve on a seat request posts the request's own card in the digest's thread (recorded,
// so the decision redraws it), whose Approve and Deny are the seat request's buttons. "Show
// pending" is the pending list's own page action (pending-actions.ts).
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { z } from 'zod';
import { digestTexts } from '../../chat/rendering/digest-texts.js';
import { recordChatPost, seatRequestSubject } from '../../chat/workspaces/chat-posts.js';
import { resendExpiring } from '../../digest/resend-expiring.js';
import { assertCanDecideSeatRequests } from '../../permissions/policy.js';
import { seatRequestDetails } from '../../seats/seat-request-details.js';
import { asMember } from '../as-member.js';
import { digestActions } from '../blocks/digest.js';
import { seatRequestCard } from '../blocks/seat-request-card.js';
import type { SlackDeps } from '../deps.js';
import { fitSlackMessage } from '../limits.js';
import { reply } from '../reply.js';

const requestId = z.uuid();

export function registerDigestActions(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(digestActions.resendExpiring, async ({ ack, body, client }) => {
    await ack();
    const request = { teamId: body.team?.id, userId: body.user.id, responseUrl: body.response_url };
    await asMember(deps, client, request, 'digest resend', async ({ actor }, target) => {
      const result = await resendExpiring(deps.db, actor);
      const t = digestTexts(actor.locale);
      await reply(target, {
        text: result.resent + result.cooldown + result.failed === 0 ? t.noneExpiring : t.resent(result),
      });
    });
  });

  app.action<BlockAction<ButtonAction>>(
    new RegExp(`^${digestActions.seatRequest}:`),
    async ({ ack, body, action, client }) => {
      await ack();
      const request = { teamId: body.team?.id, userId: body.user.id, responseUrl: body.response_url };
      await asMember(deps, client, request, 'digest seat request', async ({ actor, organization }, target) => {
        assertCanDecideSeatRequests(actor);
        const details = await seatRequestDetails(deps.db, organization.id, requestId.parse(action.value));
        const channel = body.channel?.id;
        if (!details || !channel) return reply(target, { text: digestTexts(actor.locale).seatRequestGone });
        const card = fitSlackMessage(seatRequestCard(details, organization.locale));
        const sent = await client.chat.postMessage({ channel, thread_ts: body.message?.ts, ...card });
        if (sent.channel && sent.ts && body.team?.id) {
          await recordChatPost(
            deps.db,
            { platform: 'slack', externalId: body.team.id },
            { subject: seatRequestSubject(details.request.id), channelId: sent.channel, messageId: sent.ts },
          );
        }
      });
    },
  );
}
