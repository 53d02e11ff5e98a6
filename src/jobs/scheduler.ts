// The scheduler: Bree triggers each job on its interval. Each run runs in the service's own
// thread, on the service's database client (in-thread-run.ts, through Bree's createWorker seam):
// the jobs wait on the database and the network, so a worker thread per run bought nothing and
// cost an isolate and ~45 MB each. `runIn: 'worker'` still runs them in worker threads
// (worker.ts), each loading only its job. Either way Bree does not start a job while its previous
// run is going (that trigger is reported as skipped), so a job never overlaps itself in one
// process, and closeWorkerAfterMs bounds a run.
//
// Several replicas: Bree knows nothing of the others; every replica runs every job, and the
// domain functions claim their rows with FOR UPDATE SKIP LOCKED, so each due row is handled once.
//
// Stopping: Bree's stop() posts 'cancel' (the run finishes its batch, then ends) but waits
// forever for a run that does not end, and it clears the closeWorkerAfterMs timers as it goes;
// so stop() here bounds the wait itself and terminates what is left.
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { Worker, WorkerOptions } from 'node:worker_threads';
import Bree from 'bree';
import type { Env } from '../config/env.js';
import { createPrismaClient, type Db } from '../db/database.js';
import type { Logger } from '../log/logger.js';
import { type JobName, jobNames, jobs } from './definitions.js';
import { InThreadRun } from './in-thread-run.js';
import { logRun, type RunEvent } from './run-events.js';
import { DONE, type WorkerData, workerMessageSchema } from './worker-protocol.js';

export type { RunEvent } from './run-events.js';

/** A worker thread's own connection pool (a run is sequential: one connection in use, one spare). */
export const WORKER_POOL_SIZE = 2;
/** How long stop() lets in-flight runs finish by default before terminating them. */
export const DEFAULT_STOP_TIMEOUT_MS = 10_000;
/** A run taking longer than this is terminated (a hung connection, a stuck vendor call). */
export const DEFAULT_RUN_TIMEOUT_MS = 10 * 60_000;
/** First runs are spread out after start, so that the jobs do not all start at once. */
const FIRST_RUN_STAGGER_MS = 1000;

/**
 * The worker thread's script: compiled JavaScript beside this file in the build; from the
 * TypeScript sources (tests, `npm run dev`), a shim that loads it through tsx.
 */
const workerEntry = fileURLToPath(
  new URL(import.meta.url.endsWith('.ts') ? './worker-source.mjs' : './worker.js', import.meta.url),
);

export interface JobSchedule {
  enabled?: boolean;
  intervalMs?: number;
  /** Delay before the first run (default: 1 s, 2 s, ... in the order of jobNames). */
  firstRunAfterMs?: number;
  /** The job's options (its zod schema validates them in the worker). */
  payload?: unknown;
  maxBatches?: number;
}

export interface SchedulerOptions {
  /** The database URL workers connect to: PostgreSQL's, or the embedded server's socket. */
  dbUrl: string;
  /** The service's database client, for the runs in this thread (default: a client of their own on dbUrl). */
  db?: Db;
  /** Where runs run: in this thread (default), or in a worker thread each (workerPath implies it). */
  runIn?: 'thread' | 'worker';
  env: Env;
  log: Logger;
  jobs?: Partial<Record<JobName, JobSchedule>>;
  runTimeoutMs?: number;
  /** The script each worker thread runs (default: the worker entry, see workerEntry); tests swap in a stub. */
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
  /** When the worker's run started. */
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
        },
      ] as const;
    }),
  );
  const listeners = new Set<(event: RunEvent) => void>();
  const flights = new Map<JobName, Flight>();

  const emit = (event: RunEvent) => {
    logRun(log, event);
    const flight = event.outcome === 'skipped' ? undefined : flights.get(event.job);
    if (flight) flight.reported = true;
    for (const listener of listeners) listener(event);
  };

  const inThread = (options.runIn ?? (options.workerPath ? 'worker' : 'thread')) === 'thread';
  // Without the service's client (tests, a scheduler of its own), runs in this thread get one.
  const ownDb = inThread && !options.db ? createPrismaClient(options.dbUrl, WORKER_POOL_SIZE) : undefined;
  const db = options.db ?? ownDb;
  const bree = createBree(inThread && db ? { db, env: options.env, log } : undefined, {
    root: false,
    doRootCheck: false,
    logger: {
      // Bree's own chatter (online, completion, exit 0) is debug detail here.
      info: (message: unknown) => log.debug(`Scheduler: ${String(message)}`),
      warn: (message: unknown) => {
        const name = /Job "(.+)" is already running/.exec(String(message))?.[1] as JobName | undefined;
        if (name && plan.has(name)) emit({ job: name, outcome: 'skipped' });
        else log.warn(`Scheduler: ${String(message)}`);
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
      else if (elapsed >= runTimeoutMs)
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
      };
      return {
        name,
        path: options.workerPath ?? workerEntry,
        interval: p.intervalMs,
        timeout: p.firstRunAfterMs,
        closeWorkerAfterMs: runTimeoutMs,
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

  await bree.start();

  log.info(
    `Jobs scheduled (${inThread ? "in the service's thread" : 'in worker threads'}): ${[...plan].map(([name, p]) => `${name} every ${p.intervalMs / 1000} s`).join(', ')}`,
  );

  let stopping: Promise<StopReport> | undefined;
  const running = () => [...(bree.workers.keys() as Iterable<JobName>)];
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
        const terminated = inTime ? [] : [...(bree.workers.keys() as Iterable<JobName>)];
        if (terminated.length > 0) {
          await Promise.all(terminated.map((name) => terminate(name, 'still running when the scheduler stopped')));
          await stopped;
        }
        if (terminated.length > 0)
          log.warn(`Jobs still running after ${timeoutMs} ms, terminated: ${terminated.join(', ')}`);
        await ownDb?.$disconnect().catch(() => {});
        return { waitedFor, terminated, ms: Math.round(performance.now() - started) };
      })();
      return stopping;
    },
  };
}

/**
 * Bree, creating each run in this thread when given the service's context (see in-thread-run.ts),
 * through createWorker(), the seam Bree's own plugins replace.
 */
function createBree(
  inThread: ConstructorParameters<typeof InThreadRun>[1] | undefined,
  config: Bree.BreeOptions,
): Bree {
  const bree = new Bree(config);
  if (inThread) {
    bree.createWorker = (_filename: string, options: Partial<WorkerOptions>): Worker =>
      new InThreadRun(options.workerData as WorkerData, inThread) as unknown as Worker;
  }
  return bree;
}
