// What the scheduler reports after each run, and how it logs it: work done at info, idle runs
// and skipped triggers at debug, so that an idle service stays quiet.
import type { Logger } from '../log/logger.js';
import type { JobName } from './definitions.js';
import { formatSummary, type JobRun } from './run-job.js';

export type RunEvent =
  | { job: JobName; outcome: 'finished'; run: JobRun }
  | { job: JobName; outcome: 'failed'; error: string }
  /** The previous run of the job was still going: this one was not started. */
  | { job: JobName; outcome: 'skipped' }
  | { job: JobName; outcome: 'terminated'; reason: string };

export function logRun(log: Logger, event: RunEvent): void {
  const prefix = `Job ${event.job}`;
  switch (event.outcome) {
    case 'finished': {
      const { run } = event;
      const did = Object.values(run.summary).some((n) => n > 0);
      const line = `${prefix}: ${formatSummary(run.summary)} (${run.batches} batch(es), ${run.ms} ms)${run.incomplete ? '; more remain for the next run' : ''}`;
      if (did) log.info(line);
      else log.debug(line);
      return;
    }
    case 'failed':
      log.error(`${prefix} failed: ${event.error}`);
      return;
    case 'skipped':
      log.debug(`${prefix}: previous run still going, this one skipped`);
      return;
    case 'terminated':
      log.warn(`${prefix} terminated: ${event.reason}`);
      return;
  }
}
