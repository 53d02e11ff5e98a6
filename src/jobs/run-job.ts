// Runs one job now, in this thread: the scheduler's workers call it, and so does
// `sesame jobs run <name>` (operators, tests). Batches repeat while they come back full, so a
// backlog (the service was down for a day) drains in one run, up to a bound; a cancelled run
// finishes the batch in flight and stops there.

import { type JobName, jobNameSchema, jobs } from './definitions.js';
import type { JobContext, Summary } from './job.js';

export interface JobRun {
  job: JobName;
  /** The batches' counts added up. */
  summary: Summary;
  batches: number;
  ms: number;
  /** True when the run stopped early: cancelled, or the batch bound was reached with rows still due. */
  incomplete: boolean;
}

export interface RunOptions {
  /** The job's options (validated by its schema); defaults apply to what is missing. */
  payload?: unknown;
  /** The most batches one run makes; the next run continues. */
  maxBatches?: number;
}

export const DEFAULT_MAX_BATCHES = 50;

export async function runJob(name: JobName, ctx: JobContext, options: RunOptions = {}): Promise<JobRun> {
  const job = jobs[jobNameSchema.parse(name)];
  const payload = job.options.parse(options.payload ?? {});
  const maxBatches = options.maxBatches ?? DEFAULT_MAX_BATCHES;
  const started = performance.now();
  const summary: Summary = {};
  let batches = 0;
  let full = true;
  while (full && batches < maxBatches && !ctx.signal?.aborted) {
    const counts = await job.handler(ctx, payload);
    batches += 1;
    for (const [key, value] of Object.entries(counts)) summary[key] = (summary[key] ?? 0) + value;
    full = job.full(counts, payload);
    if (full) ctx.log.debug(`Job ${name}: batch ${batches} was full, running another`, counts);
  }
  return { job: name, summary, batches, ms: Math.round(performance.now() - started), incomplete: full };
}

/** "expired 3, sent 0": a summary on one line for logs and the CLI. */
export const formatSummary = (summary: Summary): string =>
  Object.entries(summary)
    .map(([key, value]) => `${key} ${value}`)
    .join(', ') || 'nothing to do';
