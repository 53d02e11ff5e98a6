// "Are the migrations applied?" for the readiness check, cheaply: the folder names under
// prisma/migrations against the rows of `_prisma_migrations` that finished and were not rolled
// back. No checksums and no schema engine (migrate.ts does that at start): a probe runs every
// few seconds. Once every migration is found applied, the answer is kept.
import type { Db } from './database.js';
import { APPLIED_MIGRATIONS_SQL, migrationNames, migrationsDir } from './migration-files.js';

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
    const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(APPLIED_MIGRATIONS_SQL);
    const done = new Set(rows.map((row) => row.migration_name));
    applied = names.every((name) => done.has(name));
    return applied;
  };
}
