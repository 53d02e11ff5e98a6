// The work of `sesame jobs run` and `remind`.
import type { Command } from 'commander';
import type { Locale } from '../../i18n/locale.js';
import { remindNow } from '../../invitations/remind.js';
import type { JobName } from '../../jobs/definitions.js';
import { formatSummary, type JobRun, runJob } from '../../jobs/run-job.js';
import { createLogger } from '../../log/logger.js';
import { formatDate } from '../output.js';
import { runAsMember, runCommand } from '../session.js';
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

export function runJobNow(name: JobName, command: Command): Promise<void> {
  return runCommand(command, async ({ db, env, out, locale }) => {
    const log = createLogger(env.LOG_LEVEL);
    const run = await runJob(name, { db, env, log, now: new Date() });
    if (out.json) return out.result(run);
    out.line(texts[locale].ran(run));
    if (run.incomplete) out.line(texts[locale].more);
  });
}

export function remindOne(ref: string, command: Command): Promise<void> {
  return runAsMember(command, async ({ db, actor, out, locale }) => {
    const invitation = await remindNow(db, actor, ref);
    if (out.json) return out.result(invitationJson(invitation));
    out.line(texts[locale].reminded(invitation.email, invitation.sendCount, formatDate(invitation.expiresAt)));
  });
}
