// The script Bree starts in a worker thread for each job run (compiled: dist/jobs/worker.js;
// from the sources, worker-source.mjs loads it through tsx). It loads only the worker's body,
// and the job's own modules load when the job runs (definitions.ts).
import { parentPort } from 'node:worker_threads';

// Listen before loading: Bree's 'cancel' may arrive while the modules are still loading.
const cancel = new AbortController();
let started = false;
parentPort?.on('message', (message) => {
  if (message !== 'cancel') return;
  cancel.abort();
  // Cancelled before the job began: there is nothing to finish, so end now rather than load
  // the job's modules only to do nothing. ('done' makes Bree terminate the thread.)
  if (!started) parentPort?.postMessage('done');
});

const { runWorker } = await import('./worker-main.js');
// A 'cancel' posted while the modules loaded may still be waiting to be dispatched: let it in.
await new Promise((resolve) => setImmediate(resolve));
if (!cancel.signal.aborted) {
  started = true;
  await runWorker(cancel.signal);
}
