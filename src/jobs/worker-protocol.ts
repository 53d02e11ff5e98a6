// What the scheduler hands to a job's worker thread (workerData) and what the worker posts
// back. Both sides parse with these schemas: a mismatch fails loudly instead of running wrong.
import { z } from 'zod';
import type { Env } from '../config/env.js';
import { jobNameSchema } from './definitions.js';

export const workerDataSchema = z.object({
  jobName: jobNameSchema,
  /** The database the main thread serves or uses: a worker never opens the embedded one itself. */
  dbUrl: z.string().min(1),
  poolSize: z.number().int().min(1),
  /** The main thread's validated configuration. */
  env: z.custom<Env>((value) => typeof value === 'object' && value !== null),
  payload: z.unknown().optional(),
  maxBatches: z.number().int().min(1).optional(),
});
export type WorkerData = z.infer<typeof workerDataSchema>;

const summarySchema = z.record(z.string(), z.number());

export const workerMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('log'),
    level: z.enum(['debug', 'info', 'warn', 'error']),
    message: z.string(),
    fields: z.record(z.string(), z.unknown()).optional(),
  }),
  z.object({
    type: z.literal('result'),
    run: z.object({
      job: jobNameSchema,
      summary: summarySchema,
      batches: z.number(),
      ms: z.number(),
      incomplete: z.boolean(),
    }),
  }),
  z.object({ type: z.literal('failed'), error: z.string(), stack: z.string().optional() }),
]);
export type WorkerMessage = z.infer<typeof workerMessageSchema>;

/** Bree's own messages: 'done' ends the run (Bree then terminates the thread), 'cancel' asks it to stop. */
export const DONE = 'done';
export const CANCEL = 'cancel';
