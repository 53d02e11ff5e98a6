// The seat request card in the managers' channel: who asked, for whom, seats before and after,
// the billing notice, and Approve/Deny while it is open; who decided once it is not.
import type { KnownBlock } from '@slack/types';
import { chatTexts } from '../../chat/rendering/texts.js';
import type { Locale } from '../../i18n/locale.js';
import { t } from '../../i18n/messages.js';
import type { SeatRequestDetails } from '../../seats/seat-request-details.js';
import { context, escapeMrkdwn, section } from '../reply.js';

export const seatActions = { approve: 'seat_approve', deny: 'seat_deny' } as const;

export function seatRequestCard(d: SeatRequestDetails, locale: Locale): { text: string; blocks: KnownBlock[] } {
  const s = chatTexts(locale);
  const r = d.request;
  const headline = s.seatRequestText(escapeMrkdwn(d.requestedByEmail), d.seats, escapeMrkdwn(d.organizationName));
  const more = d.inviteeCount > d.invitees.length ? `, ${s.andMore(d.inviteeCount - d.invitees.length)}` : '';
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: s.seatRequestTitle } },
    section(headline),
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*${s.seatRequestFor}*\n${escapeMrkdwn(d.invitees.join(', '))}${more}` },
        { type: 'mrkdwn', text: `*${s.seatsBeforeAfter(d.limitBefore, d.limitAfter)}*` },
      ],
    },
    context(s.billingNotice(d.seats)),
  ];
  // Managers deciding on cost must see that what they first read is no longer true.
  if (d.figuresChanged && r.status === 'PENDING') {
    const was = d.figuresChanged;
    blocks.push(context(t(locale, 'seat_request.figures_changed', { before: was.limitBefore, after: was.limitAfter })));
  }
  if (r.status === 'PENDING') {
    blocks.push({
      type: 'actions',
      block_id: `seat_request:${r.id}`,
      elements: [
        {
          type: 'button',
          action_id: seatActions.approve,
          style: 'primary',
          text: { type: 'plain_text', text: s.approve },
          value: r.id,
          confirm: {
            title: { type: 'plain_text', text: s.approve },
            text: { type: 'plain_text', text: s.approveConfirm(d.seats, d.limitAfter) },
            confirm: { type: 'plain_text', text: s.approve },
            deny: { type: 'plain_text', text: s.cancel },
          },
        },
        {
          type: 'button',
          action_id: seatActions.deny,
          style: 'danger',
          text: { type: 'plain_text', text: s.deny },
          value: r.id,
        },
      ],
    });
  } else if (r.status === 'WITHDRAWN') {
    blocks.push(section(t(locale, 'seat_request.withdrawn_card', {})));
  } else {
    const by = escapeMrkdwn(d.decidedByEmail ?? '?');
    blocks.push(
      section(r.status === 'APPROVED' ? s.approved(by, d.limitAfter) : s.denied(by, escapeMrkdwn(r.reason ?? ''))),
    );
  }
  return { text: `${s.seatRequestTitle}: ${headline.replace(/\*/g, '')}`, blocks };
}
