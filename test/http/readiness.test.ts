// GET /readyz: 200 only when the database answers, the migrations are applied and the scheduler
// runs; otherwise 503 naming the failed checks, never a database message (that goes to the log).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type Db } from '../../src/db/database.js';
import type { ReadinessChecks } from '../../src/http/readiness.js';
import { createHttpServer } from '../../src/http/server.js';
import { createLogger } from '../../src/log/logger.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
let unreachable: Db;
const servers: Server[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  unreachable = createPrismaClient(`postgresql://sesame:db-password-xyz@127.0.0.1:${await closedPort()}/sesame`);
});
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  await unreachable?.$disconnect();
  await t?.close();
});

/** A port nothing listens on: taken, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const ready: ReadinessChecks = { migrationsApplied: async () => true, schedulerRunning: () => true };

async function serve(db: Db, readiness?: ReadinessChecks) {
  const lines: string[] = [];
  const server = createHttpServer({ db, log: createLogger('debug', (line) => lines.push(line)), readiness });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (path: string) => {
    const res = await fetch(`${base}${path}`);
    return { status: res.status, text: await res.text(), cacheControl: res.headers.get('cache-control') };
  };
  return { get, lines };
}

describe('GET /readyz', () => {
  it('answers 200 ready when the database answers, the migrations are applied and the scheduler runs', async () => {
    const { get } = await serve(t.prisma, ready);
    const res = await get('/readyz');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ status: 'ready' });
    expect(res.cacheControl).toBe('no-store');
  });

  it('checks the real migrations by default', async () => {
    const { get } = await serve(t.prisma);
    expect((await get('/readyz')).status).toBe(200);
  });

  it('answers 503 when the database is down, without its message; the log has it, once', async () => {
    const { get, lines } = await serve(unreachable, ready);
    const res = await get('/readyz');
    expect(res.status).toBe(503);
    expect(JSON.parse(res.text)).toEqual({ status: 'not ready', failed: ['database'] });
    expect(res.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|sesame/);

    await get('/readyz');
    const warnings = lines.map((line) => JSON.parse(line)).filter((entry) => entry.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ msg: 'Readiness: not ready: database' });
    expect(String(warnings[0].database)).not.toBe('');
    expect(lines.join('\n')).not.toContain('db-password-xyz');
  });

  it('answers 503 while a migration is pending', async () => {
    const { get } = await serve(t.prisma, { ...ready, migrationsApplied: async () => false });
    const res = await get('/readyz');
    expect(res.status).toBe(503);
    expect(JSON.parse(res.text)).toEqual({ status: 'not ready', failed: ['migrations'] });
  });

  it('answers 503 when the migrations cannot be read', async () => {
    const { get } = await serve(t.prisma, {
      ...ready,
      migrationsApplied: () => Promise.reject(new Error('relation "_prisma_migrations" does not exist')),
    });
    const res = await get('/readyz');
    expect(JSON.parse(res.text)).toEqual({ status: 'not ready', failed: ['migrations'] });
    expect(res.text).not.toContain('_prisma_migrations');
  });

  it('answers 503 while the scheduler is not running (or cannot say)', async () => {
    const stopped = await serve(t.prisma, { ...ready, schedulerRunning: () => false });
    const res = await stopped.get('/readyz');
    expect(res.status).toBe(503);
    expect(JSON.parse(res.text)).toEqual({ status: 'not ready', failed: ['scheduler'] });

    const broken = await serve(t.prisma, {
      ...ready,
      schedulerRunning: () => {
        throw new Error('not started yet');
      },
    });
    expect(JSON.parse((await broken.get('/readyz')).text)).toEqual({ status: 'not ready', failed: ['scheduler'] });
  });

  it('names every failed check', async () => {
    const { get } = await serve(t.prisma, { migrationsApplied: async () => false, schedulerRunning: () => false });
    expect(JSON.parse((await get('/readyz')).text)).toEqual({
      status: 'not ready',
      failed: ['migrations', 'scheduler'],
    });
  });

  it('logs a change of state, not every probe', async () => {
    let running = false;
    const { get, lines } = await serve(t.prisma, { ...ready, schedulerRunning: () => running });
    await get('/readyz');
    await get('/readyz');
    running = true;
    expect((await get('/readyz')).status).toBe(200);
    await get('/readyz');
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual(['Readiness: not ready: scheduler', 'Ready again']);
  });
});

describe('GET /healthz', () => {
  it('stays the liveness check: 200 while the process serves and the database answers', async () => {
    const { get } = await serve(t.prisma, { ...ready, schedulerRunning: () => false });
    expect((await get('/healthz')).status).toBe(200);
    expect((await get('/readyz')).status).toBe(503);
  });
});
