// The managers' channel digest as an Adaptive Card: the items, the seat requests waiting each with
// an Approve button (answered with the request's own card), the seats, and "Resend the expiring
// ones" (which asks first, with the count) and "Show pending" (the pending list's own page verb).
import { digestLines, digestTexts } from '../../chat/rendering/digest-texts.js';
import type { DigestSummary } from '../../digest/digest-summary.js';
import type { Locale } from '../../i18n/locale.js';
import { escapeTeamsMarkdown } from '../markdown.js';
import { type AdaptiveCard, adaptiveCard, type Element, execute, small, text } from './adaptive.js';
import { pendingVerbs } from './pending-card.js';

export const digestVerbs = {
  /** Asks to confirm, with the count. */
  askResend: 'digest_resend_ask',
  resendExpiring: 'digest_resend_expiring',
  show: 'digest_show',
  seatRequest: 'digest_seat_request',
} as const;

/** The seat requests shown with a button each: the card stays well under Teams' 28 KB. */
const SHOWN_REQUESTS = 20;

export function digestCard(summary: DigestSummary, locale: Locale, notice?: string): AdaptiveCard {
  const t = digestTexts(locale);
  const lines = digestLines(summary, locale, escapeTeamsMarkdown);
  const requests: Element[] = summary.seatRequests.slice(0, SHOWN_REQUESTS).map((request, index) => ({
    type: 'ColumnSet',
    columns: [
      { type: 'Column', width: 'stretch', items: [text(`• ${lines.seatRequests[index]}`)] },
      {
        type: 'Column',
        width: 'auto',
        items: [
          {
            type: 'ActionSet',
            actions: [execute(t.approve, digestVerbs.seatRequest, { id: request.id }, 'positive')],
          },
        ],
      },
    ],
  }));
  const actions = [
    ...(summary.expiringSoon > 0 ? [execute(t.resendExpiring, digestVerbs.askResend)] : []),
    ...(summary.pending > 0
      ? [execute(t.showPending, pendingVerbs.page, { list: { status: ['PENDING'], page: 1 } })]
      : []),
  ];
  return adaptiveCard(
    [
      ...(notice ? [text(notice)] : []),
      text(`**${lines.title}**`, { size: 'Medium' }),
      small(lines.period),
      ...lines.items.map((item) => text(`• ${item}`, { spacing: 'None' })),
      ...requests,
      ...lines.seats.map((seats) => small(seats)),
    ],
    actions,
  );
}

/** "Resend the N expiring ones?": Resend, or Cancel back to the digest. */
export function resendExpiringConfirmation(summary: DigestSummary, locale: Locale): AdaptiveCard {
  const t = digestTexts(locale);
  return adaptiveCard(
    [text(`**${t.confirmTitle}**`), text(t.confirmText(summary.expiringSoon))],
    [execute(t.confirmYes, digestVerbs.resendExpiring, {}, 'destructive'), execute(t.confirmNo, digestVerbs.show)],
  );
}
