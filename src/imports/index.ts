// Bulk import of people from a CSV or text file, for every channel (the CLI's file, Slack's and
// Teams' uploads). How a file travels:
//   import-source       a stream, a string or a Buffer → byte chunks (and the size, for progress)
//   read-csv-records    → csv-parse records, delimiter detected, each with its line in the file
//   map-columns         the header row → which column is what (English or French names)
//   row-schema          a record → the raw row (zod), then validate-row → a valid row or a row error
//   read-import         all of the above over the whole file, valid rows handed out in chunks
//   row-gates           the checks that read the database once per import: the company of an
//                       external row (import-companies: the tree read once) and, for enterprise
//                       IDs, the identity provider
//   dry-run-import      + what the database knows (look-up-rows) and the seats: writes nothing
//   run-import          + row-spool (rows kept between reading and writing), hash-passwords, then
//                       one transaction: add-imported-members, writeInvitations chunk by chunk
//                       (internal and external rows of any companies together)
export { type DryRunResult, dryRunImport } from './dry-run-import.js';
export type {
  ImportOptions,
  ImportPhase,
  ImportProgress,
  ImportSource,
  RowError,
  RowIssue,
  RowWarning,
} from './import-types.js';
export { type RunImportOptions, type RunImportResult, runImport } from './run-import.js';
