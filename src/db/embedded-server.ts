// The embedded PostgreSQL (PGlite, WASM) persisted in DATA_DIR and served on 127.0.0.1, so the
// service, its worker threads and the CLI all use the same pg driver path as production.
//
// A PGlite directory must never be opened by two processes at once: a second open "succeeds"
// and silently loses the second writer's data. A lock file in the directory names the process
// that serves it (embedded-lock.ts); a CLI connects to a running service's server instead of
// opening the directory, while a second service is refused: it would depend on the first one's
// life without knowing it. The server asks for the password kept in DATA_DIR (embedded-secret.ts).
import { mkdir } from 'node:fs/promises';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { type EmbeddedRole, isStale, ownLock, readLock, releaseLock, tryCreateLock } from './embedded-lock.js';
import { EmbeddedDatabaseError, embeddedSecret } from './embedded-secret.js';
import type { PgliteServer } from './pglite-server.js';

export type { EmbeddedRole } from './embedded-lock.js';
export { EmbeddedDatabaseError } from './embedded-secret.js';

export interface EmbeddedDatabase {
  url: string;
  /** True when this process opened the directory (and must stop the server on exit). */
  owned: boolean;
  /** A gzipped tarball of the database directory, consistent (taken between transactions). */
  backup(): Promise<Blob>;
  stop(): Promise<void>;
}

/** How long a client may keep PGlite's single session while idle, or in all (see pglite-server.ts). */
export const SESSION_IDLE_MS = 15_000;
export const SESSION_HOLD_MS = 120_000;

const WAIT_TIMEOUT_MS = 60_000;

const urlFor = (port: number, password: string) =>
  `postgresql://postgres:${password}@127.0.0.1:${port}/postgres?sslmode=disable`;

export async function startEmbeddedDatabase(options: {
  dataDir: string;
  role: EmbeddedRole;
  port?: number;
  onWait?: (message: string) => void;
  /** How long to wait for a CLI command that holds the directory (default 60 s). */
  waitMs?: number;
}): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  const lockPath = join(dataDir, 'sesame-embedded.lock');
  await mkdir(dataDir, { recursive: true });
  const deadline = Date.now() + (options.waitMs ?? WAIT_TIMEOUT_MS);
  let told = false;

  for (;;) {
    if (await tryCreateLock(lockPath, ownLock(options.role, null))) return serve({ ...options, dataDir, lockPath });

    const lock = await readLock(lockPath);
    if (lock && isStale(lockPath, lock)) {
      // The previous owner is gone (its PID may live on in another process): the directory is free.
      await releaseLock(lockPath);
      continue;
    }
    if (lock?.role === 'service' && options.role === 'service') {
      throw new EmbeddedDatabaseError(
        `Another Sesame service (process ${lock.pid}) already uses the embedded database in ${dataDir}: stop it first, or give this one another DATA_DIR.`,
      );
    }
    if (lock?.role === 'service' && lock.port !== null && (await canConnect(lock.port))) {
      const url = urlFor(lock.port, await embeddedSecret(dataDir, { create: false }));
      return { url, owned: false, backup: () => backupThrough(url), stop: async () => {} };
    }
    if (Date.now() > deadline) {
      throw new EmbeddedDatabaseError(
        `The embedded database in ${dataDir} is in use by process ${lock?.pid ?? '?'}; stop it, or remove ${lockPath} if no Sesame process runs.`,
      );
    }
    if (!told && lock) {
      options.onWait?.(`Waiting for process ${lock.pid} to release the embedded database in ${dataDir}...`);
      told = true;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}

async function serve(options: {
  dataDir: string;
  lockPath: string;
  role: EmbeddedRole;
  port?: number;
}): Promise<EmbeddedDatabase> {
  let db: PGlite | undefined;
  let server: PgliteServer | undefined;
  try {
    // Loaded here, by the process that opens the directory: one that connects to a running
    // service's server (a CLI command) never loads PGlite.
    const [{ PGlite }, { servePglite }, { writeFile }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('./pglite-server.js'),
      import('node:fs/promises'),
    ]);
    const password = await embeddedSecret(options.dataDir, { create: true });
    db = await PGlite.create({ dataDir: join(options.dataDir, 'pglite') });
    const opened = db;
    server = await servePglite(db, {
      port: options.port ?? 0,
      password,
      idleSessionMs: SESSION_IDLE_MS,
      maxHoldMs: SESSION_HOLD_MS,
    });
    await writeFile(options.lockPath, JSON.stringify(ownLock(options.role, server.port)));
    let stopped = false;
    return {
      url: urlFor(server.port, password),
      owned: true,
      backup: () => (server as PgliteServer).backup(),
      async stop() {
        if (stopped) return;
        stopped = true;
        await server?.stop();
        await opened.close();
        await releaseLock(options.lockPath);
      },
    };
  } catch (error) {
    await server?.stop().catch(() => {});
    await db?.close().catch(() => {});
    await releaseLock(options.lockPath);
    throw error;
  }
}

/** Asks the serving process for the tarball (see BACKUP_QUERY in pglite-server.ts). */
async function backupThrough(url: string): Promise<Blob> {
  const [{ default: pg }, { BACKUP_QUERY }] = await Promise.all([import('pg'), import('./pglite-server.js')]);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ backup: Buffer }>(BACKUP_QUERY);
    const bytes = rows[0]?.backup;
    if (!bytes) throw new EmbeddedDatabaseError('The embedded database returned no backup.');
    return new Blob([new Uint8Array(bytes)]);
  } finally {
    await client.end();
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}
