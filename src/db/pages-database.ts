// The connection pool the accept page reads through (see src/invitations/invitation-page.ts): plain pg with
// prepared statements, about three times the throughput of the same query sent unprepared, and
// more again than through Prisma (measured: bench/pages.ts). Its own pool, since Prisma's is not
// reachable from outside the client; its connections count against PostgreSQL's slots (and the
// embedded server's 100) like the Prisma pool's.
import pg from 'pg';
import type { Logger } from '../log/logger.js';

/** The page loader keeps at most two batched queries in flight: two connections serve it. */
export const PAGES_POOL_SIZE = 2;

export interface PagesDatabase {
  /** One read; prepared under `name` where the server allows it. */
  read<R extends pg.QueryResultRow>(query: { name: string; text: string }, values: unknown[]): Promise<R[]>;
  end(): Promise<void>;
}

export function createPagesDatabase(options: {
  url: string;
  /**
   * True for the embedded database (PGlite behind pglite-socket): its connections share one
   * backend, where a statement prepared by one connection collides with the next one's.
   */
  embedded: boolean;
  log: Logger;
  max?: number;
}): PagesDatabase {
  const pool = new pg.Pool({ connectionString: options.url, max: options.max ?? PAGES_POOL_SIZE });
  // An idle connection that dies (database restart) must not take the process down with it.
  pool.on('error', (error) =>
    options.log.warn('enrollment pages: idle database connection lost', { error: error.message }),
  );
  return {
    async read<R extends pg.QueryResultRow>(query: { name: string; text: string }, values: unknown[]) {
      const config = options.embedded ? { text: query.text, values } : { ...query, values };
      return (await pool.query<R>(config)).rows;
    },
    end: () => pool.end(),
  };
}
