// sesame jobs run <name> | remind <id|e-mail>
// `jobs run` runs one scheduled job now, in this process, through the same runJob as the
// scheduler's workers (the rows it claims are skipped by a running service, and vice versa).

import type { Command } from 'commander';
import type { Locale } from '../../i18n/locale.js';
import { remindNow } from '../../invitations/remind.js';
import { type JobName, jobNameSchema, jobNames, jobs } from '../../jobs/definitions.js';
import { formatSummary, type JobRun, runJob } from '../../jobs/run-job.js';
import { createLogger } from '../../log/logger.js';
import { formatDate } from '../output.js';
import { runAsMember, runCommand } from '../session.js';
import { arg, nonEmptySchema } from '../values.js';
import { invitationJson } from './invitations.js';

const texts = {
  en: {
    ran: (run: JobRun) =>
      `${run.job}: ${formatSummary(run.summary)} (${run.batches} ${run.batches === 1 ? 'batch' : 'batches'}, ${run.ms} ms).`,
    more: 'More rows are due than one run takes: run it again.',
    reminded: (email: string, count: number, expires: string) =>
      `Reminder queued for ${email} (send #${count}); the invitation expires ${expires}.`,
  },
  fr: {
    ran: (run: JobRun) =>
      `${run.job} : ${formatSummary(run.summary)} (${run.batches} ${run.batches <= 1 ? 'lot' : 'lots'}, ${run.ms} ms).`,
    more: 'Il reste des lignes à traiter : relancez la commande.',
    reminded: (email: string, count: number, expires: string) =>
      `Relance programmée pour ${email} (envoi n° ${count}) ; l'invitation expire le ${expires}.`,
  },
} satisfies Record<Locale, unknown>;

const jobList = jobNames.map((name) => `  ${name.padEnd(20)} ${jobs[name].description}`).join('\n');

export function registerJobs(program: Command): void {
  const group = program.command('jobs').description('the scheduled jobs (run by `npm start` on their own)');
  group
    .command('run')
    .description('run one scheduled job now, across all organizations')
    .argument('<name>', `the job: ${jobNames.join(', ')}`, arg(jobNameSchema))
    .addHelpText(
      'after',
      `
Jobs:
${jobList}

Safe while the service runs, and on several machines at once: each due row is handled once.
Summaries count what this run did (e.g. "expired 3"; deliver-outbox: sent, failed, retried, skipped).

JSON output (--json):
  { "job", "summary": { "<count>": n }, "batches": n, "ms": n, "incomplete": true | false }`,
    )
    .action((name: JobName, _options: unknown, command: Command) =>
      runCommand(command, async ({ db, env, out, locale }) => {
        const log = createLogger(env.LOG_LEVEL);
        const run = await runJob(name, { db, env, log, now: new Date() });
        if (out.json) return out.result(run);
        out.line(texts[locale].ran(run));
        if (run.incomplete) out.line(texts[locale].more);
      }),
    );

  program
    .command('remind')
    .description('send a pending invitation a reminder now (same cooldown as a resend)')
    .argument('<id|e-mail>', "the invitation's id, or the invitee's e-mail address", arg(nonEmptySchema))
    .addHelpText(
      'after',
      `
Refused (exit code 1) within the organization's resend cooldown (24 h by default), with the time left,
and for an invitation that is no longer pending. The reminder keeps the invitation's expiry date.

JSON output (--json): the invitation
  { "id", "email", "status", "sendCount", "lastSentAt", "expiresAt", "createdAt", ... } (as \`resend\`)`,
    )
    .action((ref: string, _options: unknown, command: Command) =>
      runAsMember(command, async ({ db, actor, out, locale }) => {
        const invitation = await remindNow(db, actor, ref);
        if (out.json) return out.result(invitationJson(invitation));
        out.line(texts[locale].reminded(invitation.email, invitation.sendCount, formatDate(invitation.expiresAt)));
      }),
    );
}
