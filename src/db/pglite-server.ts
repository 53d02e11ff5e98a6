// Serves a PGlite database over the PostgreSQL wire protocol on 127.0.0.1, for many connections.
//
// Why not pglite-socket's server: it queues each protocol message on its own, so outside a
// transaction another connection's message can run between this one's Parse and Bind. With
// pg's extended protocol (every parameterized query) that mixes queries up ("bind message
// supplies 302 parameters, but prepared statement requires 6"; electric-sql/pglite#1046).
// PGlite has one backend session, so here a connection keeps the session from its first
// message until its Sync (or simple Query), and for as long as it has a transaction open.
//
// Since clients share that session, the server also keeps them apart: a password (when given),
// session settings reset when the session changes hands (pg_dump's search_path must not break
// the next client), and bounds on how long one client may keep the session idle or in all.
// A running statement cannot be interrupted (PGlite runs it synchronously): the bounds act
// between messages.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import { backupResponse, errorResponse, message } from './wire-messages.js';

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q'
const FLUSH = 0x48; // 'H'
const TERMINATE = 0x58; // 'X'
const PASSWORD = 0x70; // 'p'

/** A simple query the server answers itself with a gzipped tarball of the database (bytea). */
export const BACKUP_QUERY = 'SELECT sesame_backup_tarball()';
const BACKUP_FRAME = message(QUERY, Buffer.from(`${BACKUP_QUERY}\0`));

export interface PgliteServer {
  port: number;
  url: string;
  /** A gzipped tarball of the data directory, taken while no client is in a transaction. */
  backup(): Promise<Blob>;
  stop(): Promise<void>;
}

export interface ServeOptions {
  port?: number;
  /** Required from every client when set (asked in cleartext: the server listens on loopback only). */
  password?: string;
  /** A client keeping the session without sending anything for this long is disconnected. */
  idleSessionMs?: number;
  /** A client keeping the session for this long while others wait is disconnected. */
  maxHoldMs?: number;
}

/** Who holds PGlite's single session, and who waits for it (first come, first served). */
class SessionLock {
  private owner: number | null = null;
  private readonly waiters: { id: number; resume: () => void }[] = [];
  heldSince = 0;

  async acquire(id: number): Promise<void> {
    if (this.owner === id) return;
    if (this.owner !== null) await new Promise<void>((resume) => this.waiters.push({ id, resume }));
    this.owner = id;
    this.heldSince = Date.now();
  }

  owns(id: number): boolean {
    return this.owner === id;
  }

  contended(): boolean {
    return this.waiters.length > 0;
  }

  release(id: number): void {
    if (this.owner !== id) return;
    this.owner = null;
    this.waiters.shift()?.resume();
  }

  forget(id: number): void {
    const index = this.waiters.findIndex((w) => w.id === id);
    if (index >= 0) this.waiters.splice(index, 1);
    this.release(id);
  }
}

export async function servePglite(db: PGlite, options: ServeOptions = {}): Promise<PgliteServer> {
  await db.waitReady;
  const lock = new SessionLock();
  const sockets = new Set<Socket>();
  const expected = options.password === undefined ? undefined : digest(options.password);
  let nextId = 1;
  let lastUser: number | null = null;

  /** Takes the session for `id`, first clearing what the previous client may have set. */
  const take = async (id: number) => {
    await lock.acquire(id);
    if (lastUser !== null && lastUser !== id) await db.exec('RESET ALL');
    lastUser = id;
  };

  const backup = async (id: number): Promise<Blob> => {
    await take(id);
    try {
      return (await db.dumpDataDir('gzip')) as Blob;
    } finally {
      lock.release(id);
    }
  };

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    const id = nextId++;
    socket.setNoDelay(true);
    let buffer = Buffer.alloc(0);
    let startup: Buffer | undefined;
    let authenticated = expected === undefined;
    let pending: Buffer[] = [];
    let work = Promise.resolve();
    let queued = 0;
    let closed = false;
    let idleTimer: NodeJS.Timeout | undefined;

    const end = (code: string, text: string) => {
      if (closed) return;
      cleanUp();
      socket.end(errorResponse(code, text));
    };

    /** Once this client's work is done, bound how long it may keep the session. */
    const watch = () => {
      if (queued > 0 || closed || !lock.owns(id)) return;
      if (options.maxHoldMs && lock.contended() && Date.now() - lock.heldSince > options.maxHoldMs) {
        end(
          '25P04',
          `terminating connection: it kept the embedded database over ${options.maxHoldMs} ms while others waited`,
        );
        return;
      }
      if (options.idleSessionMs)
        idleTimer = setTimeout(
          () => end('25P03', 'terminating connection due to idle-in-transaction timeout'),
          options.idleSessionMs,
        );
    };

    const run = (frames: Buffer[], endsBatch: boolean) => {
      queued++;
      work = work.then(async () => {
        try {
          if (closed) return;
          await take(id);
          if (closed) return;
          if (frames.length === 1 && frames[0]?.equals(BACKUP_FRAME) && !db.isInTransaction()) {
            const tarball = await backup(id);
            socket.write(backupResponse(Buffer.from(await tarball.arrayBuffer())));
            return;
          }
          for (const frame of frames) {
            await db.runExclusive(() =>
              db.execProtocolRawStream(new Uint8Array(frame), {
                onRawData: (chunk) => {
                  if (!socket.destroyed) socket.write(Buffer.from(chunk));
                },
              }),
            );
          }
          // Between batches, and outside a transaction, the session is free for others.
          if (endsBatch && !db.isInTransaction()) lock.release(id);
        } catch {
          socket.destroy();
        } finally {
          queued--;
          watch();
        }
      });
    };

    const authenticate = (frame: Buffer) => {
      const given = frame[0] === PASSWORD ? frame.subarray(5, frame.indexOf(0, 5)) : undefined;
      if (!given || !expected || !timingSafeEqual(digest(given), expected)) {
        end('28P01', 'password authentication failed for user "postgres"');
        return;
      }
      authenticated = true;
      run([startup as Buffer], true);
    };

    socket.on('data', (data) => {
      clearTimeout(idleTimer);
      buffer = buffer.length ? Buffer.concat([buffer, data]) : data;
      while (!closed) {
        if (!startup) {
          if (buffer.length < 8) return;
          const length = buffer.readInt32BE(0);
          const code = buffer.readInt32BE(4);
          if (code === SSL_REQUEST) {
            socket.write('N');
            buffer = buffer.subarray(8);
            continue;
          }
          if (code === CANCEL_REQUEST) {
            socket.destroy();
            return;
          }
          if (buffer.length < length) return;
          startup = buffer.subarray(0, length);
          buffer = buffer.subarray(length);
          // AuthenticationCleartextPassword: over loopback the password never leaves the machine.
          if (authenticated) run([startup], true);
          else socket.write(message(0x52, Buffer.from([0, 0, 0, 3])));
          continue;
        }
        if (buffer.length < 5) return;
        const length = 1 + buffer.readInt32BE(1);
        if (buffer.length < length) return;
        const frame = buffer.subarray(0, length);
        buffer = buffer.subarray(length);
        if (!authenticated) {
          authenticate(frame);
          continue;
        }
        const type = frame[0];
        if (type === TERMINATE) {
          socket.end();
          return;
        }
        pending.push(frame);
        const endsBatch = type === SYNC || type === QUERY;
        // A Flush or a Sync makes the client wait for answers: run what has arrived.
        if (endsBatch || type === FLUSH) {
          run(pending, endsBatch);
          pending = [];
        }
      }
    });

    const cleanUp = () => {
      if (closed) return;
      closed = true;
      clearTimeout(idleTimer);
      sockets.delete(socket);
      work = work.then(async () => {
        if (lock.owns(id)) {
          // A client that vanished mid-batch or inside its transaction must not leave it to the next.
          await db.runExclusive(() => db.execProtocolRaw(message(SYNC, Buffer.alloc(0)))).catch(() => {});
          if (db.isInTransaction()) await db.exec('ROLLBACK').catch(() => {});
        }
        lock.forget(id);
      });
    };
    socket.on('close', cleanUp);
    socket.on('error', cleanUp);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const credentials = options.password === undefined ? '' : `:${encodeURIComponent(options.password)}`;
  return {
    port,
    url: `postgresql://postgres${credentials}@127.0.0.1:${port}/postgres?sslmode=disable`,
    backup: () => backup(0),
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Compared as digests: equal lengths for timingSafeEqual, whatever the client sent. */
function digest(value: string | Buffer): Buffer {
  return createHash('sha256').update(value).digest();
}
