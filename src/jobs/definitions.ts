// Sesame's scheduled jobs. Each handler is one call to a domain function; the runner
// (run-job.ts) repeats it while batches come back full, the scheduler (scheduler.ts) triggers it.
import { z } from 'zod';
import { publicUrl, slackMode, teamsMode } from '../config/env.js';
import { createTransport } from '../email/transport/create-transport.js';
import { cleanUpSpentTokens } from '../invitations/clean-up-tokens.js';
import { expireDueInvitations } from '../invitations/expire.js';
import { sendDueReminders } from '../invitations/remind.js';
import { type ChatNotifier, deliverNotifications } from '../notifications/deliver-notifications.js';
import { deliverOutbox } from '../outbox/deliver-outbox.js';
import { createSecretBox } from '../security/secret-box.js';
import { createSlackNotifier } from '../slack/notify/slack-notifier.js';
import { createTeamsJobNotifier } from '../teams/notify/job-notifier.js';
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
} as const;

const limit = (max: number, fallback: number) =>
  z.object({ limit: z.number().int().min(1).max(max).default(fallback) });

const sendReminders = defineJob({
  name: 'send-reminders',
  description: "queue the reminders due on each organization's schedule (default day 3 and day 10)",
  intervalMs: jobIntervals['send-reminders'],
  options: limit(5000, 500),
  handler: async (ctx, { limit }) => ({ reminded: await sendDueReminders(ctx.db, { now: ctx.now, limit }) }),
  full: (summary, { limit }) => summary.reminded >= limit,
});

const expireInvitations = defineJob({
  name: 'expire-invitations',
  description: 'expire the pending invitations past their lifetime (frees their seats, tells the inviters)',
  intervalMs: jobIntervals['expire-invitations'],
  options: limit(5000, 500),
  handler: async (ctx, { limit }) => ({ expired: await expireDueInvitations(ctx.db, { now: ctx.now, limit }) }),
  full: (summary, { limit }) => summary.expired >= limit,
});

const deliverOutboxJob = defineJob({
  name: 'deliver-outbox',
  description: 'send the queued e-mails and outbound webhooks, retrying failures with backoff',
  intervalMs: jobIntervals['deliver-outbox'],
  resident: true,
  options: z.object({
    batchSize: z.number().int().min(1).max(1000).optional(),
    maxAttempts: z.number().int().min(1).max(100).optional(),
    maxBatches: z.number().int().min(1).max(1000).optional(),
  }),
  // No `now`: leases and retry times follow the real clock, however long the run takes.
  handler: async (ctx, options) => ({
    ...(await deliverOutbox(ctx.db, {
      ...options,
      transport: createTransport(ctx.env, ctx.log),
      publicUrl: publicUrl(ctx.env),
      log: ctx.log,
      signal: ctx.signal,
    })),
  }),
  // deliverOutbox claims batch after batch itself (and stops when `signal` is aborted).
  full: () => false,
});

const deliverNotificationsJob = defineJob({
  name: 'deliver-notifications',
  description: "post the chat notifications: seat requests in the managers' channel, outcomes to inviters",
  intervalMs: jobIntervals['deliver-notifications'],
  resident: true,
  options: z.object({ maxAttempts: z.number().int().min(1).max(100).optional() }),
  handler: async (ctx, options) => {
    const notifiers: ChatNotifier[] = [];
    if (slackMode(ctx.env)) {
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
    if (teamsMode(ctx.env)) notifiers.push(teamsNotifierFor(ctx));
    return { ...(await deliverNotifications(ctx.db, { ...options, notifiers, log: ctx.log, signal: ctx.signal })) };
  },
  full: () => false,
});

/** One Teams adapter per worker (a resident job runs every few seconds). */
let teamsNotifier: { db: unknown; notifier: ChatNotifier } | undefined;
function teamsNotifierFor(ctx: JobContext): ChatNotifier {
  if (teamsNotifier?.db !== ctx.db) {
    teamsNotifier = { db: ctx.db, notifier: createTeamsJobNotifier({ db: ctx.db, env: ctx.env, log: ctx.log }) };
  }
  return teamsNotifier.notifier;
}

const cleanUpTokens = defineJob({
  name: 'clean-up-tokens',
  description: 'delete the link tokens of invitations closed for longer than the retention',
  intervalMs: jobIntervals['clean-up-tokens'],
  options: limit(50_000, 5000),
  handler: async (ctx, { limit }) => ({ deleted: await cleanUpSpentTokens(ctx.db, { now: ctx.now, limit }) }),
  full: (summary, { limit }) => summary.deleted >= limit,
});

export const jobNames = [
  'send-reminders',
  'expire-invitations',
  'deliver-outbox',
  'deliver-notifications',
  'clean-up-tokens',
] as const;
export type JobName = (typeof jobNames)[number];

export const jobs: Record<JobName, JobDefinition> = {
  'send-reminders': sendReminders,
  'expire-invitations': expireInvitations,
  'deliver-outbox': deliverOutboxJob,
  'deliver-notifications': deliverNotificationsJob,
  'clean-up-tokens': cleanUpTokens,
};

export const jobNameSchema = z.enum(jobNames, { message: `expected one of ${jobNames.join(', ')}` });
