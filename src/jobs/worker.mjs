// The script Bree starts in a worker thread for each job run. Workers on Node 20 do not inherit
// tsx's loader (`--import tsx`), so the TypeScript side is loaded through tsx's API (STACK.md).
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

// Listen before loading: Bree's 'cancel' may arrive while the modules are still loading.
const cancel = new AbortController();
let started = false;
parentPort?.on('message', (message) => {
  if (message !== 'cancel') return;
  cancel.abort();
  // Cancelled before the job began: there is nothing to finish, so end now. Loading the modules
  // takes about a second of CPU, much longer on a busy machine, and a stopping service should
  // not wait for that only to do nothing. ('done' makes Bree terminate the thread.)
  if (!started) parentPort?.postMessage('done');
});

const { runWorker } = await tsImport('./worker-main.ts', import.meta.url);
if (!cancel.signal.aborted) {
  started = true;
  await runWorker(cancel.signal);
}
