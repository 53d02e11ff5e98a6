// Text shown on one line (a CLI table cell, an e-mail greeting) whatever is stored: rows written
// before the edge rule (edge-text.ts), or values echoed back in a refusal. No imports: the CLI's
// output module loads it.

/** Each control character, line or paragraph separator becomes a space. */
export function oneLine(value: string): string {
  return value.replace(/[\p{Cc}\u2028\u2029]/gu, ' ');
}
