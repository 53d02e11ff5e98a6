// How the outcomes of an inviter's invitations are counted in words ("2 accepted, 1 bounced"),
// in English and French: one definition for the chat summary and the e-mail notice.
import type { OutcomeCounts } from '../notifications/notification.js';
import type { Locale } from './locale.js';

const s = (n: number) => (n > 1 ? 's' : '');

/** The outcomes that happened, each with its count, in a fixed order. */
export function outcomeParts(locale: Locale, c: OutcomeCounts): string[] {
  const accepted = c['invitation.accepted'];
  const expired = c['invitation.expired'];
  const bounced = c['invitation.bounced'];
  const undeliverable = c['invitation.undeliverable'];
  const parts =
    locale === 'fr'
      ? [
          accepted > 0 && `${accepted} acceptée${s(accepted)}`,
          expired > 0 && `${expired} expirée${s(expired)}`,
          bounced > 0 && `${bounced} rejetée${s(bounced)} par la messagerie`,
          undeliverable > 0 && `${undeliverable} non envoyée${s(undeliverable)}`,
        ]
      : [
          accepted > 0 && `${accepted} accepted`,
          expired > 0 && `${expired} expired`,
          bounced > 0 && `${bounced} bounced`,
          undeliverable > 0 && `${undeliverable} could not be sent`,
        ];
  return parts.filter((part): part is string => Boolean(part));
}
