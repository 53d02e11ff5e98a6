// Holds the valid rows between reading the file and writing them in the transaction. Reading
// comes first because the whole file must be checked (and passwords hashed) before anything is
// written; a 100,000-row file must not sit in memory meanwhile, so past a threshold the rows go
// to a temporary file (one JSON array per line) and are streamed back in chunks.
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { importedRow, type ValidRow } from './validate-row.js';

/** About 5 MB of rows: a routine 10,000-row file never touches the disk. */
export const SPOOL_MEMORY_ROWS = 20_000;

type Packed = [
  number,
  string,
  string,
  string,
  string | null,
  string,
  string,
  string | null,
  string[],
  ValidRow['credits'],
  ValidRow['language'],
];
const pack = (r: ValidRow): Packed => [
  r.line,
  r.email,
  r.firstName,
  r.lastName,
  r.username,
  r.role,
  r.userType,
  r.companyRef,
  r.licences ?? [],
  r.credits ?? null,
  r.language ?? null,
];
const unpack = ([
  line,
  email,
  firstName,
  lastName,
  username,
  role,
  userType,
  companyRef,
  licences,
  credits,
  language,
]: Packed): ValidRow =>
  importedRow({
    line,
    email,
    firstName,
    lastName,
    username,
    role,
    userType,
    password: null,
    enterpriseId: null,
    companyRef,
    licences,
    credits,
    language,
  });

export class RowSpool {
  private memory: ValidRow[] = [];
  private file: { dir: string; path: string; out: WriteStream } | undefined;
  count = 0;

  /** True once the rows went to disk: the file is big, memory matters more than round trips. */
  get spilled(): boolean {
    return this.file !== undefined;
  }

  constructor(private readonly memoryRows = SPOOL_MEMORY_ROWS) {}

  async push(rows: readonly ValidRow[]): Promise<void> {
    this.count += rows.length;
    if (!this.file && this.memory.length + rows.length <= this.memoryRows) {
      this.memory.push(...rows);
      return;
    }
    if (!this.file) {
      const dir = await mkdtemp(join(tmpdir(), 'sesame-import-'));
      const path = join(dir, 'rows.ndjson');
      this.file = { dir, path, out: createWriteStream(path) };
      await this.write(this.memory);
      this.memory = [];
    }
    await this.write(rows);
  }

  /** The rows in the order they were pushed, `size` at a time. */
  async *chunks(size: number): AsyncGenerator<ValidRow[]> {
    if (!this.file) {
      for (let i = 0; i < this.memory.length; i += size) yield this.memory.slice(i, i + size);
      return;
    }
    const { out, path } = this.file;
    out.end();
    await once(out, 'finish');
    let chunk: ValidRow[] = [];
    for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY })) {
      chunk.push(unpack(JSON.parse(line) as Packed));
      if (chunk.length >= size) {
        yield chunk;
        chunk = [];
      }
    }
    if (chunk.length > 0) yield chunk;
  }

  async dispose(): Promise<void> {
    this.memory = [];
    if (!this.file) return;
    this.file.out.destroy();
    await rm(this.file.dir, { recursive: true, force: true });
    this.file = undefined;
  }

  private async write(rows: readonly ValidRow[]): Promise<void> {
    if (rows.length === 0 || !this.file) return;
    let text = '';
    for (const row of rows) text += `${JSON.stringify(pack(row))}\n`;
    if (!this.file.out.write(text)) await once(this.file.out, 'drain');
  }
}
