// Adaptive Card building blocks, and the attachment that carries a card in a message. Cards
// declare version 1.5, as Microsoft's Universal Actions page requires of cards with Action.Execute,
// with fallback text (their first line) for a client that renders an older version.
import type { Attachment } from '@microsoft/teams.api';
import { toTeamsMarkdown } from '../markdown.js';
import { typeset } from '../typeset.js';

export type Element = Record<string, unknown>;
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: Element[];
  actions?: Element[];
  [key: string]: unknown;
}

export const adaptiveCard = (body: Element[], actions: Element[] = []): AdaptiveCard => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  fallbackText: fallbackOf(body),
  body,
  ...(actions.length > 0 ? { actions } : {}),
});

/** The card's first text, as plain as Teams Markdown allows: what an older client shows instead. */
function fallbackOf(body: Element[]): string {
  const first = body.find((e) => e.type === 'TextBlock' && typeof e.text === 'string' && e.text.trim());
  return String(first?.text ?? 'Sesame').replace(/\*\*/g, '');
}

export const text = (value: string, options: Element = {}): Element => ({
  type: 'TextBlock',
  text: toTeamsMarkdown(value),
  wrap: true,
  ...options,
});

export const small = (value: string): Element => text(value, { size: 'Small', isSubtle: true });

/** Action.Execute: Teams sends an adaptiveCard/action invoke with the verb and the data (and inputs). */
export const execute = (title: string, verb: string, data: Record<string, unknown> = {}, style?: string): Element => ({
  type: 'Action.Execute',
  title,
  verb,
  data,
  ...(style ? { style } : {}),
});

/** The card in a message or a dialog, with its displayed strings typeset (French spacing). */
export const cardAttachment = (card: AdaptiveCard): Attachment => ({
  contentType: 'application/vnd.microsoft.card.adaptive',
  content: typeset(card),
});
