// sesame jobs run <name> | remind <id|e-mail>
// `jobs run` runs one scheduled job now, in this process, through the same runJob as the
// scheduler's workers (the rows it claims are skipped by a running service, and vice versa).
import { createRequire } from 'node:module';
import { Argument, type Command } from 'commander';
import type { JobName } from '../../jobs/definitions.js';
import { bySchema, nonEmpty } from '../values.js';

const work = () => import('../actions/jobs.js');
const require = createRequire(import.meta.url);
/** The job definitions: loaded (synchronously, as commander parses) only by `jobs run`. */
const definitions = (): typeof import('../../jobs/definitions.js') => require('../../jobs/definitions.js');

export function registerJobs(program: Command): void {
  const group = program.command('jobs').description('the scheduled jobs (run by `npm start` on their own)');
  const name = new Argument('<name>', 'the job').argParser(bySchema(() => definitions().jobNameSchema));
  group
    .command('run')
    .description('run one scheduled job now, across all organizations')
    .addArgument(name)
    .on('beforeHelp', () => {
      name.description = `the job: ${definitions().jobNames.join(', ')}`;
    })
    .addHelpText('after', () => {
      const { jobNames, jobs } = definitions();
      return `
Jobs:
${jobNames.map((job) => `  ${job.padEnd(20)} ${jobs[job].description}`).join('\n')}

Safe while the service runs, and on several machines at once: each due row is handled once.
Summaries count what this run did (e.g. "expired 3"; deliver-outbox: sent, failed, retried, skipped).

JSON output (--json):
  { "job", "summary": { "<count>": n }, "batches": n, "ms": n, "incomplete": true | false }`;
    })
    .action(async (job: JobName, _options: unknown, command: Command) => (await work()).runJobNow(job, command));

  program
    .command('remind')
    .description('send a pending invitation a reminder now (same cooldown as a resend)')
    .argument('<id|e-mail>', "the invitation's id, or the invitee's e-mail address", nonEmpty)
    .addHelpText(
      'after',
      `
Refused (exit code 1) within the organization's resend cooldown (24 h by default), with the time left,
and for an invitation that is no longer pending. The reminder keeps the invitation's expiry date.

JSON output (--json): the invitation
  { "id", "email", "status", "sendCount", "lastSentAt", "expiresAt", "createdAt", ... } (as \`resend\`)`,
    )
    .action(async (ref: string, _options: unknown, command: Command) => (await work()).remindOne(ref, command));
}
