// Sesame's HTTP server with the given routes on a free local port, for tests that speak HTTP.
import type { AddressInfo } from 'node:net';
import type { Db } from '../../src/db/database.js';
import { createHttpServer, type Route } from '../../src/http/server.js';
import type { Logger } from '../../src/log/logger.js';

export async function serveRoutes(
  db: Db,
  log: Logger,
  routes: Record<string, Route>,
): Promise<{ base: string; close(): Promise<void> }> {
  const server = createHttpServer({ db, log, routes });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
