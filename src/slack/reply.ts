// Answers to the person who acted: through the response_url Slack gave with their command or
// click (works in any channel, even those the bot is not in), else in their DM with the bot.
// Domain refusals become their message in the person's language; anything else is logged and
// answered with a neutral line (never a stack trace).
import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { echoInput } from '../chat/rendering/echo.js';
import { chatTexts } from '../chat/rendering/texts.js';
import { isAppError } from '../errors/app-error.js';
import type { Locale } from '../i18n/locale.js';
import { translate } from '../i18n/messages.js';
import type { Logger } from '../log/logger.js';
import { chatCallTimeoutMs } from '../notifications/time-limit.js';
import { clipTo, fitSlackMessage } from './limits.js';
import { isSlackTimeout } from './listener-client.js';

export interface SlackMessage {
  text: string;
  blocks?: KnownBlock[];
  /** Replace the message the click came from (pending list pages). */
  replaceOriginal?: boolean;
}

export interface ReplyTarget {
  client: WebClient;
  userId: string;
  responseUrl?: string;
}

export async function reply(target: ReplyTarget, given: SlackMessage): Promise<void> {
  const message = fitSlackMessage(given);
  if (target.responseUrl) {
    const res = await fetch(target.responseUrl, {
      method: 'POST',
      // A hung response_url must not hold the listener: the DM below is the fallback.
      signal: AbortSignal.timeout(10_000),
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        response_type: 'ephemeral',
        text: message.text,
        ...(message.blocks ? { blocks: message.blocks } : {}),
        ...(message.replaceOriginal ? { replace_original: true } : {}),
      }),
    }).catch(() => undefined);
    if (res?.ok) return;
    // An expired response_url (30 minutes, 5 uses) or an unreachable one: fall back to the DM.
  }
  await target.client.chat.postMessage({ channel: target.userId, text: message.text, blocks: message.blocks });
}

export function errorText(error: unknown, locale: Locale, log: Logger, context: string): string {
  if (isAppError(error)) return translate(locale, error.code, shownParams(error.params, locale) as never);
  if (isSlackTimeout(error)) return translate(locale, 'chat.slack_timeout', { seconds: chatCallTimeoutMs / 1000 });
  log.error('Slack request failed', { context, error: error instanceof Error ? error.message : String(error) });
  return chatTexts(locale).unexpected;
}

export async function replyError(
  target: ReplyTarget,
  error: unknown,
  locale: Locale,
  log: Logger,
  context: string,
): Promise<void> {
  await reply(target, { text: errorText(error, locale, log, context) });
}

/** A refusal's values (an organization's name, what was typed) are shown as text, never as markup. */
function shownParams(params: Record<string, unknown> | undefined, locale: Locale): Record<string, unknown> {
  if (!params) return {};
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, typeof value === 'string' ? echoInput(value, locale) : value]),
  );
}

export const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
export const context = (text: string): KnownBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });
/** Slack's mrkdwn treats &, < and > as markup. */
export { escapeMrkdwn } from '../chat/rendering/mrkdwn.js';
/** Under Slack's limit for a section's text. */
export const clip = (text: string, max = 2900) => clipTo(text, max);
