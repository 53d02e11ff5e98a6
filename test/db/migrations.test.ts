import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MigrationsPendingError, openDatabase } from '../../src/db/database.js';
import { type EmbeddedDatabase, startEmbeddedDatabase } from '../../src/db/embedded-server.js';
import { pendingMigrations } from '../../src/db/migrate.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const LOCK_FILE = 'sesame-embedded.lock';

describe('a test database', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.close());

  it('has the tables of the schema', async () => {
    for (const table of ['organization', 'member', 'invitation', 'outbox_message', 'audit_event']) {
      const rows = await db.prisma.$queryRawUnsafe<{ count: bigint }[]>(`SELECT count(*) AS count FROM ${table}`);
      expect(rows, table).toEqual([{ count: 0n }]);
    }
    expect(await db.prisma.organization.count()).toBe(0);
    expect(await db.prisma.outboxMessage.count()).toBe(0);
  });

  it('has every migration applied', async () => {
    expect(await pendingMigrations(db.url)).toEqual([]);
  });

  it('is a copy of its own: writes do not reach another test database', async () => {
    const other = await createTestDatabase();
    try {
      await db.prisma.organization.create({ data: { name: 'Acme', seatLimit: 10, catalogue: {} } });
      expect(await db.prisma.organization.count()).toBe(1);
      expect(await other.prisma.organization.count()).toBe(0);
    } finally {
      await other.close();
    }
  });
});

describe('the embedded database server', () => {
  const dirs: string[] = [];
  const started: EmbeddedDatabase[] = [];
  const tempDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sesame-embedded-'));
    dirs.push(dir);
    return dir;
  };
  const start = async (options: Parameters<typeof startEmbeddedDatabase>[0]) => {
    const db = await startEmbeddedDatabase(options);
    started.push(db);
    return db;
  };

  afterEach(async () => {
    for (const db of started.splice(0).reverse()) await db.stop();
  });
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('keeps its data across stop and start', async () => {
    const dataDir = await tempDir();
    const first = await start({ dataDir, role: 'cli' });
    expect(first.owned).toBe(true);
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(true);
    await query(first.url, 'CREATE TABLE kept (value text)');
    await query(first.url, `INSERT INTO kept VALUES ('still here')`);
    await first.stop();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);

    const second = await start({ dataDir, role: 'cli' });
    expect(second.owned).toBe(true);
    expect(await query(second.url, 'SELECT value FROM kept')).toEqual([{ value: 'still here' }]);
  });

  it('lets a second caller use the server of a running service instead of opening the directory', async () => {
    const dataDir = await tempDir();
    const service = await start({ dataDir, role: 'service' });
    const lock = JSON.parse(await readFile(join(dataDir, LOCK_FILE), 'utf8'));
    expect(lock).toMatchObject({ pid: process.pid, role: 'service', port: expect.any(Number) });

    const cli = await start({ dataDir, role: 'cli' });
    expect(cli).toMatchObject({ owned: false, url: service.url });
    await query(cli.url, 'CREATE TABLE shared (n int)');
    await cli.stop();
    // Stopping a borrowed server does nothing: the service still serves the directory.
    expect(await query(service.url, 'SELECT count(*)::int AS n FROM shared')).toEqual([{ n: 0 }]);
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(true);
  });

  it('reclaims the directory when the process named in the lock is dead', async () => {
    const dataDir = await tempDir();
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
    await writeFile(join(dataDir, LOCK_FILE), JSON.stringify({ pid: deadPid, role: 'service', port: 1 }));

    const db = await start({ dataDir, role: 'cli' });
    expect(db.owned).toBe(true);
    const lock = JSON.parse(await readFile(join(dataDir, LOCK_FILE), 'utf8'));
    expect(lock).toMatchObject({ pid: process.pid, role: 'cli' });
    expect(await query(db.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('openDatabase refuses an unmigrated database with "require", and migrates it with "apply"', async () => {
    const env = { DATABASE_URL: undefined, DATA_DIR: await tempDir(), EMBEDDED_DB_PORT: 0 };

    await expect(openDatabase({ env, role: 'cli', migrations: 'require' })).rejects.toBeInstanceOf(
      MigrationsPendingError,
    );
    // The refusal stopped the server and released the directory.
    expect(existsSync(join(env.DATA_DIR, LOCK_FILE))).toBe(false);

    const logged: string[] = [];
    const db = await openDatabase({ env, role: 'cli', migrations: 'apply', log: (m) => logged.push(m) });
    try {
      expect(db.embedded).toBe(true);
      expect(logged).toEqual([expect.stringMatching(/^Applied \d+ database migration\(s\)\.$/)]);
      expect(await pendingMigrations(db.url)).toEqual([]);
      expect(await db.prisma.organization.count()).toBe(0);
    } finally {
      await db.close();
    }

    const again = await openDatabase({ env, role: 'cli', migrations: 'require' });
    await again.close();
  });
});

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}
