// Runs once per `vitest run`: compiles dist/ when the sources changed, and builds a migrated template database that every test file copies
// (test/support/database.ts), so migrations run once instead of once per file.
//   - TEST_DATABASE_URL unset: an in-memory PGlite, migrated through its socket server, dumped
//     to a tarball in a temporary directory.
//   - TEST_DATABASE_URL set (a PostgreSQL server, e.g. postgresql://postgres@127.0.0.1:5432/postgres):
//     a template database with a unique name; teardown drops it and every database copied from it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { ensureBuilt } from '../../scripts/build-state.mjs';
import { applyMigrations } from '../../src/db/migrate.js';
import { servePglite } from '../../src/db/pglite-server.js';
import { NAME_PATTERN, quoteIdent, runId, type TestDatabaseTemplate, withDatabase } from './template.js';

/** Databases left by runs that were killed before their teardown are dropped after this long. */
const LEFTOVER_AGE_MS = 6 * 60 * 60 * 1000;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The CLI tests run the real `sesame`, which is compiled code: build it once here, not in each.
  ensureBuilt({ quiet: true });
  const started = performance.now();
  const adminUrl = process.env.TEST_DATABASE_URL?.trim();
  const { template, teardown } = adminUrl ? await postgresTemplate(adminUrl) : await pgliteTemplate();
  project.provide('testDatabaseTemplate', template);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Test database template (${adminUrl ? 'PostgreSQL' : 'PGlite'}) ready in ${seconds} s`);
  return teardown;
}

async function pgliteTemplate(): Promise<{ template: TestDatabaseTemplate; teardown: () => Promise<void> }> {
  const db = await PGlite.create();
  let dump: Blob;
  try {
    const server = await servePglite(db);
    try {
      await applyMigrations(server.url);
    } finally {
      await server.stop();
    }
    dump = await db.dumpDataDir('none');
  } finally {
    await db.close();
  }
  const dir = await mkdtemp(join(tmpdir(), 'sesame-test-'));
  const tarballPath = join(dir, 'template.tar');
  await writeFile(tarballPath, new Uint8Array(await dump.arrayBuffer()));
  return {
    template: { kind: 'pglite', tarballPath },
    teardown: () => rm(dir, { recursive: true, force: true }),
  };
}

async function postgresTemplate(
  adminUrl: string,
): Promise<{ template: TestDatabaseTemplate; teardown: () => Promise<void> }> {
  const run = runId();
  const template = `sesame_tpl_${run}`;
  const prefix = `sesame_t_${run}_`;
  await withAdmin(adminUrl, async (admin) => {
    await dropLeftovers(admin);
    await admin.query(`CREATE DATABASE ${quoteIdent(template)}`);
  });
  const teardown = () =>
    withAdmin(adminUrl, async (admin) => {
      const { rows } = await admin.query<{ datname: string }>(
        'SELECT datname FROM pg_database WHERE datname = $1 OR starts_with(datname, $2)',
        [template, prefix],
      );
      // Copies first: a template cannot be dropped while a CREATE DATABASE reads it.
      rows.sort((a, b) => Number(a.datname === template) - Number(b.datname === template));
      for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
    });
  try {
    await applyMigrations(withDatabase(adminUrl, template));
    await withAdmin(adminUrl, async (admin) => {
      // CREATE DATABASE ... TEMPLATE fails while anyone is connected to the template; the
      // migration pool's sockets may linger a little after pool.end(), so close them for good.
      await admin.query(`ALTER DATABASE ${quoteIdent(template)} WITH ALLOW_CONNECTIONS false`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [template]);
    });
  } catch (error) {
    await teardown();
    throw error;
  }
  return { template: { kind: 'postgres', adminUrl, template, prefix }, teardown };
}

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function dropLeftovers(admin: pg.Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE 'sesame\\_t%'`,
  );
  for (const { datname } of rows) {
    const stamp = NAME_PATTERN.exec(datname)?.[1];
    if (stamp && Date.now() - Number.parseInt(stamp, 36) > LEFTOVER_AGE_MS) {
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
    }
  }
}
