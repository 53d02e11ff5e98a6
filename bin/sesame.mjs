#!/usr/bin/env node
// `sesame`: the compiled CLI (dist/cli/main.js). From a checkout whose sources changed since the
// last build, it compiles first (to stderr, so that --json output stays clean).
import { ensureBuilt } from '../scripts/build-state.mjs';

try {
  ensureBuilt({ quiet: true });
} catch (error) {
  process.stderr.write(`error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
  process.exit(1);
}
await import('../dist/cli/main.js');
