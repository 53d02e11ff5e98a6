// Applies prisma/migrations through the WASM schema engine (what `prisma migrate deploy` does),
// and tells which migrations are pending without loading the engine on the common path.
import pg from 'pg';
import { APPLIED_MIGRATIONS_SQL, migrationNames, readMigrationList, schemaPath } from './migration-files.js';

export async function pendingMigrations(url: string): Promise<string[]> {
  // The names only: the files' contents matter to the engine, not to this check.
  const names = await migrationNames();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const exists = await client.query<{ found: string | null }>(
      `SELECT to_regclass('public._prisma_migrations')::text AS found`,
    );
    if (!exists.rows[0]?.found) return names;
    const applied = await client.query<{ migration_name: string }>(APPLIED_MIGRATIONS_SQL);
    const done = new Set(applied.rows.map((row) => row.migration_name));
    return names.filter((name) => !done.has(name));
  } finally {
    await client.end();
  }
}

/** Applies the pending migrations; returns the names of those it applied. */
export async function applyMigrations(url: string): Promise<string[]> {
  // The WASM schema engine is loaded only when there is something to apply.
  const [{ PrismaPg }, { noFilters, openSchemaEngine }] = await Promise.all([
    import('@prisma/adapter-pg'),
    import('./schema-engine.js'),
  ]);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    const engine = await openSchemaEngine(schemaPath, new PrismaPg(pool));
    try {
      const result = await engine.applyMigrations({
        migrationsList: await readMigrationList(),
        filters: noFilters,
      });
      return result.appliedMigrationNames;
    } finally {
      engine.free();
    }
  } finally {
    await pool.end();
  }
}
