// Turns the metrics on (METRICS_TOKEN set): loads prom-client, starts recording in this thread
// and what the job workers forward, and gives the GET /metrics route. Without it, nothing of
// this folder but record.ts is loaded and every record call is a no-op.
import { BroadcastChannel } from 'node:worker_threads';
import type { Db } from '../db/database.js';
import type { Route } from '../http/server.js';
import type { Logger } from '../log/logger.js';
import { metricsRoute } from './metrics-route.js';
import { type ForwardedObservation, METRICS_CHANNEL, type MetricsSink, setMetricsSink } from './record.js';

export interface MetricsEndpoint {
  /** GET /metrics, for the bearer of the token. */
  route: Route;
  /** Stops recording (tests; a stopping service need not call it). */
  stop(): void;
}

export async function enableMetrics(options: { token: string; db: Db; log: Logger }): Promise<MetricsEndpoint> {
  const { createPrometheusMetrics } = await import('./prometheus.js');
  const metrics = createPrometheusMetrics({ db: options.db, log: options.log });
  setMetricsSink(metrics.sink);
  const fromWorkers = new BroadcastChannel(METRICS_CHANNEL);
  fromWorkers.unref();
  fromWorkers.onmessage = (message) => replay(metrics.sink, (message as { data: ForwardedObservation }).data);
  return {
    route: metricsRoute(options.token, metrics.render),
    stop() {
      setMetricsSink(undefined);
      fromWorkers.close();
    },
  };
}

function replay(sink: MetricsSink, observation: ForwardedObservation): void {
  if (observation.type === 'jobRun') sink.jobRun(observation.event);
  else if (observation.type === 'chatApiCall')
    sink.chatApiCall(observation.platform, observation.method, observation.status);
}
