// GET /metrics: the Prometheus text, for the bearer of METRICS_TOKEN only (the numbers describe
// the organizations' activity; they are never public).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Route } from '../http/server.js';

export function metricsRoute(token: string, render: () => Promise<{ contentType: string; body: string }>): Route {
  const expected = digest(`Bearer ${token}`);
  return async (req, res) => {
    if (!bearsToken(req, expected)) {
      res.writeHead(401, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
        'www-authenticate': 'Bearer',
      });
      res.end(JSON.stringify({ error: 'unauthorized' }));
      return;
    }
    const { contentType, body } = await render();
    res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
    res.end(body);
  };
}

/** Compared as digests: equal lengths, so the comparison takes the same time whatever was sent. */
function bearsToken(req: IncomingMessage, expected: Buffer): boolean {
  return timingSafeEqual(digest(req.headers.authorization ?? ''), expected);
}

const digest = (text: string) => createHash('sha256').update(text).digest();
