// What the global setup hands to each test file: where to copy a fresh, migrated database from.
import { randomBytes } from 'node:crypto';

export type TestDatabaseTemplate =
  | {
      kind: 'pglite';
      /** Uncompressed tarball of a migrated PGlite data directory (PGlite's dumpDataDir). */
      tarballPath: string;
    }
  | {
      kind: 'postgres';
      /** TEST_DATABASE_URL: where to run CREATE DATABASE / DROP DATABASE. */
      adminUrl: string;
      /** The migrated template database every test database is copied from. */
      template: string;
      /** Every per-file database of this run starts with it, so teardown can drop leftovers. */
      prefix: string;
    };

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabaseTemplate: TestDatabaseTemplate;
  }
}

/** Database names made here are `sesame_tpl_<run>` and `sesame_t_<run>_<n>`, run = `<ms base 36>_<hex>`. */
export const NAME_PATTERN = /^sesame_t(?:pl)?_([0-9a-z]+)_[0-9a-f]+(?:_[0-9a-f]+)?$/;

export const randomHex = (bytes = 4) => randomBytes(bytes).toString('hex');

export function runId(now = Date.now()): string {
  return `${now.toString(36)}_${randomHex()}`;
}

/** The same server and credentials as `url`, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
