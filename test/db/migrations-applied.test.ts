// The readiness check's "migrations applied": every folder of prisma/migrations has a finished,
// not rolled back row in _prisma_migrations; a positive answer is kept.
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsDir } from '../../src/db/migration-files.js';
import { migrationsAppliedCheck } from '../../src/db/migrations-applied.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
let shipped: string[];
const directories: string[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  shipped = (await readdir(migrationsDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
});
afterAll(async () => {
  await Promise.all(directories.map((directory) => rm(directory, { recursive: true, force: true })));
  await t?.close();
});

/** A migrations folder: the shipped migrations plus `extra` (a lock file too, which is not a migration). */
async function migrationsFolder(extra: string[]): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'sesame-migrations-'));
  directories.push(directory);
  for (const name of [...shipped, ...extra]) await mkdir(join(directory, name));
  await writeFile(join(directory, 'migration_lock.toml'), 'provider = "postgresql"\n');
  return directory;
}

async function recordMigration(name: string, state: { finished: boolean; rolledBack?: boolean }) {
  await t.prisma.$executeRaw`
    INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, rolled_back_at, applied_steps_count)
    VALUES (gen_random_uuid()::text, 'test', ${name}, now(),
            CASE WHEN ${state.finished} THEN now() END, CASE WHEN ${state.rolledBack ?? false} THEN now() END, 1)`;
}

describe('migrations applied', () => {
  it('is true on a migrated database, with the shipped migrations', async () => {
    expect(shipped.length).toBeGreaterThan(0);
    expect(await migrationsAppliedCheck(t.prisma)()).toBe(true);
  });

  it('is false while a migration folder has no row', async () => {
    const check = migrationsAppliedCheck(t.prisma, await migrationsFolder(['20990101000000_not_yet']));
    expect(await check()).toBe(false);
  });

  it('is false while a migration is unfinished or rolled back, true once it finished', async () => {
    const unfinished = '20990102000000_unfinished';
    const rolledBack = '20990103000000_rolled_back';
    await recordMigration(unfinished, { finished: false });
    await recordMigration(rolledBack, { finished: true, rolledBack: true });
    expect(await migrationsAppliedCheck(t.prisma, await migrationsFolder([unfinished]))()).toBe(false);
    expect(await migrationsAppliedCheck(t.prisma, await migrationsFolder([rolledBack]))()).toBe(false);

    await t.prisma.$executeRaw`UPDATE _prisma_migrations SET finished_at = now() WHERE migration_name = ${unfinished}`;
    expect(await migrationsAppliedCheck(t.prisma, await migrationsFolder([unfinished]))()).toBe(true);
  });

  it('keeps a positive answer without asking the database again', async () => {
    const name = '20990104000000_kept';
    await recordMigration(name, { finished: true });
    const check = migrationsAppliedCheck(t.prisma, await migrationsFolder([name]));
    expect(await check()).toBe(true);
    await t.prisma.$executeRaw`DELETE FROM _prisma_migrations WHERE migration_name = ${name}`;
    expect(await check()).toBe(true);
    // A new check sees the row gone.
    expect(await migrationsAppliedCheck(t.prisma, await migrationsFolder([name]))()).toBe(false);
  });
});
