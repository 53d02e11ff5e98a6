// `/invite seats`: used, remaining, by user type, awaiting approval; the external seats apart
// (people of partner companies, on their own limit) once an owner has opened them or external
// members exist; and how members join (a password, or the organization's enterprise login).

import { membershipTexts } from '../../chat/rendering/membership-texts.js';
import { chatTexts } from '../../chat/rendering/texts.js';
import type { Locale } from '../../i18n/locale.js';
import type { EnterpriseLoginChoice } from '../../invitations/invite-form-choices.js';
import { userTypeName } from '../../organizations/catalogue.js';
import type { Organization } from '../../organizations/organization.js';
import type { SeatSummary } from '../../seats/seat-summary.js';
import { context, escapeMrkdwn, type SlackMessage, section } from '../reply.js';

export function seatsMessage(
  summary: SeatSummary,
  organization: Organization,
  locale: Locale,
  login: EnterpriseLoginChoice | null,
): SlackMessage {
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
      ...membershipSeatBlocks(summary, locale, login),
    ],
  };
}

/** The external seats (when there is anything to show) and the sign-in line, for /invite seats and the Home tab. */
export function membershipSeatBlocks(summary: SeatSummary, locale: Locale, login: EnterpriseLoginChoice | null) {
  const texts = membershipTexts(locale);
  const external = summary.external;
  const shown = external.limit > 0 || external.used > 0 || external.members > 0;
  const remaining = Math.max(0, external.limit - external.used);
  return [
    ...(shown
      ? [
          section(
            `${texts.externalSeatsHeading}\n${chatTexts(locale).seatsLine(external.used, external.limit, remaining)}`,
          ),
          context(texts.externalSeatsDetail(external.members, external.pending, external.awaitingApproval)),
        ]
      : []),
    // The provider's label is an owner's text: shown, never read as markup.
    context(texts.seatsSignIn(login && { ...login, label: escapeMrkdwn(login.label) })),
  ];
}
