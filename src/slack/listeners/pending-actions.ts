// Buttons of the pending list: Resend, Revoke (confirmed by Slack's dialog first), Previous/Next.
// The list is redrawn in place with the outcome on top.
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { z } from 'zod';
import { type InvitationFilter, listInvitations } from '../../invitations/list-invitations.js';
import { resendInvitation } from '../../invitations/resend.js';
import { revokeInvitation } from '../../invitations/revoke.js';
import { PENDING_PAGE_SIZE, pendingActions, pendingList } from '../blocks/pending-list.js';
import type { SlackDeps } from '../deps.js';
import { identify } from '../identify.js';
import { errorText, escapeMrkdwn, reply } from '../reply.js';
import { slackTexts } from '../texts.js';

const listState = z
  .object({
    status: z.array(z.enum(['PENDING', 'AWAITING_APPROVAL', 'ACCEPTED', 'REVOKED', 'EXPIRED', 'CANCELLED'])).optional(),
    role: z.string().max(100).optional(),
    userType: z.string().max(100).optional(),
    inviter: z.string().max(254).optional(),
    expiringWithinDays: z.number().int().min(0).max(365).optional(),
    search: z.string().max(200).optional(),
    page: z.number().int().min(1).optional(),
  })
  .catch({});
const rowValue = z.object({ id: z.uuid(), list: listState });

type Operation = 'resend' | 'revoke' | 'page';

export function registerPendingActions(app: App, deps: SlackDeps): void {
  const handle =
    (operation: Operation) =>
    async ({
      ack,
      body,
      action,
      client,
    }: {
      ack: () => Promise<void>;
      body: BlockAction;
      action: ButtonAction;
      client: import('@slack/web-api').WebClient;
    }) => {
      await ack();
      const target = { client, userId: body.user.id, responseUrl: body.response_url };
      let locale: 'en' | 'fr' = 'en';
      try {
        const who = await identify(deps.db, client, { teamId: body.team?.id ?? '', userId: body.user.id });
        if (!who.linked) return;
        const { actor } = who;
        locale = actor.locale;
        const s = slackTexts(locale);
        let filter: InvitationFilter;
        let notice: string | undefined;
        if (operation === 'page') {
          filter = listState.parse(safeJson(action.value));
        } else {
          const value = rowValue.parse(safeJson(action.value));
          filter = value.list;
          try {
            const invitation =
              operation === 'resend'
                ? await resendInvitation(deps.db, actor, value.id)
                : await revokeInvitation(deps.db, actor, value.id);
            notice = escapeMrkdwn(operation === 'resend' ? s.resent(invitation.email) : s.revoked(invitation.email));
          } catch (error) {
            // A refusal (cooldown, already revoked) is shown above the list, which is redrawn.
            notice = `⚠️ ${escapeMrkdwn(errorText(error, locale, deps.log, `pending ${operation}`))}`;
          }
        }
        const page = await listInvitations(deps.db, actor, { ...filter, pageSize: PENDING_PAGE_SIZE });
        await reply(target, pendingList(page, who.organization, filter, locale, notice));
      } catch (error) {
        await reply(target, { text: errorText(error, locale, deps.log, `pending ${operation}`) });
      }
    };
  app.action<BlockAction<ButtonAction>>(pendingActions.resend, handle('resend'));
  app.action<BlockAction<ButtonAction>>(pendingActions.revoke, handle('revoke'));
  app.action<BlockAction<ButtonAction>>(new RegExp(`^${pendingActions.page}:`), handle('page'));
}

const safeJson = (text: string | undefined): unknown => {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return undefined;
  }
};
