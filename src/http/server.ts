// The one HTTP server of the service. Today: the health check. The enrollment pages, Slack's
// and Teams' endpoints and SendGrid's webhook mount here too (one process, one port).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Db } from '../db/database.js';
import type { Logger } from '../log/logger.js';

export type Route = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export function createHttpServer(options: { db: Db; log: Logger; routes?: Record<string, Route> }): Server {
  const routes: Record<string, Route> = {
    'GET /healthz': async (_req, res) => {
      await options.db.$queryRawUnsafe('SELECT 1');
      send(res, 200, { status: 'ok' });
    },
    ...options.routes,
  };
  return createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const route = routes[`${req.method} ${path}`];
    if (!route) return send(res, 404, { error: 'not found' });
    route(req, res).catch((error: unknown) => {
      // The path only: query strings may carry tokens.
      options.log.error('request failed', { method: req.method, path, error: String(error) });
      if (!res.headersSent) send(res, 500, { error: 'internal error' });
      else res.end();
    });
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
