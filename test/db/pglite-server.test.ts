// The embedded server must keep each connection's extended-protocol batch and transaction
// together: PGlite has a single session, and pg sends Parse/Bind/Execute/Sync separately.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PgliteServer, servePglite } from '../../src/db/pglite-server.js';

let db: PGlite;
let server: PgliteServer;
let pool: pg.Pool;

beforeAll(async () => {
  db = await PGlite.create();
  server = await servePglite(db);
  pool = new pg.Pool({ connectionString: server.url, max: 8 });
});
afterAll(async () => {
  await pool.end();
  await server.stop();
  await db.close();
});

describe('embedded server', () => {
  it('never mixes up concurrent parameterized queries of different shapes', async () => {
    const queries = Array.from({ length: 400 }, (_, i) => {
      const n = 1 + (i % 7);
      const values = Array.from({ length: n }, (_, k) => i * 10 + k);
      const sql = `SELECT ${values.map((_, k) => `$${k + 1}::int`).join(' + ')} AS total`;
      return pool
        .query<{ total: number }>(sql, values)
        .then((r) => [r.rows[0]?.total, values.reduce((a, b) => a + b, 0)]);
    });
    const results = await Promise.all(queries);
    expect(results.filter(([got, want]) => got !== want)).toEqual([]);
  });

  it('keeps a transaction to its connection and rolls back a client that vanishes inside one', async () => {
    await pool.query('CREATE TABLE IF NOT EXISTS t (v int)');
    const a = await pool.connect();
    await a.query('BEGIN');
    await a.query('INSERT INTO t VALUES ($1)', [1]);
    // Another connection's query waits for the transaction instead of running inside it.
    const other = pool.query<{ n: string }>('SELECT count(*) AS n FROM t WHERE v = $1', [1]);
    await a.query('ROLLBACK');
    a.release();
    expect((await other).rows[0]?.n).toBe('0');

    const lost = new pg.Client({ connectionString: server.url });
    lost.on('error', () => {});
    await lost.connect();
    await lost.query('BEGIN');
    await lost.query('INSERT INTO t VALUES ($1)', [2]);
    lost.connection.stream.destroy();
    const after = await pool.query<{ n: string }>('SELECT count(*) AS n FROM t WHERE v = $1', [2]);
    expect(after.rows[0]?.n).toBe('0');
  });
});
