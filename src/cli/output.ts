// Where the CLI writes: results on stdout (text or JSON), warnings and errors on stderr, so that
// `sesame pending --json | jq` always reads clean JSON.
import { oneLine } from '../text/one-line.js';
export interface Output {
  json: boolean;
  // These two return undefined so that a command can end with `return out.result(...)`.
  /** A line of human output (skipped in --json mode). */
  line(text?: string): undefined;
  /** The JSON result of the command, pretty-printed. */
  result(value: unknown): undefined;
  warn(text: string): void;
  error(text: string): void;
}

export function createOutput(json: boolean): Output {
  return {
    json,
    line(text = '') {
      if (!json) process.stdout.write(`${text}\n`);
      return undefined;
    },
    result(value) {
      process.stdout.write(`${toJson(value)}\n`);
      return undefined;
    },
    warn(text) {
      process.stderr.write(`${text}\n`);
    },
    error(text) {
      process.stderr.write(`${text}\n`);
    },
  };
}

/** JSON with dates as ISO strings (their default) and bigints (audit ids) as strings. */
export const toJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v), 2);

type Cell = string | number | null | undefined;

const width = (s: string) => [...s].length;
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

/** An aligned table: a header, a rule, one line per row; empty cells shown as "-". */
export function table(headers: string[], rows: Cell[][]): string {
  const cells = rows.map((row) =>
    headers.map((_, i) => (row[i] === null || row[i] === undefined || row[i] === '' ? '-' : oneLine(String(row[i])))),
  );
  const widths = headers.map((h, i) => Math.max(width(h), ...cells.map((row) => width(row[i] ?? ''))));
  const render = (row: string[]) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : pad(cell, widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [render(headers), render(widths.map((w) => '-'.repeat(w))), ...cells.map(render)].join('\n');
}

/** "label   value" lines with the values aligned. */
export function fields(pairs: [string, Cell][], indent = ''): string {
  const labelWidth = Math.max(...pairs.map(([label]) => width(label)));
  return pairs
    .map(([label, value]) =>
      `${indent}${pad(label, labelWidth)}  ${value === null || value === undefined ? '-' : oneLine(String(value))}`.trimEnd(),
    )
    .join('\n');
}

const two = (n: number) => String(n).padStart(2, '0');

/** Local time, "2025-03-14 09:26": the same in both languages, sortable, unambiguous. */
export function formatDate(date: Date | null | undefined): string {
  if (!date) return '-';
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** Local date only, "2025-03-14". */
export const formatDay = (date: Date | null | undefined): string => formatDate(date).slice(0, 10);
