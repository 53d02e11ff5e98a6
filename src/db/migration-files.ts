// Reads prisma/migrations in Prisma's standard layout, for the schema engine, and says which
// migrations a database has applied (the start-up check, the CLI and /readyz share both rules).
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MigrationList } from './schema-engine.js';

export const projectRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const schemaPath = join(projectRoot, 'prisma', 'schema.prisma');
export const migrationsDir = join(projectRoot, 'prisma', 'migrations');
export const lockfileName = 'migration_lock.toml';

/** The migrations applied to a database, as Prisma records them: finished, not rolled back. */
export const APPLIED_MIGRATIONS_SQL =
  'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL';

/** The migrations this build ships: the folder names under prisma/migrations, in order. */
export async function migrationNames(baseDir = migrationsDir): Promise<string[]> {
  if (!existsSync(baseDir)) return [];
  return (await readdir(baseDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export async function readMigrationList(baseDir = migrationsDir): Promise<MigrationList> {
  const lockPath = join(baseDir, lockfileName);
  const names = await migrationNames(baseDir);
  const migrationDirectories = await Promise.all(
    names.map(async (name) => {
      const file = join(baseDir, name, 'migration.sql');
      const content = existsSync(file)
        ? { tag: 'ok' as const, value: await readFile(file, 'utf8') }
        : { tag: 'error' as const, value: `missing ${file}` };
      return { path: name, migrationFile: { path: 'migration.sql', content } };
    }),
  );
  return {
    baseDir,
    lockfile: {
      path: lockfileName,
      content: existsSync(lockPath) ? await readFile(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}
