// The figures of a summary message, the same on every platform: counts, the first addresses
// escaped for the platform's markup, how many more, and the platform's pending-list command.
import type { OutcomeSummary } from '../i18n/notification-texts.js';
import type { ChatNotification } from './notification.js';
import { addressesInSummary } from './outcome-policy.js';

export function outcomeSummaryOf(
  n: Extract<ChatNotification, { type: 'invitation.outcomes' }>,
  escapeText: (text: string) => string,
  pendingCommand: string,
): OutcomeSummary {
  const total = Object.values(n.counts).reduce((sum, count) => sum + count, 0);
  const shownEmails = n.firstEmails.slice(0, addressesInSummary).map(escapeText);
  return { counts: n.counts, total, shownEmails, more: Math.max(0, total - shownEmails.length), pendingCommand };
}
