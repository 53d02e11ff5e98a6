// Adaptive Card building blocks (schema 1.4, what Teams renders), and the attachment that
// carries a card in a message.
import type { Attachment } from '@microsoft/teams.api';
import { toTeamsMarkdown } from '../markdown.js';

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
  version: '1.4',
  body,
  ...(actions.length > 0 ? { actions } : {}),
});

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

export const cardAttachment = (card: AdaptiveCard): Attachment => ({
  contentType: 'application/vnd.microsoft.card.adaptive',
  content: card,
});
