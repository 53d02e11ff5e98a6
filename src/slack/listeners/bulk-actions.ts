// The pending list's bulk actions on Slack: "Resend expired…" and "Revoke older…" replace the
// list with their confirmation (the count first, bulk-confirmation.ts); a number of days redraws
// it; the action's button (confirmed again by Slack's dialog) runs it on the same criteria and
// redraws the list with what was done on top; Back returns to the list unchanged.
import type { AllMiddlewareArgs, App, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { bulkDone } from '../../chat/rendering/bulk-action-texts.js';
import { pendingListState, pendingPage } from '../../chat/rendering/pending-list.js';
import { bulkOperations } from '../../invitations/bulk-actions.js';
import { asMember } from '../as-member.js';
import { bulkConfirmationMessage } from '../blocks/bulk-confirmation.js';
import { bulkActions, pendingList } from '../blocks/pending-list.js';
import type { SlackDeps } from '../deps.js';
import { escapeMrkdwn, reply } from '../reply.js';
import { parseJson } from '../view-state.js';

// The days are checked by the domain (one rule, one message); here they only have to be there.
const bulkValue = z.object({
  operation: z.enum(['resend', 'revoke']),
  days: z.unknown().optional(),
  expected: z.number().int().min(0).optional(),
  list: pendingListState,
});

type Step = 'preview' | 'run' | 'back';

type ButtonClick = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

export function registerBulkActions(app: App, deps: SlackDeps): void {
  const steps: [string | RegExp, Step][] = [
    [new RegExp(`^${bulkActions.open}:`), 'preview'],
    [new RegExp(`^${bulkActions.days}:`), 'preview'],
    [bulkActions.run, 'run'],
    [bulkActions.back, 'back'],
  ];
  for (const [actionId, step] of steps) {
    app.action<BlockAction<ButtonAction>>(actionId, async (click: ButtonClick) => {
      await click.ack();
      const { body } = click;
      const from = { teamId: body.team?.id, userId: body.user.id, responseUrl: body.response_url };
      await asMember(deps, click.client, from, `pending bulk ${step}`, async ({ actor, organization }, target) => {
        const value = bulkValue.parse(parseJson(click.action.value));
        const operation = bulkOperations[value.operation];
        if (step === 'preview') {
          const preview = await operation.preview(deps.db, actor, { days: value.days });
          return reply(target, bulkConfirmationMessage(value.operation, preview, value.list, actor.locale));
        }
        // A refusal of the run (a member who may not, forged days) is answered on its own by asMember.
        const result =
          step === 'run' ? await operation.run(deps.db, actor, { days: value.days, expected: value.expected }) : null;
        const notice = result ? escapeMrkdwn(bulkDone(value.operation, result, actor.locale)) : undefined;
        const shown = await pendingPage(deps.db, actor, value.list);
        await reply(target, pendingList(shown.page, organization, shown.filter, actor.locale, notice));
      });
    });
  }
}
