// "Are the migrations applied?" for the readiness check, cheaply: the folder names under
// prisma/migrations against the rows of `_prisma_migrations` that finished and were not rolled
// back. No checksums and no schema engine (migrate.ts does that at start): a probe runs every
// few seconds. Once every migration is found applied, the answer is kept.
import { readdir } from 'node:fs/promises';
import type { Db } from './database.js';
import { migrationsDir } from './migration-files.js';

export function migrationsAppliedCheck(db: Db, directory = migrationsDir): () => Promise<boolean> {
  let expected: Promise<string[]> | undefined;
  let applied = false;
  return async () => {
    if (applied) return true;
    // Read once: the migrations shipped with this build do not change while it runs.
    expected ??= migrationNames(directory).catch((error: unknown) => {
      expected = undefined;
      throw error;
    });
    const names = await expected;
    const rows = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const done = new Set(rows.map((row) => row.migration_name));
    applied = names.every((name) => done.has(name));
    return applied;
  };
}

async function migrationNames(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
}
