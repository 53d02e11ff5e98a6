// /healthz must not queue behind bulk work on the embedded database (issue 13, item 9): PGlite has
// one session, so a probe that asks the database waits for a whole import transaction. Liveness
// answers from the process; /readyz is the probe that asks the database (within its own bound).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer } from '../../src/http/server.js';
import { createLogger } from '../../src/log/logger.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
let server: Server;
let base: string;

beforeAll(async () => {
  t = await createTestDatabase();
  server = createHttpServer({ db: t.prisma, log: createLogger('error', () => {}) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server?.closeAllConnections();
  server?.close();
  await t?.close();
});

describe('GET /healthz during bulk work', () => {
  it('answers at once while a long transaction holds the embedded database', async () => {
    const bulk = new pg.Client({ connectionString: t.url });
    await bulk.connect();
    try {
      await bulk.query('BEGIN');
      await bulk.query('CREATE TEMP TABLE rows_in_flight AS SELECT generate_series(1, 10000) AS n');
      const release = new Promise((r) => setTimeout(r, 1_500)).then(() => bulk.query('COMMIT'));
      const started = performance.now();
      const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(5_000) });
      const took = performance.now() - started;
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok' });
      expect(took).toBeLessThan(1_000);
      await release;
    } finally {
      await bulk.end();
    }
  });
});
