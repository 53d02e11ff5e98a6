// The `seats` card: the plan's seats (used, remaining, by user type, awaiting approval), the
// external seats apart when the organization has some (people of partner companies count against
// their own limit), and how members join (a password, the enterprise login, or either).
import { membershipTexts } from '../../chat/rendering/membership-texts.js';
import { chatTexts } from '../../chat/rendering/texts.js';
import type { Locale } from '../../i18n/locale.js';
import type { EnterpriseLoginChoice } from '../../invitations/invite-form-choices.js';
import { userTypeName } from '../../organizations/catalogue.js';
import type { Organization } from '../../organizations/organization.js';
import type { SeatSummary } from '../../seats/seat-summary.js';
import { escapeTeamsMarkdown } from '../markdown.js';
import { type AdaptiveCard, adaptiveCard, type Element, small, text } from './adaptive.js';

export function seatsCard(
  summary: SeatSummary,
  organization: Pick<Organization, 'name' | 'catalogue'>,
  login: EnterpriseLoginChoice | null,
  locale: Locale,
): AdaptiveCard {
  const texts = chatTexts(locale);
  const words = membershipTexts(locale);
  const byType = Object.entries(summary.byUserType)
    .map(([key, count]) => `${userTypeName(organization.catalogue, key, locale)}: ${count}`)
    .join(' · ');
  const external = summary.external;
  // An organization without external seats or people is not told about them.
  const hasExternal = external.limit > 0 || external.used > 0 || external.awaitingApproval > 0;
  const body: Element[] = [
    text(texts.seatsHeading(escapeTeamsMarkdown(organization.name)), { weight: 'Bolder' }),
    text(texts.seatsLine(summary.used, summary.limit, summary.remaining)),
    small(texts.seatsDetail(summary.members, summary.pending, summary.awaitingApproval, summary.openSeatRequests)),
    ...(byType ? [small(`${texts.byUserType}: ${byType}`)] : []),
    ...(hasExternal
      ? [
          text(words.externalSeatsHeading, { separator: true }),
          text(texts.seatsLine(external.used, external.limit, Math.max(0, external.limit - external.used))),
          small(words.externalSeatsDetail(external.members, external.pending, external.awaitingApproval)),
        ]
      : []),
    small(words.seatsSignIn(login ? { ...login, label: escapeTeamsMarkdown(login.label) } : null)),
  ];
  return adaptiveCard(body);
}
