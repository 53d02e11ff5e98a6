// `/invite seats`: used, remaining, by user type, awaiting approval.

import { chatTexts } from '../../chat/rendering/texts.js';
import type { Locale } from '../../i18n/locale.js';
import { userTypeName } from '../../organizations/catalogue.js';
import type { Organization } from '../../organizations/organization.js';
import type { SeatSummary } from '../../seats/seat-summary.js';
import { context, escapeMrkdwn, type SlackMessage, section } from '../reply.js';

export function seatsMessage(summary: SeatSummary, organization: Organization, locale: Locale): SlackMessage {
  const texts = chatTexts(locale);
  const byType = Object.entries(summary.byUserType)
    .map(([key, count]) => `${userTypeName(organization.catalogue, key, locale)}: ${count}`)
    .join(' · ');
  const line = texts.seatsLine(summary.used, summary.limit, summary.remaining);
  return {
    text: `${texts.seatsHeading(escapeMrkdwn(organization.name)).replace(/\*/g, '')}: ${line}`,
    blocks: [
      section(`${texts.seatsHeading(escapeMrkdwn(organization.name))}\n${line}`),
      context(texts.seatsDetail(summary.members, summary.pending, summary.awaitingApproval, summary.openSeatRequests)),
      ...(byType ? [context(`${texts.byUserType}: ${byType}`)] : []),
    ],
  };
}
