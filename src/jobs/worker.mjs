// The script Bree starts in a worker thread for each job run. Workers on Node 20 do not inherit
// tsx's loader (`--import tsx`), so the TypeScript side is loaded through tsx's API (STACK.md).
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

// Listen before loading: Bree's 'cancel' may arrive while the modules are still loading.
const cancel = new AbortController();
parentPort?.on('message', (message) => {
  if (message === 'cancel') cancel.abort();
});

const { runWorker } = await tsImport('./worker-main.ts', import.meta.url);
await runWorker(cancel.signal);
