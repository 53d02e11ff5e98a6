// The Sesame service (started by main.ts). Opens the database (embedded by default, applying pending
// migrations), serves HTTP, runs the scheduled jobs, and stops cleanly on SIGTERM/SIGINT.
import type { AddressInfo } from 'node:net';
import { placeholderSenderWarning, publicUrl, slackMode, teamsMode } from './config/env.js';
import { loadConfig } from './config/load.js';
import { MigrationsPendingError, openDatabase } from './db/database.js';
import { EmbeddedDatabaseError } from './db/embedded-server.js';
import { migrationsAppliedCheck } from './db/migrations-applied.js';
import { createSendgridWebhookRoute, SENDGRID_WEBHOOK_ROUTE } from './email/events/sendgrid-webhook-route.js';
import { createPagesDatabase, enrollmentRoutes } from './enrollment/routes.js';
import { forwardedAddress } from './http/request.js';
import { createHttpServer } from './http/server.js';
import { type Scheduler, startScheduler } from './jobs/scheduler.js';
import { createLogger } from './log/logger.js';
import { observeJobRun } from './metrics/record.js';
import { createSecretBox } from './security/secret-box.js';
import { sealingKeyProblem } from './sso/sealing-key-check.js';

const env = loadConfig();
const log = createLogger(env.LOG_LEVEL);

// Once serving, no error that escaped a request's (or a job's) handler may stop the service: it is
// logged and the pages, jobs and chat channels go on. During start-up such an error still ends the
// process, which a half-started service must not hide.
let serving = false;
function escaped(kind: string, error: unknown): void {
  const detail = error instanceof Error ? { error: error.message, stack: error.stack } : { error: String(error) };
  log.error(kind, detail);
  if (!serving) process.exit(1);
}
process.on('unhandledRejection', (reason) => escaped('Unhandled rejection', reason));
process.on('uncaughtException', (error) => escaped('Uncaught exception', error));

let database: Awaited<ReturnType<typeof openDatabase>>;
try {
  database = await openDatabase({
    env,
    role: 'service',
    migrations: env.AUTO_MIGRATE ? 'apply' : 'require',
    log: (message) => log.info(message),
  });
} catch (error) {
  if (error instanceof MigrationsPendingError || error instanceof EmbeddedDatabaseError) {
    log.error(error.message);
    process.exit(1);
  }
  throw error;
}
log.info(database.embedded ? `Embedded database in ${env.DATA_DIR}` : 'PostgreSQL database from DATABASE_URL');
const keyProblem = await sealingKeyProblem(database.prisma, env);
if (keyProblem) {
  log.error(keyProblem);
  await database.close();
  process.exit(1);
}

// The enrollment pages read through a small pool of their own (one query per page view).
const pages = createPagesDatabase({ url: database.url, embedded: database.embedded, log });
// Slack's and Teams' SDKs are loaded only when they are configured.
const slack = slackMode(env)
  ? (await import('./slack/create-slack-app.js')).createSlackService({ config: env, db: database.prisma, log })
  : undefined;
if (slack)
  log.info(
    `Slack: ${slackMode(env) === 'oauth' ? 'OAuth distribution' : 'one workspace'}, ${slack.mode === 'socket' ? 'Socket Mode' : 'HTTP at POST /slack/events'}`,
  );
else log.info('Slack: not configured (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET, see .env.example)');
const teams = teamsMode(env) ? await startTeams() : undefined;
async function startTeams() {
  const [{ createTeamsService }, { teamsConfig }] = await Promise.all([
    import('./teams/create-teams-app.js'),
    import('./teams/teams-config.js'),
  ]);
  const service = createTeamsService({ config: teamsConfig(env), db: database.prisma, log });
  // At boot, so that a wrong set-up shows now rather than at the first message.
  await service.start();
  return service;
}
if (teamsMode(env) === 'local') {
  log.warn(
    '!!! Microsoft Teams runs WITHOUT AUTHENTICATION (no MICROSOFT_APP_ID): POST /api/messages trusts whoever calls it. For local use only; set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID before exposing Sesame.',
  );
} else if (teams) log.info('Microsoft Teams: POST /api/messages, every activity token verified');
else log.info('Microsoft Teams: off (set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID)');
const senderWarning = placeholderSenderWarning(env);
if (senderWarning) log.warn(senderWarning);
// Off by default: without METRICS_TOKEN there is no /metrics and prom-client is never loaded.
const metrics = env.METRICS_TOKEN
  ? await (await import('./metrics/enable-metrics.js')).enableMetrics({
      token: env.METRICS_TOKEN,
      db: database.prisma,
      log,
    })
  : undefined;
// Declared before the server listens: /readyz can be asked before the scheduler has started.
let scheduler: Scheduler | undefined;
let stopping = false;

const server = createHttpServer({
  db: database.prisma,
  log,
  readiness: {
    migrationsApplied: migrationsAppliedCheck(database.prisma),
    // Not ready until the jobs run, nor once stopping (the load balancer drains this replica);
    // a replica with JOBS_ENABLED=false has no scheduler to wait for.
    schedulerRunning: () => !stopping && (!env.JOBS_ENABLED || scheduler !== undefined),
  },
  metrics,
  routes: {
    ...enrollmentRoutes({
      db: database.prisma,
      pages,
      log,
      secure: publicUrl(env).startsWith('https://'),
      publicUrl: publicUrl(env),
      secretBox: env.TOKEN_ENCRYPTION_KEY ? createSecretBox(env.TOKEN_ENCRYPTION_KEY) : undefined,
      clientIp: env.TRUST_PROXY ? forwardedAddress : undefined,
    }),
    ...slack?.routes,
    ...teams?.routes,
    [SENDGRID_WEBHOOK_ROUTE]: createSendgridWebhookRoute({
      db: database.prisma,
      log,
      publicKey: env.SENDGRID_WEBHOOK_PUBLIC_KEY,
    }),
  },
});
// Kept so that a stop asked while the scheduler starts waits for it, then stops it.
let schedulerStarted: Promise<void> = Promise.resolve();
// Signals are taken before the service listens: a stop asked while it is still starting (the
// scheduler, Slack) is a graceful stop too, never the default action that kills the process.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void shutdown(signal);
  });
}
server.listen(env.PORT, env.HOST, () => {
  const { port } = server.address() as AddressInfo;
  log.info(`Sesame listening on http://${env.HOST}:${port} (public URL ${publicUrl({ ...env, PORT: port })})`);
});

await slack?.start();
schedulerStarted = env.JOBS_ENABLED
  ? startScheduler({ dbUrl: database.url, db: database.prisma, env, log }).then((started) => {
      scheduler = started;
    })
  : Promise.resolve();
await schedulerStarted;
if (metrics) scheduler?.onRun(observeJobRun);
serving = true;

async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info(`${signal} received: stopping`);
  // A bound on the whole shutdown: a stuck connection must not keep the process alive forever.
  const timer = setTimeout(() => {
    log.warn('Shutdown took too long: exiting');
    process.exit(1);
  }, 15_000);
  timer.unref();
  server.closeIdleConnections();
  const httpClosed = new Promise<void>((resolve) => server.close(() => resolve()));
  // In-flight jobs (an outbox delivery) finish within their bound; they still need the database.
  await slack?.stop().catch(() => {});
  await teams?.stop().catch(() => {});
  await schedulerStarted.catch(() => {});
  await scheduler?.stop(10_000);
  await httpClosed;
  await pages.end();
  await database.close();
  log.info('Stopped');
  process.exit(0);
}
