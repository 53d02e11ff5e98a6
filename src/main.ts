// `npm start` (node dist/main.js): the process entry. Turns on Node's compile cache before the
// service's modules load (the service and the SDKs are ~1,200 modules: compiled once, then read
// from the cache, which about halves the boot), then starts the service (service.ts).
import { enableCompileCache } from 'node:module';

// Best effort: where the cache directory cannot be written, modules are compiled as usual.
enableCompileCache();
await import('./service.js');
