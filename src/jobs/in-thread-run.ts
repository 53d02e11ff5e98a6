// A job run in the service's own thread, dressed as the worker thread Bree expects: Bree creates
// workers through its createWorker() seam (the one its plugins override), listens to 'online',
// 'message', 'error' and 'exit', posts 'cancel' to stop one, and terminate()s one past its
// closeWorkerAfterMs. Sesame's jobs wait on the database and the network, not the CPU: a worker
// thread per run cost a V8 isolate, a second Prisma client and ~45 MB of RSS that the process
// kept after the worker ended (measured), for no gain.
//
// A run that ignores its AbortSignal cannot be killed in this thread: terminate() reports it
// (exit code 1) and leaves it behind; the next run may start, and the rows the old one claimed
// carry leases, so no row is handled twice at once.
import { EventEmitter } from 'node:events';
import type { JobContext } from './job.js';
import { runJob } from './run-job.js';
import { DONE, type WorkerData, type WorkerMessage } from './worker-protocol.js';

export class InThreadRun extends EventEmitter {
  /** What Bree's getWorkerMetadata() reads. */
  readonly threadId = 0;
  readonly isMainThread = true;
  readonly resourceLimits = {};
  private readonly cancel = new AbortController();
  /** Set once Bree was told how the run ended ('done', or 'exit' after terminate()). */
  private ended = false;

  constructor(data: WorkerData, context: Omit<JobContext, 'now' | 'signal'>) {
    super();
    // Bree attaches its listeners right after createWorker() returns: start on the next turn.
    setImmediate(() => {
      this.emit('online');
      void this.run(data, context);
    });
  }

  postMessage(message: unknown): void {
    if (message === 'cancel') this.cancel.abort();
  }

  terminate(): Promise<number> {
    if (this.ended) return Promise.resolve(0);
    this.cancel.abort();
    this.ended = true;
    this.emit('exit', 1);
    return Promise.resolve(1);
  }

  private async run(data: WorkerData, context: Omit<JobContext, 'now' | 'signal'>): Promise<void> {
    const post = (message: WorkerMessage) => {
      if (!this.ended) this.emit('message', message);
    };
    try {
      const run = await runJob(
        data.jobName,
        { ...context, now: new Date(), signal: this.cancel.signal },
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
    if (this.ended) return;
    // 'done' makes Bree count the run complete (it then calls terminate(), a no-op by then).
    this.ended = true;
    this.emit('message', DONE);
  }
}
