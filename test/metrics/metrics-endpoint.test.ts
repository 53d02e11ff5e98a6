// GET /metrics: absent unless METRICS_TOKEN is set, then for its bearer only; the HTTP requests by
// route key (never the path), the job runs, and the outbox read from the database at each scrape.
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, type Route } from '../../src/http/server.js';
import { createLogger } from '../../src/log/logger.js';
import { enableMetrics, type MetricsEndpoint } from '../../src/metrics/enable-metrics.js';
import { metricsRecording, observeJobRun } from '../../src/metrics/record.js';
import { outboxKinds } from '../../src/outbox/enqueue.js';
import { newOrganization } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const TOKEN = 'metrics-token-0123456789abcdef';
const log = createLogger('silent');
let t: TestDatabase;
let endpoint: MetricsEndpoint | undefined;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  endpoint?.stop();
  for (const close of closers) await close();
  await t?.close();
});

const acceptRoute: Route = async (_req, res) => {
  res.writeHead(200).end('page');
};

async function serve(metrics?: MetricsEndpoint) {
  const server = createHttpServer({ db: t.prisma, log, routes: { 'GET /accept/*': acceptRoute }, metrics });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return async (path: string, authorization?: string) => {
    const res = await fetch(`${base}${path}`, { headers: authorization ? { authorization } : {} });
    return { status: res.status, text: await res.text(), contentType: res.headers.get('content-type') ?? '' };
  };
}

/** The value of one series in the exposition text, e.g. `sesame_outbox_backlog{kind="webhook"}`. */
function seriesValue(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

// In this order: "off" must run before anything turns the metrics on in this process.
describe('metrics off (no METRICS_TOKEN)', () => {
  it('has no /metrics, records nothing and does not load prom-client', async () => {
    const get = await serve();
    expect((await get('/metrics', `Bearer ${TOKEN}`)).status).toBe(404);
    await get('/accept/some-token');
    expect(metricsRecording()).toBe(false);
    const require = createRequire(import.meta.url);
    expect(require.cache[require.resolve('prom-client')]).toBeUndefined();
  });
});

describe('metrics on', () => {
  let get: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    endpoint = await enableMetrics({ token: TOKEN, db: t.prisma, log });
    get = await serve(endpoint);
  });

  it('refuses a scrape without the token, with another token, or with the token not as a bearer', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token', `Bearer ${TOKEN}x`, TOKEN, `Basic ${TOKEN}`]) {
      const res = await get('/metrics', authorization);
      expect(res.status, String(authorization)).toBe(401);
      expect(res.text).not.toContain('sesame_');
    }
  });

  it('serves the Prometheus text to the bearer of the token', async () => {
    const res = await get('/metrics', `Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.text).toContain('# TYPE sesame_http_requests_total counter');
    expect(res.text).toContain('process_cpu_seconds_total');
    // What "off" checks is absent: loaded now.
    const require = createRequire(import.meta.url);
    expect(require.cache[require.resolve('prom-client')]).toBeDefined();
  });

  it('counts requests by route key and status, never by path (paths carry tokens)', async () => {
    await get('/accept/tok-SECRET-123');
    await get('/accept/tok-SECRET-456');
    await get('/no/such/path-SECRET-789');
    const text = (await get('/metrics', `Bearer ${TOKEN}`)).text;
    expect(seriesValue(text, 'sesame_http_requests_total{route="GET /accept/*",status="200"}')).toBe(2);
    expect(seriesValue(text, 'sesame_http_requests_total{route="unmatched",status="404"}')).toBeGreaterThanOrEqual(1);
    expect(seriesValue(text, 'sesame_http_request_duration_seconds_count{route="GET /accept/*"}')).toBe(2);
    expect(text).not.toContain('SECRET');
  });

  it('counts job runs by job and outcome, and the finished runs durations', async () => {
    const run = { job: 'deliver-outbox' as const, summary: { sent: 3 }, batches: 1, ms: 1500, incomplete: false };
    observeJobRun({ job: 'deliver-outbox', outcome: 'finished', run });
    observeJobRun({ job: 'deliver-outbox', outcome: 'finished', run: { ...run, ms: 500 } });
    observeJobRun({ job: 'deliver-outbox', outcome: 'failed', error: 'database unreachable' });
    observeJobRun({ job: 'send-reminders', outcome: 'skipped' });
    const text = (await get('/metrics', `Bearer ${TOKEN}`)).text;
    expect(seriesValue(text, 'sesame_job_runs_total{job="deliver-outbox",outcome="finished"}')).toBe(2);
    expect(seriesValue(text, 'sesame_job_runs_total{job="deliver-outbox",outcome="failed"}')).toBe(1);
    expect(seriesValue(text, 'sesame_job_runs_total{job="send-reminders",outcome="skipped"}')).toBe(1);
    expect(seriesValue(text, 'sesame_job_run_duration_seconds_count{job="deliver-outbox"}')).toBe(2);
    expect(seriesValue(text, 'sesame_job_run_duration_seconds_sum{job="deliver-outbox"}')).toBe(2);
    expect(seriesValue(text, 'sesame_job_last_finished_timestamp_seconds{job="deliver-outbox"}')).toBeGreaterThan(
      Date.now() / 1000 - 60,
    );
    expect(text).not.toContain('database unreachable');
  });

  it('reads the outbox backlog and failures by kind from the database at each scrape', async () => {
    const { organization } = await newOrganization(t.prisma);
    const counts = async () =>
      Object.fromEntries(
        await Promise.all(
          Object.values(outboxKinds).flatMap((kind) =>
            (['PENDING', 'FAILED'] as const).map(
              async (status) =>
                [`${kind}/${status}`, await t.prisma.outboxMessage.count({ where: { kind, status } })] as const,
            ),
          ),
        ),
      );
    const message = (kind: string, status: 'PENDING' | 'FAILED' | 'SENT', minutesAgo = 0) => ({
      organizationId: organization.id,
      kind,
      idempotencyKey: `metrics-test:${crypto.randomUUID()}`,
      payload: {},
      status,
      createdAt: new Date(Date.now() - minutesAgo * 60_000),
    });
    await t.prisma.outboxMessage.createMany({
      data: [
        message(outboxKinds.notification, 'PENDING', 10),
        message(outboxKinds.notification, 'PENDING'),
        message(outboxKinds.webhook, 'FAILED'),
        message(outboxKinds.webhook, 'SENT'),
      ],
    });
    const expected = await counts();
    const text = (await get('/metrics', `Bearer ${TOKEN}`)).text;
    for (const kind of Object.values(outboxKinds)) {
      expect(seriesValue(text, `sesame_outbox_backlog{kind="${kind}"}`), kind).toBe(expected[`${kind}/PENDING`]);
      expect(seriesValue(text, `sesame_outbox_failed{kind="${kind}"}`), kind).toBe(expected[`${kind}/FAILED`]);
    }
    expect(expected[`${outboxKinds.notification}/PENDING`]).toBeGreaterThanOrEqual(2);
    expect(expected[`${outboxKinds.webhook}/FAILED`]).toBeGreaterThanOrEqual(1);
    expect(
      seriesValue(text, `sesame_outbox_oldest_pending_age_seconds{kind="${outboxKinds.notification}"}`),
    ).toBeGreaterThanOrEqual(9 * 60);

    // Read again at the next scrape: a delivered message leaves the backlog.
    await t.prisma.outboxMessage.updateMany({
      where: { organizationId: organization.id, kind: outboxKinds.notification },
      data: { status: 'SENT' },
    });
    const after = (await get('/metrics', `Bearer ${TOKEN}`)).text;
    expect(seriesValue(after, `sesame_outbox_backlog{kind="${outboxKinds.notification}"}`)).toBe(
      (expected[`${outboxKinds.notification}/PENDING`] ?? 0) - 2,
    );
  });
});
