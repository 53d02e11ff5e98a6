// The one HTTP server of the service: the liveness and readiness checks, the metrics when on, the
// enrollment pages (src/enrollment), Slack's and Teams' endpoints and SendGrid's webhook (one
// process, one port).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Db } from '../db/database.js';
import type { Logger } from '../log/logger.js';
import type { MetricsEndpoint } from '../metrics/enable-metrics.js';
import { metricsRecording, observeHttpRequest } from '../metrics/record.js';
import { type ReadinessChecks, readinessRoute } from './readiness.js';

export type Route = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * Routes are keyed 'METHOD /path' and match that exact path. A key ending in '/*'
 * ('GET /accept/*') matches every path below that prefix (not the prefix itself); the route reads
 * the rest from req.url. Exact keys win over prefixes, longer prefixes over shorter ones.
 */
export function createHttpServer(options: {
  db: Db;
  log: Logger;
  routes?: Record<string, Route>;
  /** What /readyz waits for besides the database (default: the migrations only). */
  readiness?: ReadinessChecks;
  /** GET /metrics, when metrics are on (METRICS_TOKEN); otherwise that path is not found. */
  metrics?: Pick<MetricsEndpoint, 'route'>;
}): Server {
  const routes: Record<string, Route> = {
    // Liveness answers from the process: asking the database would queue the probe behind bulk
    // work on the embedded one (one session) and restart a process a database outage cannot fix.
    // /readyz asks the database, within its own bound.
    'GET /healthz': async (_req, res) => send(res, 200, { status: 'ok' }),
    'GET /readyz': readinessRoute({ db: options.db, log: options.log, checks: options.readiness }),
    ...(options.metrics ? { 'GET /metrics': options.metrics.route } : {}),
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
    if (metricsRecording()) observe(res, key);
    const route = key === undefined ? undefined : routes[key];
    if (!key || !route) return send(res, 404, { error: 'not found' });
    // A route that throws before its first await fails here like one that rejects: never an
    // uncaught exception, which would stop the process and every other request with it.
    let handled: Promise<void>;
    try {
      handled = route(req, res);
    } catch (error) {
      handled = Promise.reject(error);
    }
    handled.catch((error: unknown) => {
      // The route's key, never the path: paths and query strings may carry tokens.
      options.log.error('request failed', { route: key, error: String(error) });
      if (!res.headersSent) send(res, 500, { error: 'internal error' });
      else res.end();
    });
  });
}

/** Counted once the response ends, under its route key: never the path, which may carry a token. */
function observe(res: ServerResponse, key: string | undefined): void {
  const started = performance.now();
  res.once('close', () => {
    const status = res.writableFinished ? res.statusCode : 'aborted';
    observeHttpRequest(key ?? 'unmatched', status, (performance.now() - started) / 1000);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
