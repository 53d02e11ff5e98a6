// What a job is, as data: a name, its options (a zod schema), how often the scheduler runs it,
// and a handler that calls one domain function for one batch and returns what it did. The
// business rules (what is due, claiming rows with SKIP LOCKED) live in the domain functions.
import type { z } from 'zod';
import type { Env } from '../config/env.js';
import type { Db } from '../db/database.js';
import type { Logger } from '../log/logger.js';

/** What a run did, as counts: `{ expired: 3 }`, `{ sent: 10, failed: 0, retried: 1, skipped: 0 }`. */
export type Summary = Record<string, number>;

export interface JobContext {
  db: Db;
  env: Env;
  log: Logger;
  /** The run's clock: every batch of one run uses this instant. */
  now: Date;
  /** Aborted when the scheduler stops: the batch in flight finishes, no other batch starts. */
  signal?: AbortSignal;
}

export interface JobDefinition<Options = unknown, S extends Summary = Summary> {
  name: string;
  description: string;
  /** How often the scheduler runs it (ms). */
  intervalMs: number;
  /** Options from the caller (scheduler configuration, CLI flags); defaults fill the rest. */
  options: z.ZodType<Options, unknown>;
  /** One batch: calls the domain function and returns its counts. No business rule here. */
  handler(ctx: JobContext, options: Options): Promise<S>;
  /** Whether the batch was full, so that more rows may be due right now (another batch follows). */
  full(summary: S, options: Options): boolean;
}

/** Keeps each job's own option and summary types while the list is typed as one. */
export const defineJob = <Options, S extends Summary>(definition: JobDefinition<Options, S>) =>
  definition as unknown as JobDefinition;
