import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/setup.ts'],
    // Each test file gets its own process and its own database (see test/support/database.ts).
    // Vitest's default is one worker less than the CPUs, which is a single worker on 2 cores;
    // much of a test's time is spent waiting on its database, so use every core.
    pool: 'forks',
    maxWorkers: Math.max(2, availableParallelism()),
    // PGlite is WASM: opening a database and running the first queries are slow on small machines.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 60_000,
  },
});
