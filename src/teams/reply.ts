// Answers in Teams: domain refusals become their message in the member's language; anything else
// is logged and answered with a neutral line (never a stack trace).
import { chatTexts } from '../chat/texts.js';
import { isAppError } from '../errors/app-error.js';
import type { Locale } from '../i18n/locale.js';
import { t } from '../i18n/messages.js';
import type { Logger } from '../log/logger.js';
import { type AdaptiveCard, cardAttachment } from './cards/adaptive.js';
import type { TeamsTurn } from './deps.js';
import { toTeamsMarkdown } from './markdown.js';

export function teamsErrorText(error: unknown, locale: Locale, log: Logger, context: string): string {
  if (isAppError(error)) return t(locale, error.code, error.params as never);
  log.error('Teams request failed', { context, error: error instanceof Error ? error.message : String(error) });
  return chatTexts(locale).unexpected;
}

export async function sayText(turn: TeamsTurn, text: string): Promise<void> {
  await turn.send({ type: 'message', text: toTeamsMarkdown(text), textFormat: 'markdown' });
}

export async function sayCard(turn: TeamsTurn, card: AdaptiveCard): Promise<string | undefined> {
  const sent = await turn.send({ type: 'message', attachments: [cardAttachment(card)] });
  return sent?.id;
}
