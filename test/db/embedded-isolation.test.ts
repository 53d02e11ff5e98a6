// The embedded server's clients (issue 13, item 8): only those with the password in DATA_DIR get
// in, and none can break or freeze the others through PGlite's single shared session.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedDatabase } from '../../src/db/embedded-server.js';
import { type PgliteServer, servePglite } from '../../src/db/pglite-server.js';

let db: PGlite;
let server: PgliteServer;
const clients: pg.Client[] = [];
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  db = await PGlite.create();
  server = await servePglite(db, { password: 'right-password', idleSessionMs: 400, maxHoldMs: 600 });
  const admin = await connect(server.url);
  await admin.query('CREATE TABLE t (v int)');
});
afterEach(async () => {
  for (const client of clients.splice(0)) await client.end().catch(() => {});
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(async () => {
  await server.stop();
  await db.close();
});

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  clients.push(client);
  await client.connect();
  return client;
}

const withPassword = (password: string) => server.url.replace(':right-password@', `:${password}@`);
const count = async (v: number) =>
  (await (await connect(server.url)).query<{ n: string }>('SELECT count(*) AS n FROM t WHERE v = $1', [v])).rows[0]?.n;

describe('embedded server authentication', () => {
  it('refuses a connection without the password, or with a wrong one, with a PostgreSQL error', async () => {
    const none = server.url.replace(':right-password@', '@');
    await expect(connect(none)).rejects.toThrow(/password authentication failed for user "postgres"/);
    await expect(connect(withPassword('wrong'))).rejects.toThrow(/password authentication failed/);
    const ok = await connect(server.url);
    expect((await ok.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('keeps the password in DATA_DIR (0600) and gives it to those that connect', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sesame-secret-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const service = await startEmbeddedDatabase({ dataDir: dir, role: 'service' });
    cleanups.push(() => service.stop());
    expect((await stat(join(dir, 'sesame-embedded.secret'))).mode & 0o777).toBe(0o600);
    const cli = await startEmbeddedDatabase({ dataDir: dir, role: 'cli' });
    expect(cli.url).toBe(service.url);
    expect((await (await connect(cli.url)).query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    const anonymous = new URL(service.url);
    anonymous.password = '';
    await expect(connect(anonymous.toString())).rejects.toThrow(/password authentication failed/);
  });
});

describe('embedded server isolation', () => {
  it('ends a client idle in its transaction, rolls it back, and lets the others go on', async () => {
    const idle = await connect(server.url);
    await idle.query('BEGIN');
    await idle.query('INSERT INTO t VALUES ($1)', [10]);
    const started = Date.now();
    expect(await count(10)).toBe('0');
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect(idle.query('SELECT 1')).rejects.toThrow();
  });

  it('ends a client that keeps the session too long while others wait', async () => {
    const greedy = await connect(server.url);
    await greedy.query('BEGIN');
    let stopped: unknown;
    const loop = (async () => {
      try {
        for (let i = 0; i < 10_000; i++) await greedy.query('INSERT INTO t VALUES ($1)', [20]);
      } catch (error) {
        stopped = error;
      }
    })();
    await new Promise((r) => setTimeout(r, 50));
    expect(await count(20)).toBe('0');
    await loop;
    expect(String(stopped)).toMatch(/terminating connection|Connection terminated|connection error/);
  });

  it('rolls back a client that disconnects inside its transaction', async () => {
    const lost = await connect(server.url);
    await lost.query('BEGIN');
    await lost.query('INSERT INTO t VALUES ($1)', [30]);
    lost.connection.stream.destroy();
    expect(await count(30)).toBe('0');
  });

  it("does not let one client's session settings reach the next (pg_dump clears search_path)", async () => {
    const dumper = await connect(server.url);
    await dumper.query("SELECT pg_catalog.set_config('search_path', '', false)");
    await dumper.end();
    expect(await count(1)).toBe('0');
  });
});

describe('embedded backup', { timeout: 120_000 }, () => {
  it('takes a tarball through the running server that restores with tar into a new DATA_DIR', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sesame-backup-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const service = await startEmbeddedDatabase({ dataDir: join(dir, 'live'), role: 'service' });
    cleanups.push(() => service.stop());
    const writer = await connect(service.url);
    await writer.query('CREATE TABLE kept (v text); INSERT INTO kept VALUES ($$backed up$$)');

    const cli = await startEmbeddedDatabase({ dataDir: join(dir, 'live'), role: 'cli' });
    expect(cli.owned).toBe(false);
    const tarball = join(dir, 'backup.tar.gz');
    await (await import('node:fs/promises')).writeFile(
      tarball,
      new Uint8Array(await (await cli.backup()).arrayBuffer()),
    );

    // The documented restore: the tarball holds the pglite directory's contents.
    await mkdir(join(dir, 'restored', 'pglite'), { recursive: true });
    execFileSync('tar', ['-xzf', tarball, '-C', join(dir, 'restored', 'pglite')], { stdio: 'ignore' });
    const restored = await PGlite.create({ dataDir: join(dir, 'restored', 'pglite') });
    try {
      expect((await restored.query('SELECT v FROM kept')).rows).toEqual([{ v: 'backed up' }]);
    } finally {
      await restored.close();
    }
  });
});
