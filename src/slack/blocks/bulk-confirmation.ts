// The confirmation of a pending list's bulk action, in place of the list: the count first, a few
// addresses, what is held or left out; a row of days to look back over (each redraws the count);
// the action's button, which Slack confirms again with the count (its `confirm` dialog); and the
// way back to the list. Every button carries what it needs (operation, days, the list's filter):
// the message is ephemeral, so a click sees nothing of the message but its own value.
import type { KnownBlock } from '@slack/types';
import {
  BULK_DAY_CHOICES,
  type BulkOperation,
  bulkActionTexts,
  bulkConfirmation,
} from '../../chat/rendering/bulk-action-texts.js';
import { chatTexts } from '../../chat/rendering/texts.js';
import type { Locale } from '../../i18n/locale.js';
import type { BulkResendPreview } from '../../invitations/bulk-resend-expired.js';
import type { BulkRevokePreview } from '../../invitations/bulk-revoke-stale.js';
import type { InvitationFilter } from '../../invitations/list-invitations.js';
import { clipTo } from '../limits.js';
import { context, escapeMrkdwn, type SlackMessage, section } from '../reply.js';
import { bulkActions, plainText } from './pending-list.js';

export function bulkConfirmationMessage(
  operation: BulkOperation,
  preview: BulkResendPreview | BulkRevokePreview,
  list: InvitationFilter,
  locale: Locale,
): SlackMessage {
  const texts = bulkActionTexts(locale);
  const [question = '', ...details] = bulkConfirmation(operation, preview, locale, escapeMrkdwn);
  const title = operation === 'resend' ? texts.resendTitle : texts.revokeTitle;
  const value = (more: Record<string, unknown>) => JSON.stringify({ operation, list, ...more });
  const blocks: KnownBlock[] = [section(`*${title}*\n${question}`)];
  if (details.length > 0) blocks.push(context(details.join('\n')));
  blocks.push({
    type: 'actions',
    block_id: 'pending_bulk_days',
    elements: BULK_DAY_CHOICES.map((days) => ({
      type: 'button' as const,
      action_id: `${bulkActions.days}:${days}`,
      text: plainText(texts.dayChoice(operation, days)),
      value: value({ days }),
      ...(days === preview.days ? { style: 'primary' as const } : {}),
    })),
  });
  const run = operation === 'resend' ? texts.resendRun(preview.count) : texts.revokeRun(preview.count);
  blocks.push({
    type: 'actions',
    block_id: 'pending_bulk_confirm',
    elements: [
      ...(preview.count > 0
        ? [
            {
              type: 'button' as const,
              action_id: bulkActions.run,
              style: operation === 'revoke' ? ('danger' as const) : ('primary' as const),
              text: plainText(run),
              // The count confirmed travels along: the outcome says if it changed meanwhile.
              value: value({ days: preview.days, expected: preview.count }),
              confirm: {
                title: plainText(
                  operation === 'resend'
                    ? texts.resendConfirmTitle(preview.count)
                    : texts.revokeConfirmTitle(preview.count),
                ),
                text: plainText(clipTo(question, 300)),
                confirm: plainText(clipTo(run, 30)),
                deny: plainText(chatTexts(locale).cancel),
                ...(operation === 'revoke' ? { style: 'danger' as const } : {}),
              },
            },
          ]
        : []),
      { type: 'button', action_id: bulkActions.back, text: plainText(texts.back), value: value({}) },
    ],
  });
  return { text: `${title}: ${question}`, blocks, replaceOriginal: true };
}
