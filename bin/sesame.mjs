#!/usr/bin/env node
// `sesame`: the compiled CLI (dist/cli/main.js). From a checkout whose sources changed since the
// last build, it compiles first (to stderr, so that --json output stays clean).
import module from 'node:module';

// V8's compiled code is cached on disk (NODE_COMPILE_CACHE, else a directory under the OS temp
// dir) and reused by the next run: the CLI's own modules, Prisma's client and its 4.5 MB
// query-compiler module are parsed and compiled once, not on every command.
module.enableCompileCache();

const { ensureBuilt } = await import('../scripts/build-state.mjs');
try {
  ensureBuilt({ quiet: true });
} catch (error) {
  process.stderr.write(`error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
  process.exit(1);
}
await import('../dist/cli/main.js');
