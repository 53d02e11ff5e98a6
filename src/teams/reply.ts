// Answers in Teams: domain refusals become their message in the member's language (in Teams' own
// words where the shared text speaks of Slack), Teams' failures and unreadable cards theirs;
// anything else is logged and answered with a neutral line (never a stack trace).
import { clipInput } from '../chat/rendering/echo.js';
import { chatTexts } from '../chat/rendering/texts.js';
import { isAppError } from '../errors/app-error.js';
import type { Locale } from '../i18n/locale.js';
import { translate } from '../i18n/messages.js';
import type { Logger } from '../log/logger.js';
import { type AdaptiveCard, cardAttachment } from './cards/adaptive.js';
import type { TeamsTurn } from './deps.js';
import { escapeTeamsMarkdown, toTeamsMarkdown } from './markdown.js';
import { BadSubmissionError, TeamsUnreachableError } from './teams-errors.js';
import { teamsTexts } from './teams-texts.js';

/** Refusals whose shared text names Slack, a workspace or `/invite`: Teams says its own. */
const teamsWords: Record<string, (locale: Locale, params: Record<string, unknown>) => string> = {
  'chat.no_verified_email': (locale) => teamsTexts(locale).noTeamsEmail,
  'chat.already_linked': (locale, p) => teamsTexts(locale).alreadyLinked(String(p.organization ?? '')),
  'chat.link_code_invalid': (locale) => teamsTexts(locale).linkCodeInvalid,
  'import_draft.not_found': (locale) => teamsTexts(locale).importDraftGone,
};

export function teamsErrorText(error: unknown, locale: Locale, log: Logger, context: string): string {
  if (isAppError(error)) {
    const own = teamsWords[error.code];
    // A refusal's values (an organization's name, what was typed) are shown as text, never as markup.
    const params = shownParams(error.params as Record<string, unknown> | undefined, locale);
    return own ? own(locale, params) : translate(locale, error.code, params as never);
  }
  if (error instanceof TeamsUnreachableError) {
    log.warn('Teams could not be reached', { context, error: error.message });
    return teamsTexts(locale).teamsUnreachable;
  }
  if (error instanceof BadSubmissionError) {
    log.info('Teams submission refused', { context, error: error.message });
    return teamsTexts(locale).badSubmission;
  }
  log.error('Teams request failed', { context, error: error instanceof Error ? error.message : String(error) });
  return chatTexts(locale).unexpected;
}

function shownParams(params: Record<string, unknown> | undefined, locale: Locale): Record<string, unknown> {
  if (!params) return {};
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [
      key,
      typeof value === 'string' ? escapeTeamsMarkdown(clipInput(value, locale)) : value,
    ]),
  );
}

/** Teams refuses a bot message over 100 KB counted in UTF-16; texts are cut well before that. */
const MAX_TEXT_CHARS = 20_000;

/** A text as Teams shows it: Teams Markdown, French spacing, and never over Teams' size limit. */
export function teamsText(text: string): string {
  const shown = toTeamsMarkdown(text);
  if (shown.length <= MAX_TEXT_CHARS) return shown;
  // Lists are cut by construction before this (counts, the first rows, "and N more"): a last guard.
  const cut = shown.slice(0, MAX_TEXT_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf('\n'), 0) || MAX_TEXT_CHARS)}\n…`;
}

export async function sayText(turn: TeamsTurn, text: string): Promise<void> {
  await turn.send({ type: 'message', text: teamsText(text), textFormat: 'markdown' });
}

export async function sayCard(turn: TeamsTurn, card: AdaptiveCard): Promise<string | undefined> {
  const sent = await turn.send({ type: 'message', attachments: [cardAttachment(card)] });
  return sent?.id;
}
