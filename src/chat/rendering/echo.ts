// What a user typed, quoted back to them in a chat message: cut to a length that fits any message
// (a 1 MB command text was echoed whole), the cut said with "…" and how much was left out, and
// escaped so that it is shown and never read as markup (<!here>, <http://x|label>).
import type { Locale } from '../../i18n/locale.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { chatTexts } from './texts.js';

/** Long enough to recognize what was typed; short enough for any message, field error or card. */
export const ECHO_MAX = 200;

/** The text cut to `max` characters (code points: an emoji is never cut in half), with the count left out. */
export function clipInput(text: string, locale: Locale, max = ECHO_MAX): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return chars.slice(0, max).join('') + chatTexts(locale).leftOut(chars.length - max);
}

/** In Slack's mrkdwn (Teams escapes with its own escapeTeamsMarkdown, over clipInput). */
export const echoInput = (text: string, locale: Locale, max = ECHO_MAX): string =>
  escapeMrkdwn(clipInput(text, locale, max));
