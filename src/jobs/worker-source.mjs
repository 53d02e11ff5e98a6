// The worker thread's entry when Sesame runs from its TypeScript sources (tests, `npm run dev`):
// worker threads do not inherit tsx's loader, so worker.ts is loaded through tsx's API
// (docs/stack.md, Node).
// The compiled service starts dist/jobs/worker.js directly.
import { tsImport } from 'tsx/esm/api';

await tsImport('./worker.ts', import.meta.url);
