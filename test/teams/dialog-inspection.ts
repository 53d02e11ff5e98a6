// Reading a Teams dialog's answer in tests: its card's body, an input by id, the problem shown
// above it, a choice set's choices, and French typography read as plain spaces.
import { adaptiveCardsIn } from '../support/card-validation.js';

export type Json = Record<string, unknown>;

/** The dialog's card body (a dialog answer is { task: { type: 'continue', value: { card } } }). */
export function dialogBody(answer: unknown): Json[] {
  const [card] = adaptiveCardsIn(answer);
  if (!card) throw new Error(`no card in ${JSON.stringify(answer)}`);
  return card.body as Json[];
}

export const inputOf = (body: Json[], id: string) => body.find((element) => element.id === id);

/** The element just above the input: where a field's problem is shown. */
export const aboveOf = (body: Json[], id: string) => body[body.findIndex((element) => element.id === id) - 1];

export const choicesOf = (input: Json | undefined) => (input?.choices as { title: string; value: string }[]) ?? [];

/** French typography puts a non-breaking space before ":"; compared as spaces. */
export const plain = (value: unknown) => String(value).replace(/[\u00a0\u202f]/g, ' ');
