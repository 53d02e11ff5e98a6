// Reads an import file once, from the first byte to the last, and hands out its valid rows in
// chunks while it collects the errors and warnings of the others. Dry run and import share it, so
// they report exactly the same row errors.
import { AppError } from '../errors/app-error.js';
import type { Locale } from '../i18n/locale.js';
import type { Organization } from '../organizations/organization.js';
import { noRowProperties, type RowProperties } from './import-properties.js';
import { openSource } from './import-source.js';
import type { ImportOptions, ImportSource, RowError, RowWarning } from './import-types.js';
import { type Columns, mapColumns } from './map-columns.js';
import { readCsvRecords } from './read-csv-records.js';
import { createRowValidator, type ValidRow } from './validate-row.js';

/** Rows per chunk: big enough that the per-chunk queries are few, small enough to bound memory. */
export const CHUNK_ROWS = 5000;
const PROGRESS_EVERY = 1000;

export class ImportReading {
  /** Data rows read (the header, empty lines and lines of empty cells are not rows). */
  rows = 0;
  readonly errors: RowError[] = [];
  readonly warnings: RowWarning[] = [];
  /** Where each field is, and its header as written; known once the header row is read. */
  columns: Columns | undefined;

  constructor(
    private readonly source: ImportSource,
    private readonly organization: Organization,
    private readonly locale: Locale,
    private readonly options: Pick<ImportOptions, 'onProgress' | 'totalBytes'> = {},
    /** The licence catalogue and the importer's right to allocate credits, read once. */
    private readonly properties: RowProperties = noRowProperties,
  ) {}

  /** Valid rows, in file order; throws an AppError for a file that cannot be imported at all. */
  async *chunks(size = CHUNK_ROWS): AsyncGenerator<ValidRow[]> {
    const { chunks, totalBytes } = await openSource(this.source, this.options.totalBytes);
    let bytesRead = 0;
    const counted = (async function* () {
      for await (const chunk of chunks) {
        bytesRead += chunk.length;
        yield chunk;
      }
    })();
    const progress = this.options.onProgress;
    const estimate = () => (totalBytes && bytesRead > 0 ? Math.round((this.rows * totalBytes) / bytesRead) : undefined);

    let validate: ReturnType<typeof createRowValidator> | undefined;
    let chunk: ValidRow[] = [];
    for await (const record of readCsvRecords(counted)) {
      if (!validate) {
        this.columns = mapColumns(record.fields);
        validate = createRowValidator(this.organization, this.columns, this.locale, this.properties);
        continue;
      }
      this.rows++;
      const outcome = validate(record);
      if (outcome.ok) {
        chunk.push(outcome.row);
        if (outcome.warnings.length > 0) this.warnings.push(...outcome.warnings);
        if (chunk.length >= size) {
          yield chunk;
          chunk = [];
        }
      } else this.errors.push(outcome.error);
      if (progress && this.rows % PROGRESS_EVERY === 0) progress(this.rows, estimate(), 'reading');
    }
    if (!validate) throw new AppError('import.empty', {}, 'invalid');
    if (this.rows === 0) throw new AppError('import.no_rows', {}, 'invalid');
    progress?.(this.rows, this.rows, 'reading');
    if (chunk.length > 0) yield chunk;
  }
}
