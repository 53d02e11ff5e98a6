// A resident job runs in the service's own thread, every interval, on the service's database
// client: the jobs that run every few seconds (e-mail and chat deliveries). They wait on the
// network, not the CPU, and a worker thread of their own held a second copy of Prisma and of
// the chat SDKs for nothing (measured: ~145 MB of RSS per resident worker).
//
// Bounds: a run is handed an AbortSignal, aborted when the scheduler stops or the run outlives
// runTimeoutMs (the batch in flight finishes, no other starts). A run that ignores it cannot be
// killed in this thread: it is reported terminated and left behind, and the next run starts at
// the next interval; the rows it claimed carry leases, so they are never handled twice at once.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Env } from '../config/env.js';
import type { Db } from '../db/database.js';
import type { Logger } from '../log/logger.js';
import type { JobName } from './definitions.js';
import type { RunEvent } from './run-events.js';
import { runJob } from './run-job.js';

export interface ResidentJob {
  /** True while a run is in flight. */
  running(): boolean;
  /** Stops the loop; resolves true once the run in flight ended, false if it outlived timeoutMs. */
  stop(timeoutMs: number): Promise<boolean>;
}

export function startResidentJob(options: {
  name: JobName;
  db: Db;
  env: Env;
  log: Logger;
  intervalMs: number;
  firstRunAfterMs: number;
  runTimeoutMs: number;
  payload?: unknown;
  maxBatches?: number;
  emit(event: RunEvent): void;
}): ResidentJob {
  const { name, emit } = options;
  const stopping = new AbortController();
  /** The run in flight (or left behind past its bound), and whether its outcome was reported. */
  let inFlight: { settled: Promise<void>; reported: boolean } | undefined;

  const runOnce = async () => {
    const run = new AbortController();
    const abort = () => run.abort();
    stopping.signal.addEventListener('abort', abort, { once: true });
    const flight: { settled: Promise<void>; reported: boolean } = { settled: Promise.resolve(), reported: false };
    const report = (event: RunEvent) => {
      if (flight.reported) return;
      flight.reported = true;
      emit(event);
    };
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      run.abort();
      report({ job: name, outcome: 'terminated', reason: `ran longer than ${options.runTimeoutMs} ms` });
    }, options.runTimeoutMs);
    flight.settled = runJob(
      name,
      { db: options.db, env: options.env, log: options.log, now: new Date(), signal: run.signal },
      { payload: options.payload, maxBatches: options.maxBatches },
    ).then(
      (result) => report({ job: name, outcome: 'finished', run: result }),
      (error: unknown) =>
        report({ job: name, outcome: 'failed', error: error instanceof Error ? error.message : String(error) }),
    );
    inFlight = flight;
    // A run past its bound is left behind: the loop goes on without it.
    const timeout = new Promise<void>((resolve) => run.signal.addEventListener('abort', () => timedOut && resolve()));
    await Promise.race([flight.settled, timeout]);
    clearTimeout(timer);
    stopping.signal.removeEventListener('abort', abort);
    if (!timedOut) inFlight = undefined;
  };

  const loop = (async () => {
    await sleep(options.firstRunAfterMs, undefined, { signal: stopping.signal }).catch(() => {});
    while (!stopping.signal.aborted) {
      await runOnce();
      await sleep(options.intervalMs, undefined, { signal: stopping.signal }).catch(() => {});
    }
  })();

  return {
    running: () => inFlight !== undefined,
    async stop(timeoutMs) {
      stopping.abort();
      const current = inFlight;
      if (!current) {
        await loop;
        return true;
      }
      const timer = new AbortController();
      const inTime = await Promise.race([
        current.settled.then(() => true),
        sleep(timeoutMs, false, { signal: timer.signal }).catch(() => false),
      ]);
      timer.abort();
      if (!inTime) {
        inFlight = undefined;
        if (!current.reported) {
          current.reported = true;
          emit({ job: name, outcome: 'terminated', reason: 'still running when the scheduler stopped' });
        }
      }
      return inTime;
    },
  };
}
