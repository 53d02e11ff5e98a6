// Serves a PGlite database over the PostgreSQL wire protocol on 127.0.0.1, for many connections.
//
// Why not pglite-socket's server: it queues each protocol message on its own, so outside a
// transaction another connection's message can run between this one's Parse and Bind. With
// pg's extended protocol (every parameterized query) that mixes queries up ("bind message
// supplies 302 parameters, but prepared statement requires 6"; electric-sql/pglite#1046).
// PGlite has one backend session, so here a connection keeps the session from its first
// message until its Sync (or simple Query), and for as long as it has a transaction open.
import { createServer, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'

export interface PgliteServer {
  port: number;
  url: string;
  stop(): Promise<void>;
}

/** Who holds PGlite's single session, and who waits for it (first come, first served). */
class SessionLock {
  private owner: number | null = null;
  private readonly waiters: { id: number; resume: () => void }[] = [];

  async acquire(id: number): Promise<void> {
    if (this.owner === null || this.owner === id) {
      this.owner = id;
      return;
    }
    await new Promise<void>((resume) => this.waiters.push({ id, resume }));
  }

  owns(id: number): boolean {
    return this.owner === id;
  }

  release(id: number): void {
    if (this.owner !== id) return;
    const next = this.waiters.shift();
    this.owner = next?.id ?? null;
    next?.resume();
  }

  forget(id: number): void {
    const index = this.waiters.findIndex((w) => w.id === id);
    if (index >= 0) this.waiters.splice(index, 1);
    this.release(id);
  }
}

export async function servePglite(db: PGlite, options: { port?: number } = {}): Promise<PgliteServer> {
  await db.waitReady;
  const lock = new SessionLock();
  const sockets = new Set<Socket>();
  let nextId = 1;

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    const id = nextId++;
    socket.setNoDelay(true);
    let buffer = Buffer.alloc(0);
    let started = false;
    let pending: Buffer[] = [];
    let work = Promise.resolve();
    let closed = false;

    const run = (frames: Buffer[], endsBatch: boolean) => {
      work = work.then(async () => {
        if (closed) return;
        await lock.acquire(id);
        try {
          for (const frame of frames) {
            await db.runExclusive(() =>
              db.execProtocolRawStream(new Uint8Array(frame), {
                onRawData: (chunk) => {
                  if (!socket.destroyed) socket.write(Buffer.from(chunk));
                },
              }),
            );
          }
        } catch {
          socket.destroy();
          return;
        }
        // Between batches, and outside a transaction, the session is free for others.
        if (endsBatch && !db.isInTransaction()) lock.release(id);
      });
    };

    socket.on('data', (data) => {
      buffer = buffer.length ? Buffer.concat([buffer, data]) : data;
      for (;;) {
        if (!started) {
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
          started = true;
          run([buffer.subarray(0, length)], true);
          buffer = buffer.subarray(length);
          continue;
        }
        if (buffer.length < 5) return;
        const length = 1 + buffer.readInt32BE(1);
        if (buffer.length < length) return;
        const frame = buffer.subarray(0, length);
        buffer = buffer.subarray(length);
        const type = frame[0];
        if (type === TERMINATE) {
          socket.end();
          return;
        }
        pending.push(frame);
        const endsBatch = type === SYNC || type === QUERY;
        // A Flush ('H') or a Sync makes the client wait for answers: run what has arrived.
        if (endsBatch || type === 0x48) {
          run(pending, endsBatch);
          pending = [];
        }
      }
    });

    const cleanUp = () => {
      if (closed) return;
      closed = true;
      sockets.delete(socket);
      work = work.then(async () => {
        // A client that vanished inside its transaction must not keep the session forever.
        if (lock.owns(id) && db.isInTransaction()) await db.exec('ROLLBACK').catch(() => {});
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
  return {
    port,
    url: `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
