// The managers' channel digest in Block Kit: a header, the items, the seat requests waiting each
// with its Approve button (which brings up the request's own card), the seats, and the buttons
// "Resend the expiring ones" (confirmed by Slack's dialog, with the count) and "Show pending"
// (the pending list's own paging action, so the list's handler answers it).
import type { KnownBlock } from '@slack/types';
import { digestLines, digestTexts } from '../../chat/rendering/digest-texts.js';
import type { DigestSummary } from '../../digest/digest-summary.js';
import type { Locale } from '../../i18n/locale.js';
import { SLACK_LIMITS } from '../limits.js';
import { context, escapeMrkdwn, section } from '../reply.js';
import { pendingActions } from './pending-list.js';

export const digestActions = { resendExpiring: 'digest_resend_expiring', seatRequest: 'digest_seat_request' } as const;

const plainText = (text: string) => ({ type: 'plain_text' as const, text: text.slice(0, 75) });

/** The seat requests shown with a button each; the message keeps well under Slack's 50 blocks. */
const SHOWN_REQUESTS = 20;

export function digestMessage(summary: DigestSummary, locale: Locale): { text: string; blocks: KnownBlock[] } {
  const t = digestTexts(locale);
  const lines = digestLines(summary, locale, escapeMrkdwn);
  const requests: KnownBlock[] = summary.seatRequests.slice(0, SHOWN_REQUESTS).map((request, index) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: `• ${lines.seatRequests[index]}` },
    accessory: {
      type: 'button',
      action_id: `${digestActions.seatRequest}:${index}`,
      text: plainText(t.approve),
      style: 'primary',
      value: request.id,
    },
  }));
  const buttons = [
    ...(summary.expiringSoon > 0
      ? [
          {
            type: 'button' as const,
            action_id: digestActions.resendExpiring,
            text: plainText(t.resendExpiring),
            value: 'expiring',
            confirm: {
              title: plainText(t.confirmTitle),
              text: { type: 'plain_text' as const, text: t.confirmText(summary.expiringSoon).slice(0, 300) },
              confirm: plainText(t.confirmYes),
              deny: plainText(t.confirmNo),
            },
          },
        ]
      : []),
    ...(summary.pending > 0
      ? [
          {
            type: 'button' as const,
            action_id: `${pendingActions.page}:digest`,
            text: plainText(t.showPending),
            value: JSON.stringify({ status: ['PENDING'], page: 1 }),
          },
        ]
      : []),
  ];
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: t.title(summary.organizationName).slice(0, 150) } },
    context(lines.period),
    section(
      lines.items
        .map((item) => `• ${item}`)
        .join('\n')
        .slice(0, SLACK_LIMITS.sectionText),
    ),
    ...requests,
    context(lines.seats.join('  ·  ')),
    ...(buttons.length > 0 ? [{ type: 'actions' as const, block_id: 'digest_actions', elements: buttons }] : []),
  ];
  return { text: `${lines.title}: ${lines.items.join('; ')}`, blocks };
}
