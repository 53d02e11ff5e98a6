// The database the bench runs against: a fresh scratch database on the PostgreSQL at
// BENCH_DATABASE_URL (the performance targets are about PostgreSQL), dropped at the end. When no
// PostgreSQL answers, an in-memory embedded one (PGlite) so the bench still runs, say so loudly:
// its figures are indicative only.
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';

import pg from 'pg';
import { applyMigrations } from '../src/db/migrate.js';
import { servePglite } from '../src/db/pglite-server.js';

export const DEFAULT_BENCH_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  url: string;
  kind: 'postgresql' | 'pglite';
  label: string;
  drop(): Promise<void>;
}

export async function openBenchDatabase(adminUrl: string, log: (line: string) => void): Promise<BenchDatabase> {
  const problem = await unreachable(adminUrl);
  if (problem) {
    log(`PostgreSQL is not reachable at ${redact(adminUrl)} (${problem}).`);
    log('Falling back to the embedded database (PGlite, in memory): the figures are INDICATIVE ONLY,');
    log('the targets are about PostgreSQL. Set BENCH_DATABASE_URL to a PostgreSQL server to measure them.');
    return openPglite();
  }
  const name = `sesame_bench_${randomBytes(4).toString('hex')}`;
  await admin(adminUrl, `CREATE DATABASE ${name}`);
  const url = withDatabase(adminUrl, name);
  let version: string;
  try {
    await applyMigrations(url);
    version = await serverVersion(url);
  } catch (error) {
    await admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    throw error;
  }
  return {
    url,
    kind: 'postgresql',
    label: `PostgreSQL ${version}, scratch database ${name}`,
    drop: () => admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function openPglite(): Promise<BenchDatabase> {
  const db = await PGlite.create();
  const server = await servePglite(db);
  const url = server.url;
  await applyMigrations(url);
  return {
    url,
    kind: 'pglite',
    label: 'embedded PGlite (in memory): indicative only',
    async drop() {
      await server.stop();
      await db.close();
    },
  };
}

async function unreachable(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message || error.name : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    return rows[0]?.v.split(' ')[0] ?? '?';
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Never print a password that might be in the URL. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}
