// A form's problems (from the domain's checks) as one message per field, in the member's
// language: what Slack's `response_action: errors` and Teams' dialogs show above each field.
import type { Locale } from '../../i18n/locale.js';
import { type Notice, renderNotice } from '../../i18n/messages.js';

export function fieldErrors<F extends string>(
  problems: { field: F; problems: Notice[] }[],
  locale: Locale,
  /** Where the field is shown (a Slack block id); the field's own name by default. */
  placeOf: (field: F) => string = (field) => field,
): Record<string, string> {
  return Object.fromEntries(
    // 2,000 characters: Slack's limit for an error; Teams' dialogs are content with it too.
    problems.map((p) => [
      placeOf(p.field),
      p.problems
        .map((n) => renderNotice(locale, n))
        .join(' ')
        .slice(0, 2000),
    ]),
  );
}
