// Buttons of the pending list: Resend, Revoke (confirmed by Slack's dialog first), Previous/Next.
// The list is redrawn in place with the outcome on top.
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { z } from 'zod';
import { pendingListState, pendingPage } from '../../chat/rendering/pending-list.js';
import { chatTexts } from '../../chat/rendering/texts.js';
import type { InvitationFilter } from '../../invitations/list-invitations.js';
import { resendInvitation } from '../../invitations/resend.js';
import { revokeInvitation } from '../../invitations/revoke.js';
import { asMember } from '../as-member.js';
import { pendingActions, pendingList } from '../blocks/pending-list.js';
import type { SlackDeps } from '../deps.js';
import { errorText, escapeMrkdwn, reply } from '../reply.js';
import { parseJson } from '../view-state.js';

const rowValue = z.object({ id: z.uuid(), list: pendingListState });

type Operation = 'resend' | 'revoke' | 'page';

export function registerPendingActions(app: App, deps: SlackDeps): void {
  const handle =
    (operation: Operation) =>
    async ({
      ack,
      body,
      action,
      client,
    }: Parameters<Parameters<typeof app.action<BlockAction<ButtonAction>>>[1]>[0]) => {
      await ack();
      const request = { teamId: body.team?.id, userId: body.user.id, responseUrl: body.response_url };
      await asMember(deps, client, request, `pending ${operation}`, async ({ actor, organization }, target) => {
        const texts = chatTexts(actor.locale);
        let filter: InvitationFilter;
        let notice: string | undefined;
        if (operation === 'page') {
          filter = pendingListState.parse(parseJson(action.value));
        } else {
          const value = rowValue.parse(parseJson(action.value));
          filter = value.list;
          try {
            const invitation =
              operation === 'resend'
                ? await resendInvitation(deps.db, actor, value.id)
                : await revokeInvitation(deps.db, actor, value.id);
            notice = escapeMrkdwn(
              operation === 'resend' ? texts.resent(invitation.email) : texts.revoked(invitation.email),
            );
          } catch (error) {
            // A refusal (cooldown, already revoked) is shown above the list, which is redrawn.
            notice = `⚠️ ${escapeMrkdwn(errorText(error, actor.locale, deps.log, `pending ${operation}`))}`;
          }
        }
        const shown = await pendingPage(deps.db, actor, filter);
        await reply(target, pendingList(shown.page, organization, shown.filter, actor.locale, notice));
      });
    };
  app.action<BlockAction<ButtonAction>>(pendingActions.resend, handle('resend'));
  app.action<BlockAction<ButtonAction>>(pendingActions.revoke, handle('revoke'));
  app.action<BlockAction<ButtonAction>>(new RegExp(`^${pendingActions.page}:`), handle('page'));
}
