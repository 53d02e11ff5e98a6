// The service's Prometheus metrics (prom-client), loaded only when metrics are on. Counters and
// histograms are fed by record.ts; the outbox gauges are read from the database at each scrape,
// so that every replica reports the same, current numbers.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Db } from '../db/database.js';
import type { RunEvent } from '../jobs/run-events.js';
import type { Logger } from '../log/logger.js';
import { outboxKinds } from '../outbox/enqueue.js';
import type { MetricsSink } from './record.js';

export interface PrometheusMetrics {
  sink: MetricsSink;
  /** The exposition text, the outbox read first. */
  render(): Promise<{ contentType: string; body: string }>;
}

export function createPrometheusMetrics(options: { db: Db; log: Logger }): PrometheusMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const httpRequests = new Counter({
    name: 'sesame_http_requests_total',
    help: "HTTP requests by route key ('GET /accept/*'; 'unmatched' for unknown paths) and status",
    labelNames: ['route', 'status'],
    registers,
  });
  const httpDuration = new Histogram({
    name: 'sesame_http_request_duration_seconds',
    help: 'Time from the request to the end of the response, by route key',
    labelNames: ['route'],
    registers,
  });
  const jobRuns = new Counter({
    name: 'sesame_job_runs_total',
    help: 'Scheduled job runs by job and outcome (finished, failed, skipped, terminated)',
    labelNames: ['job', 'outcome'],
    registers,
  });
  const jobDuration = new Histogram({
    name: 'sesame_job_run_duration_seconds',
    help: 'Duration of the finished job runs',
    labelNames: ['job'],
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 600],
    registers,
  });
  const jobLastFinished = new Gauge({
    name: 'sesame_job_last_finished_timestamp_seconds',
    help: 'When each job last finished a run (alert when it is too old)',
    labelNames: ['job'],
    registers,
  });
  const chatApiCalls = new Counter({
    name: 'sesame_chat_api_calls_total',
    help: "Calls to Slack's and Teams' APIs by method and HTTP status (429: rate limited; 'error': no answer)",
    labelNames: ['platform', 'method', 'status'],
    registers,
  });
  const outbox = outboxGauges(registers);

  const sink: MetricsSink = {
    httpRequest(route, status, seconds) {
      httpRequests.inc({ route, status });
      httpDuration.observe({ route }, seconds);
    },
    jobRun(event: RunEvent) {
      jobRuns.inc({ job: event.job, outcome: event.outcome });
      if (event.outcome === 'finished') {
        jobDuration.observe({ job: event.job }, event.run.ms / 1000);
        jobLastFinished.setToCurrentTime({ job: event.job });
      }
    },
    chatApiCall(platform, method, status) {
      chatApiCalls.inc({ platform, method, status });
    },
  };

  return {
    sink,
    async render() {
      try {
        outbox.set(await readOutbox(options.db));
      } catch (error) {
        // The other metrics still answer; stale outbox numbers would mislead, so none are shown.
        outbox.set([]);
        options.log.warn('metrics: reading the outbox failed', { error: String(error) });
      }
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}

interface OutboxRow {
  kind: string;
  status: 'PENDING' | 'FAILED';
  count: number;
  oldestSeconds: number;
}

function outboxGauges(registers: Registry[]) {
  const backlog = new Gauge({
    name: 'sesame_outbox_backlog',
    help: 'Outbox messages waiting for delivery (first try or retry), by kind',
    labelNames: ['kind'],
    registers,
  });
  const failed = new Gauge({
    name: 'sesame_outbox_failed',
    help: 'Outbox messages given up after their last attempt, by kind',
    labelNames: ['kind'],
    registers,
  });
  const oldest = new Gauge({
    name: 'sesame_outbox_oldest_pending_age_seconds',
    help: 'Age of the oldest message waiting for delivery, by kind (0 when none waits)',
    labelNames: ['kind'],
    registers,
  });
  return {
    set(rows: OutboxRow[]) {
      for (const gauge of [backlog, failed, oldest]) gauge.reset();
      // Every known kind has a value (0 included), so that an alert sees "none" rather than no data.
      for (const kind of Object.values(outboxKinds)) {
        backlog.set({ kind }, 0);
        failed.set({ kind }, 0);
        oldest.set({ kind }, 0);
      }
      for (const row of rows) {
        if (row.status === 'PENDING') {
          backlog.set({ kind: row.kind }, row.count);
          oldest.set({ kind: row.kind }, row.oldestSeconds);
        } else failed.set({ kind: row.kind }, row.count);
      }
    },
  };
}

async function readOutbox(db: Db): Promise<OutboxRow[]> {
  // Served by the (status, kind, next_attempt_at) index; sent messages are not read.
  return db.$queryRaw<OutboxRow[]>`
    SELECT kind, status::text AS status, count(*)::int AS count,
           EXTRACT(EPOCH FROM now() - min(created_at))::float8 AS "oldestSeconds"
      FROM outbox_message
     WHERE status IN ('PENDING', 'FAILED')
     GROUP BY kind, status`;
}
