// Builds a row error or warning: the notice travels as data (code + params) for channels that
// render it themselves, and is rendered once here for those that just print it.
import type { Locale } from '../i18n/locale.js';
import { type Notice, renderNotice } from '../i18n/messages.js';
import type { RowIssue } from './import-types.js';
import type { Columns, Field } from './map-columns.js';

export const rowIssue = (locale: Locale, line: number, column: string | undefined, n: Notice): RowIssue => ({
  line,
  column: column ?? '',
  code: n.code,
  params: n.params,
  message: renderNotice(locale, n),
});

/** The column a refusal from the database's side belongs to (a licence none is left of: Licences). */
export const fieldOfRefusal = (code: string): Field =>
  code.startsWith('username.')
    ? 'username'
    : code.startsWith('sso.')
      ? 'enterpriseId'
      : code.startsWith('licence.')
        ? 'licences'
        : 'email';

export const byLine = (a: RowIssue, b: RowIssue) => a.line - b.line;

/** The header of a field's column as written; the Email column's for a field the file lacks. */
export const columnOf = (columns: Columns | undefined, field: Field): string | undefined =>
  columns?.header[field] ?? columns?.header.email;
