// `npm run build`: compiles src/ to dist/ (tsconfig.build.json). `--if-stale`: only when a
// source is newer than the last build (`npm start` runs it first).
import { build, ensureBuilt } from './build-state.mjs';

try {
  if (process.argv.includes('--if-stale')) ensureBuilt();
  else build();
} catch (error) {
  // tsc has already printed the compile errors; this says what to do next.
  process.stderr.write(`${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
  process.exit(1);
}
