// What the service counts, as plain functions any module may call: no-ops until the service turns
// metrics on (METRICS_TOKEN, enable-metrics.ts), so they cost a check when off and load nothing.
//
// Functions rather than an object passed around: the chat API calls are made deep inside Slack's
// and Teams' clients, some in job worker threads that service.ts never builds. A worker thread has
// no registry of its own: when metrics are on, it forwards what it records to the main thread.
import { BroadcastChannel, isMainThread } from 'node:worker_threads';
import type { RunEvent } from '../jobs/run-events.js';

export type ChatPlatform = 'slack' | 'teams';

/** Where observations go once metrics are on (prometheus.ts). */
export interface MetricsSink {
  httpRequest(route: string, status: string, seconds: number): void;
  jobRun(event: RunEvent): void;
  chatApiCall(platform: ChatPlatform, method: string, status: string): void;
}

/** What a worker thread posts to the main thread: one observation. */
export type ForwardedObservation =
  | { type: 'jobRun'; event: RunEvent }
  | { type: 'chatApiCall'; platform: ChatPlatform; method: string; status: string };

export const METRICS_CHANNEL = 'sesame:metrics';

let sink: MetricsSink | undefined;
let toMainThread: BroadcastChannel | undefined;

/** Turns recording on (a sink) or off (undefined) in this thread. */
export function setMetricsSink(next: MetricsSink | undefined): void {
  sink = next;
}

/** One HTTP request, by its route key ('GET /accept/*', never the path: paths carry tokens). */
export function observeHttpRequest(route: string, status: number | 'aborted', seconds: number): void {
  sink?.httpRequest(route, String(status), seconds);
}

/** One job run as the scheduler reports it: `scheduler.onRun(observeJobRun)`. */
export function observeJobRun(event: RunEvent): void {
  if (sink) sink.jobRun(event);
  else forward({ type: 'jobRun', event });
}

/**
 * One call to a chat platform's API: its HTTP status (429 when rate limited), or 'error' when no
 * answer came (network, timeout). Each attempt counts, retries included.
 */
export function recordChatApiCall(platform: ChatPlatform, method: string, status: number | 'error'): void {
  if (sink) sink.chatApiCall(platform, method, String(status));
  else forward({ type: 'chatApiCall', platform, method, status: String(status) });
}

/** True when an observation would be kept: callers skip work (naming a call) when it would not. */
export function metricsRecording(): boolean {
  return sink !== undefined || forwarding();
}

// A worker inherits the service's environment: METRICS_TOKEN says the main thread listens.
const forwarding = () => !isMainThread && Boolean(process.env.METRICS_TOKEN);

function forward(observation: ForwardedObservation): void {
  if (!forwarding()) return;
  if (!toMainThread) {
    toMainThread = new BroadcastChannel(METRICS_CHANNEL);
    // Posting must not keep a finished worker alive.
    toMainThread.unref();
  }
  toMainThread.postMessage(observation);
}
