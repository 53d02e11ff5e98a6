// Applies prisma/migrations through the WASM schema engine (what `prisma migrate deploy` does),
// and tells which migrations are pending without loading the engine on the common path.
import pg from 'pg';
import { readMigrationList, schemaPath } from './migration-files.js';

export async function pendingMigrations(url: string): Promise<string[]> {
  const list = await readMigrationList();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const exists = await client.query<{ found: string | null }>(
      `SELECT to_regclass('public._prisma_migrations')::text AS found`,
    );
    if (!exists.rows[0]?.found) return list.migrationDirectories.map((d) => d.path);
    const applied = await client.query<{ migration_name: string }>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const done = new Set(applied.rows.map((row) => row.migration_name));
    return list.migrationDirectories.map((d) => d.path).filter((name) => !done.has(name));
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
