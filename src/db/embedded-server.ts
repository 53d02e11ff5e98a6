// The embedded PostgreSQL (PGlite, WASM) persisted in DATA_DIR and served on 127.0.0.1, so the
// service, its worker threads and the CLI all use the same pg driver path as production.
//
// A PGlite directory must never be opened by two processes at once: a second open "succeeds"
// and silently loses the second writer's data. A lock file in the directory names the process
// that serves it; other processes connect to that server instead of opening the directory.
import { mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { PgliteServer } from './pglite-server.js';

/** Who serves the directory. A service is long-lived and shares its server; a CLI does not. */
export type EmbeddedRole = 'service' | 'cli';

interface LockContent {
  pid: number;
  role: EmbeddedRole;
  port: number | null;
}

export interface EmbeddedDatabase {
  url: string;
  /** True when this process opened the directory (and must stop the server on exit). */
  owned: boolean;
  stop(): Promise<void>;
}

const WAIT_TIMEOUT_MS = 60_000;

const urlFor = (port: number) => `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`;

export async function startEmbeddedDatabase(options: {
  dataDir: string;
  role: EmbeddedRole;
  port?: number;
  onWait?: (message: string) => void;
}): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  const lockPath = join(dataDir, 'sesame-embedded.lock');
  await mkdir(dataDir, { recursive: true });
  const deadline = Date.now() + WAIT_TIMEOUT_MS;
  let told = false;

  for (;;) {
    const acquired = await tryCreateLock(lockPath, { pid: process.pid, role: options.role, port: null });
    if (acquired) return serve({ ...options, dataDir, lockPath });

    const lock = await readLock(lockPath);
    if (lock && !isAlive(lock.pid)) {
      // The previous owner died without cleaning up: the directory is free again.
      await rm(lockPath, { force: true });
      continue;
    }
    if (lock?.role === 'service' && lock.port !== null && (await canConnect(lock.port))) {
      return { url: urlFor(lock.port), owned: false, stop: async () => {} };
    }
    if (Date.now() > deadline) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by process ${lock?.pid ?? '?'}; stop it or remove ${lockPath} if no Sesame process runs.`,
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
    const [{ PGlite }, { servePglite }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('./pglite-server.js'),
    ]);
    db = await PGlite.create({ dataDir: join(options.dataDir, 'pglite') });
    server = await servePglite(db, { port: options.port ?? 0 });
    const port = server.port;
    await writeFile(options.lockPath, JSON.stringify({ pid: process.pid, role: options.role, port }));
    let stopped = false;
    return {
      url: urlFor(port),
      owned: true,
      async stop() {
        if (stopped) return;
        stopped = true;
        await server?.stop();
        await db?.close();
        await rm(options.lockPath, { force: true });
      },
    };
  } catch (error) {
    await server?.stop().catch(() => {});
    await db?.close().catch(() => {});
    await rm(options.lockPath, { force: true });
    throw error;
  }
}

async function tryCreateLock(path: string, content: LockContent): Promise<boolean> {
  try {
    const handle = await open(path, 'wx');
    await handle.writeFile(JSON.stringify(content));
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

async function readLock(path: string): Promise<LockContent | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as LockContent;
  } catch {
    // Missing, or caught half-written by its owner: the caller retries.
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
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
