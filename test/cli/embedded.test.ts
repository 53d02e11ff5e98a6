// The CLI on the embedded database, as a new user meets it: a fresh DATA_DIR it migrates itself,
// and a DATA_DIR already served by `npm start` (another process), to which it must connect
// instead of opening the directory a second time (which would silently lose data).
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { type EmbeddedDatabase, startEmbeddedDatabase } from '../../src/db/embedded-server.js';
import { type Cli, cliFor } from './run-cli.js';

const TIMEOUT = 120_000;
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function freshDataDir(): Promise<{ dir: string; sesame: Cli }> {
  const dir = await mkdtemp(join(tmpdir(), 'sesame-data-'));
  const sesame = await cliFor({ DATA_DIR: dir });
  cleanups.push(
    () => rm(dir, { recursive: true, force: true }),
    () => sesame.cleanup(),
  );
  return { dir, sesame };
}

describe('sesame on the embedded database', { timeout: TIMEOUT }, () => {
  it('migrates a fresh DATA_DIR, then finds nothing left to apply, and releases the directory', async () => {
    const { dir, sesame } = await freshDataDir();
    const first = await sesame(['migrate']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Applied \d+ migrations?:\n {2}\d{14}_\w+/);

    const second = await sesame(['migrate', '--json']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.json()).toEqual({ applied: [], pending: [] });
    expect(existsSync(join(dir, 'sesame-embedded.lock'))).toBe(false);
  });

  it('connects to the database another process serves, without opening the directory', async () => {
    const { dir, sesame } = await freshDataDir();
    const service: EmbeddedDatabase = await startEmbeddedDatabase({ dataDir: dir, role: 'service' });
    cleanups.push(() => service.stop());

    const created = await sesame(['org', 'create', '--name', 'Served', '--seats', '2', '--owner', 'o@served.example']);
    expect(created.code, created.stderr).toBe(0);
    const invited = await sesame(['invite', 'a@served.example', '--json']);
    expect(invited.code, invited.stderr).toBe(0);

    // The lock still names this process: the CLI never took the directory over.
    const lock = JSON.parse(await readFile(join(dir, 'sesame-embedded.lock'), 'utf8')) as { pid: number };
    expect(lock.pid).toBe(process.pid);
    // And what it wrote went through the service's server.
    const client = new pg.Client({ connectionString: service.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ email: string }>('SELECT email FROM invitation');
      expect(rows).toEqual([{ email: 'a@served.example' }]);
    } finally {
      await client.end();
    }
  });

  it('backs up the database a running service serves, to a file only its owner reads', async () => {
    const { dir, sesame } = await freshDataDir();
    const service: EmbeddedDatabase = await startEmbeddedDatabase({ dataDir: dir, role: 'service' });
    cleanups.push(() => service.stop());
    const created = await sesame(['org', 'create', '--name', 'Kept', '--seats', '2', '--owner', 'o@kept.example']);
    expect(created.code, created.stderr).toBe(0);

    const file = join(sesame.cwd, 'sesame.tar.gz');
    const result = await sesame(['backup', file, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const { bytes } = result.json<{ file: string; bytes: number }>();
    const written = await stat(file);
    expect(written.size).toBe(bytes);
    expect(written.mode & 0o777).toBe(0o600);
    // gzip's magic number: a tarball of the directory (restoring it is tested in test/db).
    expect([...(await readFile(file)).subarray(0, 2)]).toEqual([0x1f, 0x8b]);
  });

  it('refuses the embedded server to a client without the password in DATA_DIR', async () => {
    const { dir } = await freshDataDir();
    const service: EmbeddedDatabase = await startEmbeddedDatabase({ dataDir: dir, role: 'service' });
    cleanups.push(() => service.stop());
    const anonymous = new URL(service.url);
    anonymous.password = '';
    const client = new pg.Client({ connectionString: anonymous.toString() });
    await expect(client.connect()).rejects.toThrow(/password authentication failed/);
  });
});
