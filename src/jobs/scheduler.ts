// The scheduler: Bree triggers each job on its interval, in a worker thread (worker.mjs) that
// connects to the database the main thread serves or uses. A job runs in one of two ways:
// - per run (Bree's model): a worker per run, which posts 'done' and ends. Bree does not start
//   a job while its previous worker is alive (that trigger is reported as skipped), so a job
//   never runs concurrently with itself in one process. closeWorkerAfterMs bounds a run.
// - resident (jobs every few seconds, see job.ts): one worker runs the job every interval until
//   cancelled; Bree's triggers only restart it if it died. A watchdog bounds a run.
//
// Several replicas: Bree knows nothing of the others; every replica runs every job, and the
// domain functions claim their rows with FOR UPDATE SKIP LOCKED, so each due row is handled once.
//
// Stopping: Bree's stop() posts 'cancel' (the worker finishes its batch, then ends) but waits
// forever for a worker that does not end, and it clears the closeWorkerAfterMs timers as it goes;
// so stop() here bounds the wait itself and terminates what is left.
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import Bree from 'bree';
import type { Env } from '../config/env.js';
import type { Logger } from '../log/logger.js';
import { type JobName, jobNames, jobs } from './definitions.js';
import { logRun, type RunEvent } from './run-events.js';
import { DONE, type WorkerData, workerMessageSchema } from './worker-protocol.js';

export type { RunEvent } from './run-events.js';

/** Each worker's own connection pool (a run is sequential: one connection in use, one spare). */
export const WORKER_POOL_SIZE = 2;
/** How long stop() lets in-flight runs finish by default before terminating them. */
export const DEFAULT_STOP_TIMEOUT_MS = 10_000;
/** A run taking longer than this is terminated (a hung connection, a stuck vendor call). */
export const DEFAULT_RUN_TIMEOUT_MS = 10 * 60_000;
/** First runs are spread out after start, so that the workers do not all start at once. */
const FIRST_RUN_STAGGER_MS = 1000;
const WATCHDOG_MS = 1000;

export interface JobSchedule {
  enabled?: boolean;
  intervalMs?: number;
  /** Delay before the first run (default: 1 s, 2 s, ... in the order of jobNames). */
  firstRunAfterMs?: number;
  /** Overrides the job's own choice (job.ts). */
  resident?: boolean;
  /** The job's options (its zod schema validates them in the worker). */
  payload?: unknown;
  maxBatches?: number;
}

export interface SchedulerOptions {
  /** The database URL workers connect to: PostgreSQL's, or the embedded server's socket. */
  dbUrl: string;
  env: Env;
  log: Logger;
  jobs?: Partial<Record<JobName, JobSchedule>>;
  runTimeoutMs?: number;
  /** The script each worker runs (default: ./worker.mjs); tests swap in a stub. */
  workerPath?: string;
}

export interface StopReport {
  /** The jobs whose worker was alive when stop() was called. */
  waitedFor: JobName[];
  /** Those still alive after the timeout, terminated. */
  terminated: JobName[];
  ms: number;
}

export interface Scheduler {
  /** Stops triggering runs, lets the runs in flight finish within timeoutMs, terminates the rest. */
  stop(timeoutMs?: number): Promise<StopReport>;
  /** The jobs whose worker is alive now. */
  running(): JobName[];
  /** Calls the listener after each run; returns the unsubscribe function. */
  onRun(listener: (event: RunEvent) => void): () => void;
}

interface Flight {
  /** When the current run started (for a resident worker: when its previous run ended). */
  startedAt: number;
  /** Set once the run's outcome is known, so that the worker's exit does not report it again. */
  reported: boolean;
  /** Why the scheduler terminated the worker, if it did. */
  terminatedBecause?: string;
}

export async function startScheduler(options: SchedulerOptions): Promise<Scheduler> {
  const { log } = options;
  const runTimeoutMs = options.runTimeoutMs ?? DEFAULT_RUN_TIMEOUT_MS;
  const enabled = jobNames.filter((name) => options.jobs?.[name]?.enabled !== false);
  const plan = new Map(
    enabled.map((name, index) => {
      const schedule = options.jobs?.[name] ?? {};
      return [
        name,
        {
          schedule,
          intervalMs: schedule.intervalMs ?? jobs[name].intervalMs,
          firstRunAfterMs: schedule.firstRunAfterMs ?? (index + 1) * FIRST_RUN_STAGGER_MS,
          resident: schedule.resident ?? jobs[name].resident ?? false,
        },
      ] as const;
    }),
  );
  const listeners = new Set<(event: RunEvent) => void>();
  const flights = new Map<JobName, Flight>();

  const emit = (event: RunEvent) => {
    logRun(log, event);
    const flight = event.outcome === 'skipped' ? undefined : flights.get(event.job);
    if (flight && plan.get(event.job)?.resident && event.outcome !== 'terminated') {
      // A resident worker goes on: its next run starts now.
      flight.startedAt = performance.now();
    } else if (flight) flight.reported = true;
    for (const listener of listeners) listener(event);
  };

  const bree = new Bree({
    root: false,
    doRootCheck: false,
    logger: {
      // Bree's own chatter (online, completion, exit 0) is debug detail here.
      info: (message: unknown) => log.debug(`Scheduler: ${String(message)}`),
      warn: (message: unknown) => {
        const name = /Job "(.+)" is already running/.exec(String(message))?.[1] as JobName | undefined;
        if (!name || !plan.has(name)) log.warn(`Scheduler: ${String(message)}`);
        // For a resident job, the trigger only checks that its worker is alive.
        else if (!plan.get(name)?.resident) emit({ job: name, outcome: 'skipped' });
      },
      error: (message: unknown) => log.error(`Scheduler: ${String(message)}`),
    },
    errorHandler: (error, { name }) => {
      // An uncaught error in the worker, or its exit with a non-zero code (also after terminate()).
      const job = name as JobName;
      const flight = flights.get(job);
      if (!flight || flight.reported) return;
      const elapsed = performance.now() - flight.startedAt;
      if (flight.terminatedBecause) emit({ job, outcome: 'terminated', reason: flight.terminatedBecause });
      else if (!plan.get(job)?.resident && elapsed >= runTimeoutMs)
        emit({ job, outcome: 'terminated', reason: `ran longer than ${runTimeoutMs} ms` });
      else emit({ job, outcome: 'failed', error: error instanceof Error ? error.message : String(error) });
      // The worker is gone: its 'exit' after an 'error' must not report it a second time.
      flight.reported = true;
    },
    workerMessageHandler: ({ name, message }) => {
      if (message === DONE) return;
      const parsed = workerMessageSchema.safeParse(message);
      if (!parsed.success) {
        log.warn(`Job ${name}: unexpected message from its worker`);
        return;
      }
      const m = parsed.data;
      const job = name as JobName;
      if (m.type === 'log') log[m.level](`Job ${name}: ${m.message}`, m.fields);
      else if (m.type === 'result') emit({ job, outcome: 'finished', run: m.run });
      else {
        if (m.stack) log.debug(m.stack);
        emit({ job, outcome: 'failed', error: m.error });
      }
    },
    jobs: [...plan].map(([name, p]) => {
      const workerData: WorkerData = {
        jobName: name,
        dbUrl: options.dbUrl,
        poolSize: WORKER_POOL_SIZE,
        env: options.env,
        payload: p.schedule.payload,
        maxBatches: p.schedule.maxBatches,
        residentIntervalMs: p.resident ? p.intervalMs : undefined,
      };
      return {
        name,
        path: options.workerPath ?? fileURLToPath(new URL('./worker.mjs', import.meta.url)),
        interval: p.intervalMs,
        timeout: p.firstRunAfterMs,
        // A resident worker lives on purpose: the watchdog below bounds its runs instead.
        ...(p.resident ? {} : { closeWorkerAfterMs: runTimeoutMs }),
        worker: { workerData },
      };
    }),
  });
  bree.on('worker created', (name: JobName) => {
    flights.set(name, { startedAt: performance.now(), reported: false });
  });
  bree.on('worker deleted', (name: JobName) => {
    flights.delete(name);
  });

  const terminate = (name: JobName, because: string) => {
    const flight = flights.get(name);
    if (flight) flight.terminatedBecause ??= because;
    return bree.workers.get(name)?.terminate();
  };
  const watchdog = setInterval(() => {
    for (const [name, flight] of flights) {
      const p = plan.get(name);
      // startedAt is when the previous run ended: the worker sleeps an interval, then runs.
      const late = p?.resident && performance.now() - flight.startedAt > p.intervalMs + runTimeoutMs;
      if (late && !flight.terminatedBecause) {
        void terminate(name, `ran longer than ${runTimeoutMs} ms`);
      }
    }
  }, WATCHDOG_MS);
  watchdog.unref();

  try {
    await bree.start();
  } catch (error) {
    clearInterval(watchdog);
    throw error;
  }
  log.info(
    `Jobs scheduled: ${[...plan].map(([name, p]) => `${name} every ${p.intervalMs / 1000} s${p.resident ? ' (resident)' : ''}`).join(', ')}`,
  );

  let stopping: Promise<StopReport> | undefined;
  const running = () => [...bree.workers.keys()] as JobName[];
  return {
    running,
    onRun(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop(timeoutMs = DEFAULT_STOP_TIMEOUT_MS) {
      stopping ??= (async () => {
        const started = performance.now();
        const waitedFor = running();
        if (waitedFor.length > 0)
          log.info(`Stopping jobs: letting ${waitedFor.join(', ')} finish (${timeoutMs} ms at most)`);
        const stopped = bree.stop();
        const timer = new AbortController();
        const inTime = await Promise.race([
          stopped.then(() => true),
          sleep(timeoutMs, false, { signal: timer.signal }).catch(() => false),
        ]);
        timer.abort();
        const terminated = inTime ? [] : running();
        if (terminated.length > 0) {
          log.warn(`Jobs still running after ${timeoutMs} ms, terminated: ${terminated.join(', ')}`);
          await Promise.all(terminated.map((name) => terminate(name, 'still running when the scheduler stopped')));
          await stopped;
        }
        clearInterval(watchdog);
        return { waitedFor, terminated, ms: Math.round(performance.now() - started) };
      })();
      return stopping;
    },
  };
}
