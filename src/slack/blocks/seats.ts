// `/invite seats`: used, remaining, by user type, awaiting approval.

import { chatTexts } from '../../chat/rendering/texts.js';
import type { Locale } from '../../i18n/locale.js';
import { userTypeName } from '../../organizations/catalogue.js';
import type { Organization } from '../../organizations/organization.js';
import type { SeatSummary } from '../../seats/seat-summary.js';
import { context, escapeMrkdwn, type SlackMessage, section } from '../reply.js';

export function seatsMessage(summary: SeatSummary, organization: Organization, locale: Locale): SlackMessage {
  const s = chatTexts(locale);
  const byType = Object.entries(summary.byUserType)
    .map(([key, count]) => `${userTypeName(organization.catalogue, key, locale)}: ${count}`)
    .join(' · ');
  const line = s.seatsLine(summary.used, summary.limit, summary.remaining);
  return {
    text: `${s.seatsHeading(escapeMrkdwn(organization.name)).replace(/\*/g, '')}: ${line}`,
    blocks: [
      section(`${s.seatsHeading(escapeMrkdwn(organization.name))}\n${line}`),
      context(s.seatsDetail(summary.members, summary.pending, summary.awaitingApproval, summary.openSeatRequests)),
      ...(byType ? [context(`${s.byUserType}: ${byType}`)] : []),
    ],
  };
}
