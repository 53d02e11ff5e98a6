// The shapes the import hands to its callers (the CLI, Slack and Teams): every problem is
// tied to a line of the file and to a column as the user wrote it, and carries its message code
// so that each channel can render it in its own language.
import type { Locale } from '../i18n/locale.js';
import type { MessageCode, Notice } from '../i18n/messages.js';

export interface RowIssue {
  /** Line in the file where the row starts (the header is line 1; quoted newlines count). */
  line: number;
  /** The header of the column at fault, as written in the file. */
  column: string;
  code: MessageCode;
  params: Notice['params'];
  /** Rendered in the locale asked for (the actor's by default). */
  message: string;
}

/** A row that cannot be imported. */
export type RowError = RowIssue;
/** A row imported with a change worth knowing (e.g. an unknown role replaced by the default). */
export type RowWarning = RowIssue;

/**
 * What can be imported: a file stream (fs.createReadStream, process.stdin, an upload) or the
 * whole content. Streams are read once, in chunks: a 100,000-row file is never held at once.
 */
export type ImportSource = NodeJS.ReadableStream | AsyncIterable<Buffer | string> | Buffer | string;

export type ImportPhase = 'reading' | 'writing';

/**
 * Progress for a progress bar. While reading, `done` is the rows read and `total` an estimate of
 * the rows in the file (from the bytes read so far and the file's size, when known); while
 * writing, `done` is the valid rows written and `total` all the valid rows.
 */
export type ImportProgress = (done: number, total: number | undefined, phase: ImportPhase) => void;

export interface ImportOptions {
  /** Language of the rendered messages; the actor's by default. */
  locale?: Locale;
  onProgress?: ImportProgress;
  /** Size of the source in bytes, for the progress estimate (found by itself for file streams). */
  totalBytes?: number;
  /** Rows per database round trip (default 5,000); tests lower it to exercise several chunks. */
  chunkRows?: number;
  /** Add-on licences given to every row (each must suit every row's user type). */
  licences?: string[];
}
