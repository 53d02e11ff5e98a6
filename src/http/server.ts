// The one HTTP server of the service: the health check, the enrollment pages (src/enrollment),
// and later Slack's and Teams' endpoints and SendGrid's webhook (one process, one port).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Db } from '../db/database.js';
import type { Logger } from '../log/logger.js';

export type Route = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * Routes are keyed 'METHOD /path' and match that exact path. A key ending in '/*'
 * ('GET /accept/*') matches every path below that prefix (not the prefix itself); the route reads
 * the rest from req.url. Exact keys win over prefixes, longer prefixes over shorter ones.
 */
export function createHttpServer(options: { db: Db; log: Logger; routes?: Record<string, Route> }): Server {
  const routes: Record<string, Route> = {
    'GET /healthz': async (_req, res) => {
      await options.db.$queryRawUnsafe('SELECT 1');
      send(res, 200, { status: 'ok' });
    },
    ...options.routes,
  };
  const prefixes = Object.keys(routes)
    .filter((key) => key.endsWith('/*'))
    .map((key) => ({ key, start: key.slice(0, -1) }))
    .sort((a, b) => b.start.length - a.start.length);

  return createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const exact = `${req.method} ${path}`;
    const key = Object.hasOwn(routes, exact)
      ? exact
      : prefixes.find((p) => exact.startsWith(p.start) && exact.length > p.start.length)?.key;
    const route = key === undefined ? undefined : routes[key];
    if (!key || !route) return send(res, 404, { error: 'not found' });
    route(req, res).catch((error: unknown) => {
      // The route's key, never the path: paths and query strings may carry tokens.
      options.log.error('request failed', { route: key, error: String(error) });
      if (!res.headersSent) send(res, 500, { error: 'internal error' });
      else res.end();
    });
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
