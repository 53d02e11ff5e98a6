// The confirmation of a pending list's bulk action on Teams, in place of the list: the count
// first, a few addresses, what is held or left out; the days to look back over (Count again shows
// the count for another choice); the action's button, and the way back to the list. The button
// carries the days and the count shown, so the run acts on what was confirmed.
import {
  BULK_DAY_CHOICES,
  type BulkOperation,
  bulkActionTexts,
  bulkConfirmation,
} from '../../chat/rendering/bulk-action-texts.js';
import type { Locale } from '../../i18n/locale.js';
import type { BulkResendPreview } from '../../invitations/bulk-resend-expired.js';
import type { BulkRevokePreview } from '../../invitations/bulk-revoke-stale.js';
import type { InvitationFilter } from '../../invitations/list-invitations.js';
import { escapeTeamsMarkdown } from '../markdown.js';
import { type AdaptiveCard, adaptiveCard, execute, small, text } from './adaptive.js';
import { bulkVerbs } from './pending-card.js';

/** The id of the days input: apart from the button's own `days`, which is what was counted. */
export const CHOSEN_DAYS_INPUT = 'chosenDays';

export function bulkConfirmationCard(
  operation: BulkOperation,
  preview: BulkResendPreview | BulkRevokePreview,
  list: InvitationFilter,
  locale: Locale,
): AdaptiveCard {
  const texts = bulkActionTexts(locale);
  const [question = '', ...details] = bulkConfirmation(operation, preview, locale, escapeTeamsMarkdown);
  const days = preview.days;
  return adaptiveCard(
    [
      text(operation === 'resend' ? texts.resendTitle : texts.revokeTitle, { weight: 'Bolder', size: 'Medium' }),
      text(question),
      ...details.map(small),
      {
        type: 'Input.ChoiceSet',
        id: CHOSEN_DAYS_INPUT,
        label: texts.daysLabel,
        value: String(days),
        choices: BULK_DAY_CHOICES.map((n) => ({ title: texts.dayChoice(operation, n), value: String(n) })),
      },
    ],
    [
      execute(texts.recount, bulkVerbs.preview, { operation, list }),
      ...(preview.count > 0
        ? [
            execute(
              operation === 'resend' ? texts.resendRun(preview.count) : texts.revokeRun(preview.count),
              bulkVerbs.run,
              { operation, days, expected: preview.count, list },
              operation === 'revoke' ? 'destructive' : 'positive',
            ),
          ]
        : []),
      execute(texts.back, bulkVerbs.back, { operation, list }),
    ],
  );
}
