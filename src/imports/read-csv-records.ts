// Streams CSV records out of byte chunks with csv-parse, each with the line of the file where it
// starts, so that errors point at what the user sees in a text editor (header = line 1).
import { Readable } from 'node:stream';
import { type Options, parse } from 'csv-parse';
import { AppError } from '../errors/app-error.js';
import { scanHeaderLine } from './detect-delimiter.js';

export interface CsvRecord {
  line: number;
  fields: string[];
}

/** The header line is read whole before parsing starts; a "header" longer than this is not one. */
const HEAD_LIMIT = 64 * 1024;
/** A record this large is a quote that was never closed swallowing the rest of the file. */
const MAX_RECORD_BYTES = 1024 * 1024;

const quoteErrors = new Set([
  'CSV_QUOTE_NOT_CLOSED',
  'CSV_INVALID_CLOSING_QUOTE',
  'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE',
  'CSV_MAX_RECORD_SIZE',
]);

export async function* readCsvRecords(chunks: AsyncIterable<Buffer>): AsyncGenerator<CsvRecord> {
  const input = withUnixLineEndings(chunks)[Symbol.asyncIterator]();
  const head = await readHead(input);
  if (head.length === 0) return;
  if (isUtf16(head)) throw new AppError('import.not_utf8', {}, 'invalid');
  const { delimiter } = scanHeaderLine(head.toString('utf8'));

  const options: Options & { autoDestroy: boolean } = {
    delimiter,
    bom: true,
    relax_column_count: true,
    // A stray quote inside an unquoted value (Jean "JJ" Dupont) is kept as written.
    relax_quotes: true,
    trim: true,
    // Every line ending is LF by now (see withUnixLineEndings), and every line gives a record,
    // empty ones included: lines are counted here, where it costs nothing. (csv-parse's `info` and
    // `on_record` would count them too, but copy a context object twice per record for it.)
    record_delimiter: '\n',
    max_record_size: MAX_RECORD_BYTES,
    // On a parse error, still deliver the records parsed before it (a destroyed stream drops
    // them), so that the error can name the last good line. Passed through to the Transform.
    autoDestroy: false,
  };
  const parser = parse(options);
  const feed = Readable.from(replay(head, input));
  feed.on('error', (error) => parser.destroy(error));
  feed.pipe(parser);

  let nextLine = 1;
  try {
    for await (const fields of parser as AsyncIterable<string[]>) {
      const line = nextLine;
      nextLine += 1 + newlinesIn(fields);
      // Empty lines, and lines of empty cells (",,,," left behind by a spreadsheet), are no rows.
      if (fields.some((field) => field !== '')) yield { line, fields };
    }
  } catch (error) {
    throw toImportError(error, Math.max(1, nextLine - 1));
  } finally {
    feed.destroy();
    parser.destroy();
  }
}

async function readHead(input: AsyncIterator<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  while (size < HEAD_LIMIT) {
    const next = await input.next();
    if (next.done) break;
    parts.push(next.value);
    size += next.value.length;
    if (scanHeaderLine(Buffer.concat(parts).toString('utf8')).complete) break;
  }
  return Buffer.concat(parts);
}

async function* replay(head: Buffer, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  yield head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/**
 * Every line ending becomes LF before parsing (CRLF from Windows, a lone CR from old Macs), so
 * that one character ends a line and lines are counted the way an editor shows them.
 */
async function* withUnixLineEndings(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  // A CR ending a chunk may be the first half of a CRLF split across two chunks.
  let carriedCr = false;
  for await (const raw of chunks) {
    let chunk: Buffer = carriedCr ? Buffer.concat([CR, raw]) : raw;
    carriedCr = chunk.length > 0 && chunk[chunk.length - 1] === 0x0d;
    if (carriedCr) chunk = chunk.subarray(0, chunk.length - 1);
    if (chunk.length > 0) yield toLf(chunk);
  }
  if (carriedCr) yield LF;
}

const CR = Buffer.from([0x0d]);
const LF = Buffer.from([0x0a]);

function toLf(chunk: Buffer): Buffer {
  let cr = chunk.indexOf(0x0d);
  if (cr === -1) return chunk;
  const out = Buffer.allocUnsafe(chunk.length);
  let length = 0;
  let from = 0;
  while (cr !== -1) {
    length += chunk.copy(out, length, from, cr);
    if (chunk[cr + 1] === 0x0a)
      from = cr + 1; // CRLF: keep the LF
    else {
      out[length++] = 0x0a; // a lone CR: make it an LF
      from = cr + 1;
    }
    cr = chunk.indexOf(0x0d, cr + 1);
  }
  length += chunk.copy(out, length, from);
  return out.subarray(0, length);
}

const isUtf16 = (head: Buffer) =>
  head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff));

function newlinesIn(fields: string[]): number {
  let count = 0;
  for (const field of fields) {
    for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) count++;
  }
  return count;
}

function toImportError(error: unknown, lastLine: number): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && quoteErrors.has(code))
    return new AppError('import.bad_quotes', { line: lastLine }, 'invalid');
  if (typeof code === 'string' && code.startsWith('CSV_')) {
    return new AppError('import.unreadable', { reason: (error as Error).message }, 'invalid');
  }
  return error;
}
