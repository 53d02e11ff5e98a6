// The seat request card posted in the managers' channel: who asked, for whom (and, for external
// seats, from which companies), seats before and after, the billing notice; Approve, or Deny with
// a reason, while open; the decision once decided.

import { chatTexts } from '../../chat/rendering/texts.js';
import type { Locale } from '../../i18n/locale.js';
import { translate } from '../../i18n/messages.js';
import type { SeatRequestDetails } from '../../seats/seat-request-details.js';
import { escapeTeamsMarkdown } from '../markdown.js';
import { type AdaptiveCard, adaptiveCard, type Element, execute, small, text } from './adaptive.js';

export const seatVerbs = { approve: 'seat_approve', deny: 'seat_deny' } as const;

export function seatRequestCard(details: SeatRequestDetails, locale: Locale): AdaptiveCard {
  const texts = chatTexts(locale);
  const { request, kind } = details;
  // A few names, escaped, then how many more.
  const listed = (names: string[], total: number) =>
    `${escapeTeamsMarkdown(names.join(', '))}${total > names.length ? `, ${texts.andMore(total - names.length)}` : ''}`;
  const companies =
    details.companies.length > 0
      ? [{ title: texts.seatRequestCompanies, value: listed(details.companies, details.companyCount) }]
      : [];
  const body: Element[] = [
    text(texts.seatRequestTitle, { weight: 'Bolder', size: 'Large' }),
    text(
      texts.seatRequestText(
        escapeTeamsMarkdown(details.requestedByEmail),
        details.seats,
        escapeTeamsMarkdown(details.organizationName),
        kind,
      ),
    ),
    {
      type: 'FactSet',
      facts: [
        { title: texts.seatRequestFor, value: listed(details.invitees, details.inviteeCount) },
        ...companies,
        {
          title: kind === 'external' ? texts.externalSeatsLabel : texts.setupSeatsLabel,
          value: texts.seatsBeforeAfter(details.limitBefore, details.limitAfter, kind),
        },
      ],
    },
    small(texts.billingNotice(details.seats, kind)),
  ];
  // Managers deciding on cost must see that what they first read is no longer true.
  if (details.figuresChanged && request.status === 'PENDING') {
    const was = details.figuresChanged;
    body.push(
      small(translate(locale, 'seat_request.figures_changed', { before: was.limitBefore, after: was.limitAfter })),
    );
  }
  if (request.status === 'WITHDRAWN') {
    body.push(text(translate(locale, 'seat_request.withdrawn_card', {}), { weight: 'Bolder' }));
    return adaptiveCard(body);
  }
  if (request.status !== 'PENDING') {
    const by = escapeTeamsMarkdown(details.decidedByEmail ?? '?');
    body.push(
      text(
        request.status === 'APPROVED'
          ? texts.approved(by, details.limitAfter, kind)
          : texts.denied(by, escapeTeamsMarkdown(request.reason ?? '')),
        {
          weight: 'Bolder',
        },
      ),
    );
    return adaptiveCard(body);
  }
  body.push({ type: 'Input.Text', id: 'reason', label: texts.denyReasonLabel, isMultiline: true, maxLength: 500 });
  return adaptiveCard(body, [
    execute(texts.approve, seatVerbs.approve, { requestId: request.id }, 'positive'),
    execute(texts.deny, seatVerbs.deny, { requestId: request.id }, 'destructive'),
  ]);
}
