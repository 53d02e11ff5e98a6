// The seat request card posted in the managers' channel: who asked, for whom, seats before and
// after, the billing notice; Approve, or Deny with a reason, while open; the decision once decided.

import { chatTexts } from '../../chat/rendering/texts.js';
import type { Locale } from '../../i18n/locale.js';
import { t } from '../../i18n/messages.js';
import type { SeatRequestDetails } from '../../seats/seat-request-details.js';
import { escapeTeamsMarkdown } from '../markdown.js';
import { type AdaptiveCard, adaptiveCard, type Element, execute, small, text } from './adaptive.js';

export const seatVerbs = { approve: 'seat_approve', deny: 'seat_deny' } as const;

export function seatRequestCard(d: SeatRequestDetails, locale: Locale): AdaptiveCard {
  const s = chatTexts(locale);
  const r = d.request;
  const more = d.inviteeCount > d.invitees.length ? `, ${s.andMore(d.inviteeCount - d.invitees.length)}` : '';
  const body: Element[] = [
    text(s.seatRequestTitle, { weight: 'Bolder', size: 'Large' }),
    text(s.seatRequestText(escapeTeamsMarkdown(d.requestedByEmail), d.seats, escapeTeamsMarkdown(d.organizationName))),
    {
      type: 'FactSet',
      facts: [
        { title: s.seatRequestFor, value: `${escapeTeamsMarkdown(d.invitees.join(', '))}${more}` },
        { title: s.setupSeatsLabel, value: s.seatsBeforeAfter(d.limitBefore, d.limitAfter) },
      ],
    },
    small(s.billingNotice(d.seats)),
  ];
  // Managers deciding on cost must see that what they first read is no longer true.
  if (d.figuresChanged && r.status === 'PENDING') {
    const was = d.figuresChanged;
    body.push(small(t(locale, 'seat_request.figures_changed', { before: was.limitBefore, after: was.limitAfter })));
  }
  if (r.status === 'WITHDRAWN') {
    body.push(text(t(locale, 'seat_request.withdrawn_card', {}), { weight: 'Bolder' }));
    return adaptiveCard(body);
  }
  if (r.status !== 'PENDING') {
    const by = escapeTeamsMarkdown(d.decidedByEmail ?? '?');
    body.push(
      text(r.status === 'APPROVED' ? s.approved(by, d.limitAfter) : s.denied(by, escapeTeamsMarkdown(r.reason ?? '')), {
        weight: 'Bolder',
      }),
    );
    return adaptiveCard(body);
  }
  body.push({ type: 'Input.Text', id: 'reason', label: s.denyReasonLabel, isMultiline: true, maxLength: 500 });
  return adaptiveCard(body, [
    execute(s.approve, seatVerbs.approve, { requestId: r.id }, 'positive'),
    execute(s.deny, seatVerbs.deny, { requestId: r.id }, 'destructive'),
  ]);
}
