// The seat request card in the managers' channel: who asked, for whom (and, for external seats,
// from which companies), seats before and after, the billing notice, and Approve/Deny while it is
// open; who decided once it is not.
import type { KnownBlock } from '@slack/types';
import { chatTexts } from '../../chat/rendering/texts.js';
import type { Locale } from '../../i18n/locale.js';
import { translate } from '../../i18n/messages.js';
import type { SeatRequestDetails } from '../../seats/seat-request-details.js';
import { context, escapeMrkdwn, section } from '../reply.js';

export const seatActions = { approve: 'seat_approve', deny: 'seat_deny' } as const;

export function seatRequestCard(details: SeatRequestDetails, locale: Locale): { text: string; blocks: KnownBlock[] } {
  const texts = chatTexts(locale);
  const { request, kind } = details;
  const headline = texts.seatRequestText(
    escapeMrkdwn(details.requestedByEmail),
    details.seats,
    escapeMrkdwn(details.organizationName),
    kind,
  );
  // A few names, escaped, then how many more.
  const listed = (names: string[], total: number) =>
    `${escapeMrkdwn(names.join(', '))}${total > names.length ? `, ${texts.andMore(total - names.length)}` : ''}`;
  const companies: KnownBlock[] =
    details.companies.length > 0
      ? [section(`*${texts.seatRequestCompanies}*\n${listed(details.companies, details.companyCount)}`)]
      : [];
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: texts.seatRequestTitle } },
    section(headline),
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*${texts.seatRequestFor}*\n${listed(details.invitees, details.inviteeCount)}` },
        { type: 'mrkdwn', text: `*${texts.seatsBeforeAfter(details.limitBefore, details.limitAfter, kind)}*` },
      ],
    },
    ...companies,
    context(texts.billingNotice(details.seats, kind)),
  ];
  // Managers deciding on cost must see that what they first read is no longer true.
  if (details.figuresChanged && request.status === 'PENDING') {
    const was = details.figuresChanged;
    blocks.push(
      context(translate(locale, 'seat_request.figures_changed', { before: was.limitBefore, after: was.limitAfter })),
    );
  }
  if (request.status === 'PENDING') {
    blocks.push({
      type: 'actions',
      block_id: `seat_request:${request.id}`,
      elements: [
        {
          type: 'button',
          action_id: seatActions.approve,
          style: 'primary',
          text: { type: 'plain_text', text: texts.approve },
          value: request.id,
          confirm: {
            title: { type: 'plain_text', text: texts.approve },
            text: { type: 'plain_text', text: texts.approveConfirm(details.seats, details.limitAfter, kind) },
            confirm: { type: 'plain_text', text: texts.approve },
            deny: { type: 'plain_text', text: texts.cancel },
          },
        },
        {
          type: 'button',
          action_id: seatActions.deny,
          style: 'danger',
          text: { type: 'plain_text', text: texts.deny },
          value: request.id,
        },
      ],
    });
  } else if (request.status === 'WITHDRAWN') {
    blocks.push(section(translate(locale, 'seat_request.withdrawn_card', {})));
  } else {
    const by = escapeMrkdwn(details.decidedByEmail ?? '?');
    blocks.push(
      section(
        request.status === 'APPROVED'
          ? texts.approved(by, details.limitAfter, kind)
          : texts.denied(by, escapeMrkdwn(request.reason ?? '')),
      ),
    );
  }
  return { text: `${texts.seatRequestTitle}: ${headline.replace(/\*/g, '')}`, blocks };
}
