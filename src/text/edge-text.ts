// The one rule for text that comes in from outside (CSV cells, form fields, command-line
// arguments, chat modals and commands): no NUL, no control characters (a line break or a tab only
// where a text may span lines), and only well-formed Unicode.
// Why: PostgreSQL refuses NUL in text, which turned a NUL in a CSV cell into an import aborted
// halfway and a NUL in an enrollment form into a 500 page; line breaks and tabs in names broke the
// CLI's tables and the e-mails' greeting; U+FFFD is what a decoder leaves where the bytes were not
// UTF-8, so storing it stores lost data.
import { fail, ok, type Result } from '../errors/result.js';
import { type Notice, notice } from '../i18n/messages.js';
import type { TextField } from './text-fields.js';

/** 'line': a name, an address, a search; 'lines': a message, which may hold line breaks and tabs. */
export type TextShape = 'line' | 'lines';
export type TextFlaw = 'nul' | 'control' | 'not_utf8';

// C0 controls, DEL and C1 controls; on one line also the Unicode line and paragraph separators.
const LINE_CONTROLS = /[\p{Cc}\u2028\u2029]/u;
const LINES_CONTROLS = /[^\P{Cc}\t\n\r]/u;
// A lone UTF-16 surrogate (from JSON's "\ud800") cannot be written as UTF-8 at all.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function findTextFlaw(value: string, shape: TextShape = 'line'): TextFlaw | undefined {
  if (value.includes('\u0000')) return 'nul';
  if (value.includes('\ufffd') || LONE_SURROGATE.test(value)) return 'not_utf8';
  if ((shape === 'line' ? LINE_CONTROLS : LINES_CONTROLS).test(value)) return 'control';
  return undefined;
}

/** The notice for a flawed value, naming its field (a label, or a CSV column as written). */
export function textFlawNotice(
  field: TextField | string,
  value: string,
  shape: TextShape = 'line',
): Notice | undefined {
  const flaw = findTextFlaw(value, shape);
  if (!flaw) return undefined;
  if (flaw === 'nul') return notice('text.nul', { field });
  if (flaw === 'not_utf8') return notice('text.not_utf8', { field });
  const character = [...value].find((c) => (shape === 'line' ? LINE_CONTROLS : LINES_CONTROLS).test(c)) ?? '';
  return notice('text.control', { field, character: codePointName(character) });
}

/** The value unchanged, or the notice that says what is wrong with it and where. */
export function checkEdgeText(field: TextField | string, value: string, shape: TextShape = 'line'): Result<string> {
  const flaw = textFlawNotice(field, value, shape);
  return flaw ? fail(flaw) : ok(value);
}

/** "U+0009 (tab)": how a character nobody can see is named in a message. */
export function codePointName(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const known: Record<number, string> = { 9: 'tab', 10: 'line feed', 13: 'carriage return', 8232: 'line separator' };
  return known[code] ? `${hex} (${known[code]})` : hex;
}
