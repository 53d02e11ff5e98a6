// Every Adaptive Card Sesame sends to Teams, checked with Microsoft's own validators: the
// `adaptivecards` library's parser (its errors and warnings: unknown elements, required inputs
// without an error message...) and the Adaptive Cards 1.5 JSON schema (ajv, draft-06), plus the
// rules Teams adds: Action.Execute needs a verb, a card carrying one declares version 1.5 with
// fallback text, and messages stay under Teams' size limits.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as AdaptiveCards from 'adaptivecards';
import { Ajv, type ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);
// The package's ESM build imports its files without extensions, which Node refuses: its UMD bundle
// is the same code, and parsing needs no DOM (only rendering does).
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;

/** Teams refuses a bot message over 100 KB, counted in UTF-16 (413 MessageSizeTooBig). */
export const MAX_MESSAGE_BYTES = 100 * 1024;
/** Microsoft recommends cards stay under about 28 KB. */
export const MAX_CARD_BYTES = 28 * 1024;
/** Teams counts a message's size in UTF-16: two bytes per code unit. */
export const utf16Bytes = (value: unknown) => JSON.stringify(value).length * 2;

let schemaCheck: ValidateFunction | undefined;
function schema(): ValidateFunction {
  if (schemaCheck) return schemaCheck;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
  // The schema only annotates these formats; they are not what is checked here.
  ajv.addFormat('uri', true);
  ajv.addFormat('uri-reference', true);
  const json = JSON.parse(readFileSync(join(import.meta.dirname, 'schemas', 'adaptive-card-1.5.json'), 'utf8'));
  // Draft-06 names a schema's id `$id`; this one still says `id`, which ajv 8 refuses.
  delete json.id;
  schemaCheck = ajv.compile(json);
  return schemaCheck;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;

function walk(value: unknown, visit: (node: Json) => void): void {
  if (Array.isArray(value)) for (const item of value) walk(item, visit);
  else if (isObject(value)) {
    visit(value);
    for (const child of Object.values(value)) walk(child, visit);
  }
}

/** The problems Microsoft's parser and schema, and Teams' rules, find in one top-level card. */
export function adaptiveCardProblems(card: unknown): string[] {
  if (!isObject(card) || card.type !== 'AdaptiveCard') return ['not an AdaptiveCard'];
  const problems: string[] = [];
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`parser: ${context.getEventAt(i).message}`);
  for (const event of parsed.validateProperties().validationEvents) problems.push(`validator: ${event.message}`);
  const check = schema();
  if (!check(card)) {
    // anyOf branches multiply ajv's errors; the first few name the place.
    for (const error of (check.errors ?? []).slice(0, 5))
      problems.push(`schema: ${error.instancePath} ${error.message}`);
  }
  let executes = 0;
  walk(card, (node) => {
    if (node.type === 'Action.Execute') {
      executes++;
      if (typeof node.verb !== 'string' || node.verb === '') problems.push('Action.Execute without a verb');
    }
    if (typeof node.type === 'string' && node.type.startsWith('Input.') && node.isRequired && !node.errorMessage) {
      problems.push(`required ${node.type} "${String(node.id)}" without an errorMessage`);
    }
  });
  if (executes > 0 && card.version !== '1.5') problems.push(`Action.Execute in a card of version ${card.version}`);
  if (executes > 0 && !(typeof card.fallbackText === 'string' && card.fallbackText.trim())) {
    problems.push('Action.Execute in a card without fallbackText');
  }
  const size = utf16Bytes(card);
  if (size > MAX_CARD_BYTES) problems.push(`card of ${size} bytes (over ${MAX_CARD_BYTES})`);
  return problems;
}

/** Every top-level Adaptive Card in a message, an invoke's answer or a dialog (cards in cards are theirs). */
export function adaptiveCardsIn(value: unknown): Json[] {
  const cards: Json[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (isObject(node)) {
      if (node.type === 'AdaptiveCard') cards.push(node);
      else Object.values(node).forEach(visit);
    }
  };
  visit(value);
  return cards;
}

/** The problems of what the bot sent or answered: its size, then each of its cards. */
export function teamsPayloadProblems(payload: unknown, where: string): string[] {
  const problems: string[] = [];
  const size = utf16Bytes(payload ?? null);
  if (size > MAX_MESSAGE_BYTES) problems.push(`${where}: ${size} bytes (over ${MAX_MESSAGE_BYTES})`);
  adaptiveCardsIn(payload).forEach((card, i) => {
    for (const problem of adaptiveCardProblems(card)) problems.push(`${where}, card ${i + 1}: ${problem}`);
  });
  return problems;
}
