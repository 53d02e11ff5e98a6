// The Slack ack target, on PostgreSQL: 50 concurrent signed `/invite ana+N@example.com` slash
// commands to Sesame's real Slack endpoint (Bolt in Sesame's HTTP server, a linked workspace, the
// owner as the Slack user, every command really inviting after its ack) are acked with a p99 at
// most 1.5x the p99 of the same 50 requests to a bare Bolt app that only acks, measured here, in
// the same run. Ack latency: from sending the HTTP request to receiving the whole HTTP response.
// Both apps get identical requests (same bodies, same signing secret), in alternating bursts;
// after each Sesame burst the bench waits for its 50 answers on the response_urls, so that no
// burst's work spills into the next. p50 and p99 are over every timed request of each app
// (runs x 50, nearest rank); the per-burst figures are printed too (a burst's p99 is its slowest of 50).
// The client sends with test/support/slack-requests.ts from a worker thread, so that it does not
// share the apps' event loop (as bench/pages.ts does); the fake Slack shares Sesame's, so its part of
// the work (recording the response_url posts) counts against Sesame, never for it.
//
// Alone: `npx tsx bench/slack-ack.ts` (its own scratch database at BENCH_DATABASE_URL).

import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { App, HTTPReceiver } from '@slack/bolt';
import { createPrismaClient, type Db } from '../src/db/database.js';
import { createHttpServer } from '../src/http/server.js';
import { createLogger } from '../src/log/logger.js';
import { createOrganization } from '../src/organizations/create-organization.js';
import { createSlackService } from '../src/slack/create-slack-app.js';
import { startFakeSlack } from '../test/support/fake-slack.js';
import type { sendSlashCommand } from '../test/support/slack-requests.js';
import { DEFAULT_BENCH_URL, openBenchDatabase } from './bench-database.js';
import { type BenchSection, ms, verdict } from './section.js';
import { close, listen } from './servers.js';

const TARGET_RATIO = 1.5;
const BURST = 50;
const WARM_UP_BURSTS = 2;
const SIGNING_SECRET = 'bench-signing-secret-0123456789abcdef';
/** How long a burst's 50 invitations may take to be answered on their response_urls. */
const ANSWER_TIMEOUT_MS = 60_000;

export interface SlackAckBenchResult {
  sesame: { p50: number; p99: number };
  bare: { p50: number; p99: number };
  ratio: number;
  pass: boolean;
}

type Command = Parameters<typeof sendSlashCommand>[2];

export async function benchSlackAck(
  db: Db,
  options: { runs?: number; log?: (line: string) => void } = {},
): Promise<SlackAckBenchResult> {
  const { runs = 5, log = () => {} } = options;
  const fake = await startFakeSlack();
  const ownerEmail = 'owner@bench-slack.example.com';
  const organization = await createOrganization(db, {
    name: `Bench slack ${Date.now().toString(36)}`,
    seats: BURST * (runs + WARM_UP_BURSTS) + 10,
    ownerEmail,
    channel: 'cli',
  });
  const teamId = `T${randomUUID().slice(0, 8).toUpperCase()}`;
  await db.chatWorkspace.create({ data: { platform: 'slack', externalId: teamId, organizationId: organization.id } });
  const userId = `U${randomUUID().slice(0, 10).toUpperCase()}`;
  fake.addUser({ id: userId, teamId, email: ownerEmail, isAdmin: true });

  // Sesame, wired as test/slack/support.ts (and src/service.ts) wire it.
  const quiet = createLogger('warn');
  const service = createSlackService({
    config: { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: fake.botToken, SLACK_API_URL: fake.apiUrl },
    db,
    log: quiet,
    retries: 0,
  });
  const sesame = createHttpServer({ db, log: quiet, routes: service.routes });
  const sesameEndpoint = `${await listen(sesame)}/slack/events`;

  // The baseline: a bare Bolt app that only acks.
  const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, endpoints: '/slack/events' });
  const bareApp = new App({
    receiver,
    token: fake.botToken,
    clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
  });
  bareApp.command('/invite', async ({ ack }) => {
    await ack();
  });
  const bare = createServer(receiver.requestListener);
  const bareEndpoint = `${await listen(bare)}/slack/events`;

  const client = startClient();
  let next = 0;
  const burstOfCommands = (): Command[] =>
    Array.from({ length: BURST }, () => {
      const n = next++;
      return {
        text: `ana+${n}@example.com`,
        userId,
        teamId,
        responseUrl: `${fake.url}/respond/bench-${n}`,
        triggerId: `${1e12 + n}.${1e12 + n}.bench${n}`,
      };
    });
  const round = async (commands: Command[]) => {
    const bareMs = await client.burst(bareEndpoint, commands);
    const sesameMs = await client.burst(sesameEndpoint, commands);
    // Sesame's work goes on after the ack: every invitation answered before the next burst.
    await Promise.all(
      commands.map((c) =>
        fake.waitFor(
          'response_url',
          (args) => args.responseUrlPath === new URL(c.responseUrl).pathname,
          ANSWER_TIMEOUT_MS,
        ),
      ),
    );
    return { bareMs, sesameMs };
  };

  try {
    // Warm-up: JIT, Bolt's first auth.test, keep-alive connections, the database pool.
    for (let i = 0; i < WARM_UP_BURSTS; i++) await round(burstOfCommands());
    const sesameAll: number[] = [];
    const bareAll: number[] = [];
    const perRun: string[] = [];
    for (let run = 0; run < runs; run++) {
      const { bareMs, sesameMs } = await round(burstOfCommands());
      sesameAll.push(...sesameMs);
      bareAll.push(...bareMs);
      perRun.push(
        `  burst ${run + 1}: Sesame p50 ${ms(percentile(sesameMs, 50))} p99 ${ms(percentile(sesameMs, 99))}; ` +
          `bare p50 ${ms(percentile(bareMs, 50))} p99 ${ms(percentile(bareMs, 99))}`,
      );
    }

    // Every command really invited: one invitation per address sent to Sesame.
    const invitations = await db.invitation.count({ where: { organizationId: organization.id } });
    if (invitations !== next) throw new Error(`expected ${next} invitations from the commands, found ${invitations}`);

    const result: SlackAckBenchResult = {
      sesame: { p50: percentile(sesameAll, 50), p99: percentile(sesameAll, 99) },
      bare: { p50: percentile(bareAll, 50), p99: percentile(bareAll, 99) },
      ratio: 0,
      pass: false,
    };
    result.ratio = result.sesame.p99 / result.bare.p99;
    result.pass = result.ratio <= TARGET_RATIO;
    const samples = `${runs} bursts of ${BURST} concurrent requests, after ${WARM_UP_BURSTS} warm-up bursts`;
    log(`ack latency of signed /invite slash commands, ${samples}:`);
    log(
      `Sesame POST /slack/events (invites after the ack): p50 ${ms(result.sesame.p50)}  p99 ${ms(result.sesame.p99)}`,
    );
    log(`bare Bolt app that only acks:                     p50 ${ms(result.bare.p50)}  p99 ${ms(result.bare.p99)}`);
    for (const line of perRun) log(line);
    log(`${next} invitations made and answered on their response_urls`);
    log(`ratio of p99s: ${result.ratio.toFixed(2)}x (target <= ${TARGET_RATIO.toFixed(1)}x) ${verdict(result.pass)}`);
    return result;
  } finally {
    await client.stop();
    await Promise.all([close(sesame), close(bare)]);
    await fake.close();
  }
}

export const slackSection: BenchSection = {
  title: 'Slack command ack latency',
  async run({ prisma, runs, log }) {
    return (await benchSlackAck(prisma, { runs, log })).pass;
  },
};

// The client, in a worker thread: for each burst it is sent, it sends the commands at once with
// sendSlashCommand and answers with the latency of each, from sending the request to the end of
// its response. tsx's hooks do not reach worker threads: the helper is loaded with tsImport.
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const { tsxApi, requests, signingSecret } = workerData;
const loaded = import(tsxApi).then(({ tsImport }) => tsImport(requests, requests));
parentPort.on('message', async ({ endpoint, commands }) => {
  try {
    const { sendSlashCommand } = await loaded;
    const latencies = await Promise.all(commands.map(async (command) => {
      const started = performance.now();
      const answer = await sendSlashCommand(endpoint, signingSecret, command);
      const elapsed = performance.now() - started;
      if (answer.status !== 200) throw new Error(endpoint + ' answered HTTP ' + answer.status + ': ' + answer.text);
      return elapsed;
    }));
    parentPort.postMessage({ latencies });
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
});
`;

function startClient() {
  const worker = new Worker(CLIENT, {
    eval: true,
    workerData: {
      tsxApi: import.meta.resolve('tsx/esm/api'),
      requests: new URL('../test/support/slack-requests.ts', import.meta.url).href,
      signingSecret: SIGNING_SECRET,
    },
  });
  return {
    burst: (endpoint: string, commands: Command[]) =>
      new Promise<number[]>((resolve, reject) => {
        const onError = (error: Error) => reject(error);
        worker.once('error', onError);
        worker.once('message', (answer: { latencies?: number[]; error?: string }) => {
          worker.off('error', onError);
          if (answer.latencies) resolve(answer.latencies);
          else reject(new Error(`the Slack bench client failed: ${answer.error}`));
        });
        worker.postMessage({ endpoint, commands });
      }),
    stop: () => worker.terminate().then(() => undefined),
  };
}

/** Nearest-rank percentile. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const log = (line: string) => console.log(line);
  const database = await openBenchDatabase(process.env.BENCH_DATABASE_URL?.trim() || DEFAULT_BENCH_URL, log);
  const prisma = createPrismaClient(database.url);
  let pass = false;
  try {
    log(`Slack ack bench on ${database.label}`);
    const runs = Math.max(1, Number(process.env.BENCH_RUNS) || 5);
    pass = (await benchSlackAck(prisma, { runs, log })).pass;
  } finally {
    await prisma.$disconnect();
    await database.drop();
  }
  process.exit(pass ? 0 : 1);
}
