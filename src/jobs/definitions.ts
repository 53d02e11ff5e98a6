// Sesame's scheduled jobs. Each handler is one call to a domain function; the runner
// (run-job.ts) repeats it while batches come back full, the scheduler (scheduler.ts) triggers it.
//
// The handlers import their domain module when they first run, not here: a process (a job's
// worker thread, the CLI listing the jobs) loads only the jobs it runs, and the notification job
// loads Slack's or Teams' SDK only when that platform is configured.
import { z } from 'zod';
import { publicUrl, slackMode, teamsMode } from '../config/env.js';
import type { ChatNotifier } from '../notifications/deliver-notifications.js';
import { defineJob, type JobContext, type JobDefinition } from './job.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** How often each job runs. Reminders are day-granular, expiry is visible to users, e-mails should leave at once. */
export const jobIntervals = {
  'send-reminders': 5 * MINUTE,
  'expire-invitations': MINUTE,
  'deliver-outbox': 5 * SECOND,
  'deliver-notifications': 5 * SECOND,
  'clean-up-tokens': 60 * MINUTE,
  'post-digests': MINUTE,
} as const;

const limit = (max: number, fallback: number) =>
  z.object({ limit: z.number().int().min(1).max(max).default(fallback) });

const sendReminders = defineJob({
  name: 'send-reminders',
  description: "queue the reminders due on each organization's schedule (default day 3 and day 10)",
  intervalMs: jobIntervals['send-reminders'],
  options: limit(5000, 500),
  handler: async (ctx, { limit }) => {
    const { sendDueReminders } = await import('../invitations/remind.js');
    return { reminded: await sendDueReminders(ctx.db, { now: ctx.now, limit }) };
  },
  full: (summary, { limit }) => summary.reminded >= limit,
});

const expireInvitations = defineJob({
  name: 'expire-invitations',
  description: 'expire the pending invitations past their lifetime (frees their seats, tells the inviters)',
  intervalMs: jobIntervals['expire-invitations'],
  options: limit(5000, 500),
  handler: async (ctx, { limit }) => {
    const { expireDueInvitations } = await import('../invitations/expire.js');
    return { expired: await expireDueInvitations(ctx.db, { now: ctx.now, limit }) };
  },
  full: (summary, { limit }) => summary.expired >= limit,
});

const deliverOutboxJob = defineJob({
  name: 'deliver-outbox',
  description: 'send the queued e-mails and outbound webhooks, retrying failures with backoff',
  intervalMs: jobIntervals['deliver-outbox'],
  options: z.object({
    batchSize: z.number().int().min(1).max(1000).optional(),
    maxAttempts: z.number().int().min(1).max(100).optional(),
    maxBatches: z.number().int().min(1).max(1000).optional(),
  }),
  // No `now`: leases and retry times follow the real clock, however long the run takes.
  handler: async (ctx, options) => {
    const [{ deliverOutbox }, { createTransport }] = await Promise.all([
      import('../outbox/deliver-outbox.js'),
      import('../email/transport/create-transport.js'),
    ]);
    return {
      ...(await deliverOutbox(ctx.db, {
        ...options,
        transport: createTransport(ctx.env, ctx.log),
        publicUrl: publicUrl(ctx.env),
        webhooksAllowPrivateAddresses: ctx.env.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES,
        log: ctx.log,
        signal: ctx.signal,
      })),
    };
  },
  // deliverOutbox claims batch after batch itself (and stops when `signal` is aborted).
  full: () => false,
});

const deliverNotificationsJob = defineJob({
  name: 'deliver-notifications',
  description:
    "post the chat notifications: seat requests in the managers' channel, outcomes to inviters (by e-mail without a chat)",
  intervalMs: jobIntervals['deliver-notifications'],
  options: z.object({ maxAttempts: z.number().int().min(1).max(100).optional() }),
  handler: async (ctx, options) => {
    const [{ deliverNotifications }, { createEmailNotices }, { createTransport }] = await Promise.all([
      import('../notifications/deliver-notifications.js'),
      import('../notifications/email-notices.js'),
      import('../email/transport/create-transport.js'),
    ]);
    const notifiers = await chatNotifiers(ctx);
    // What no chat can carry goes by e-mail, through the invitations' transport.
    const emailNotices = createEmailNotices({ db: ctx.db, transport: createTransport(ctx.env, ctx.log) });
    return {
      ...(await deliverNotifications(ctx.db, {
        ...options,
        notifiers,
        emailNotices,
        log: ctx.log,
        signal: ctx.signal,
      })),
    };
  },
  full: () => false,
});

async function chatNotifiers(ctx: JobContext): Promise<ChatNotifier[]> {
  const notifiers: ChatNotifier[] = [];
  if (slackMode(ctx.env)) {
    const [{ createSlackNotifier }, { createSecretBox }] = await Promise.all([
      import('../slack/notify/slack-notifier.js'),
      import('../security/secret-box.js'),
    ]);
    notifiers.push(
      createSlackNotifier({
        db: ctx.db,
        // One workspace: its token; OAuth distribution: each workspace's installation.
        botToken: slackMode(ctx.env) === 'single' ? ctx.env.SLACK_BOT_TOKEN : undefined,
        secretBox: ctx.env.TOKEN_ENCRYPTION_KEY ? createSecretBox(ctx.env.TOKEN_ENCRYPTION_KEY) : undefined,
        slackApiUrl: ctx.env.SLACK_API_URL,
      }),
    );
  }
  if (teamsMode(ctx.env)) notifiers.push(await teamsNotifierFor(ctx));
  return notifiers;
}

/** One Teams client per database client (the job runs every few seconds). */
const teamsNotifiers = new WeakMap<object, ChatNotifier>();
async function teamsNotifierFor(ctx: JobContext): Promise<ChatNotifier> {
  let notifier = teamsNotifiers.get(ctx.db);
  if (!notifier) {
    const { createTeamsJobNotifier } = await import('../teams/notify/job-notifier.js');
    notifier = createTeamsJobNotifier({ db: ctx.db, env: ctx.env, log: ctx.log });
    teamsNotifiers.set(ctx.db, notifier);
  }
  return notifier;
}

const cleanUpTokens = defineJob({
  name: 'clean-up-tokens',
  description: 'delete the link tokens of invitations closed for longer than the retention',
  intervalMs: jobIntervals['clean-up-tokens'],
  options: limit(50_000, 5000),
  handler: async (ctx, { limit }) => {
    const { cleanUpSpentTokens } = await import('../invitations/clean-up-tokens.js');
    return { deleted: await cleanUpSpentTokens(ctx.db, { now: ctx.now, limit }) };
  },
  full: (summary, { limit }) => summary.deleted >= limit,
});

const postDigests = defineJob({
  name: 'post-digests',
  description: "queue the managers' channel digests that are due on each organization's schedule",
  intervalMs: jobIntervals['post-digests'],
  options: limit(1000, 100),
  handler: async (ctx, { limit }) => {
    const { postDueDigests } = await import('../digest/post-due-digests.js');
    return { ...(await postDueDigests(ctx.db, { now: ctx.now, limit })) };
  },
  full: (summary, { limit }) => summary.queued + summary.quiet >= limit,
});

export const jobNames = [
  'send-reminders',
  'expire-invitations',
  'deliver-outbox',
  'deliver-notifications',
  'clean-up-tokens',
  'post-digests',
] as const;
export type JobName = (typeof jobNames)[number];

export const jobs: Record<JobName, JobDefinition> = {
  'send-reminders': sendReminders,
  'expire-invitations': expireInvitations,
  'deliver-outbox': deliverOutboxJob,
  'deliver-notifications': deliverNotificationsJob,
  'clean-up-tokens': cleanUpTokens,
  'post-digests': postDigests,
};

export const jobNameSchema = z.enum(jobNames, { message: `expected one of ${jobNames.join(', ')}` });
