// The one schema of a CSV row as it comes out of the file, before any business rule: every
// known column is a string (a missing cell is an empty one). The rules come next (validate-row).
import { z } from 'zod';
import type { Columns, Field } from './map-columns.js';

const cell = z.string().default('');

// Built once at load: zod compiles the object parser on first use, 10,000 rows reuse it.
export const rawRowSchema = z.object({
  email: cell,
  firstName: cell,
  lastName: cell,
  username: cell,
  password: cell,
  enterpriseId: cell,
  userType: cell,
  role: cell,
  company: cell,
  licences: cell,
  credits: cell,
  language: cell,
});

export type RawRow = z.infer<typeof rawRowSchema>;

/** Reads the known columns out of a record; where they are is worked out once per file. */
export function rawRowReader(columns: Columns): (fields: readonly string[]) => RawRow {
  const positions = Object.entries(columns.index) as [Field, number][];
  return (fields) => {
    const raw: Partial<Record<Field, string>> = {};
    for (const [field, position] of positions) {
      const value = fields[position];
      if (value !== undefined) raw[field] = value;
    }
    return rawRowSchema.parse(raw);
  };
}
