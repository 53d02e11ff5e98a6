// A bench section measures one capability against its targets. bench/run.ts runs them all on
// one scratch database; later issues add theirs to the list there.
import type { PrismaClient } from '../src/generated/prisma/client.js';
import type { BenchDatabase } from './bench-database.js';

export interface BenchContext {
  db: BenchDatabase;
  prisma: PrismaClient;
  /** Timed repetitions; the best one counts (the others absorb warm-up and noise). */
  runs: number;
  /** A directory for the section's temporary files, removed at the end. */
  tmpDir: string;
  log(line: string): void;
}

export interface BenchSection {
  title: string;
  /** True when every target of the section is met. */
  run(context: BenchContext): Promise<boolean>;
}

export async function bestOf(runs: number, once: (run: number) => Promise<number>): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run++) best = Math.min(best, await once(run));
  return best;
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;
export const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');
