// The body of a job's worker thread (started by worker.ts): connects to the database the main
// thread passed, runs the job named in workerData once through runJob, reports the run,
// disconnects, and posts 'done'. Its logs go to the main thread.
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { createPrismaClient } from '../db/database.js';
import type { Logger } from '../log/logger.js';
import { runJob } from './run-job.js';
import { DONE, type WorkerMessage, workerDataSchema } from './worker-protocol.js';

export async function runWorker(signal: AbortSignal): Promise<void> {
  if (!parentPort) throw new Error('src/jobs/worker-main.ts runs in a worker thread started by the scheduler');
  const port = parentPort;
  const post = (message: WorkerMessage) => port.postMessage(message);
  const data = workerDataSchema.parse(workerData);
  const db = createPrismaClient(data.dbUrl, data.poolSize);
  const log = forwardingLogger(port);
  const runOnce = async () => {
    try {
      const run = await runJob(
        data.jobName,
        { db, env: data.env, log, now: new Date(), signal },
        { payload: data.payload, maxBatches: data.maxBatches },
      );
      post({ type: 'result', run });
    } catch (error) {
      post({
        type: 'failed',
        error: error instanceof Error ? error.message : String(error),
        stack: error instanceof Error ? error.stack : undefined,
      });
    }
  };
  try {
    await runOnce();
  } finally {
    await db.$disconnect().catch(() => {});
    finish(port);
  }
}

function finish(port: MessagePort): void {
  port.postMessage(DONE);
  // Bree terminates the thread on 'done'; without Bree, let the thread end on its own.
  port.removeAllListeners('message');
  port.unref();
}

function forwardingLogger(port: MessagePort): Logger {
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (message: string, fields?: Record<string, unknown>): void =>
      port.postMessage({ type: 'log', level, message, fields } satisfies WorkerMessage);
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
