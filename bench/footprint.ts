// Footprint: what the compiled service and CLI cost, against baselines measured in the same run
// (medians of `runs`). Each process is started from scratch, as an operator starts it:
// - the service on PostgreSQL (a scratch database), with jobs scheduled and Slack and Teams
//   configured (Slack against a local fake Web API; Teams in its local mode, which loads the same
//   SDK and bot): RSS after 30 s idle <= 2.5x a bare Bolt app's (HTTP receiver, one acking
//   command), and boot to a healthy /healthz <= 3x the bare app's boot to its first answer;
// - the service on the embedded database: PGlite alone (opened in a bare process on the same
//   directory) is reported, and the service's RSS minus PGlite's stays within the same 2.5x;
// - `sesame --help` <= 5x `node -e 0`; `sesame seats --json` against the running service <= 3x a
//   bare node script that connects with pg and runs one query.
//
// Alone: `npx tsx bench/footprint.ts` (its own scratch database at BENCH_DATABASE_URL).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBuilt } from '../scripts/build-state.mjs';
import { createPrismaClient } from '../src/db/database.js';
import { createOrganization } from '../src/organizations/create-organization.js';
import { startFakeSlack } from '../test/support/fake-slack.js';
import { DEFAULT_BENCH_URL, openBenchDatabase } from './bench-database.js';
import { type BenchContext, type BenchSection, ms, verdict } from './section.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixture = (name: string) => join(root, 'bench', 'fixtures', name);
const IDLE_MS = Number(process.env.BENCH_IDLE_MS) || 30_000;
const SIGNING_SECRET = 'bench-signing-secret-0123456789abcdef';
const TARGETS = { rss: 2.5, boot: 3, help: 5, seats: 3 };

interface Started {
  child: ChildProcess;
  port: number;
  /** From spawn to the first HTTP answer (the service: a healthy /healthz). */
  bootMs: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

async function rssKb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
}

/** Spawns `node args`, waits for a line of JSON with the given key on stdout (or for /healthz). */
function spawnNode(args: string[], env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? root, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  return { child, output: () => output };
}

async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined, output: () => string) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not start:\n${output().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await res.arrayBuffer();
    return res.ok || res.status === 404;
  } catch {
    return false;
  }
}

async function startBareBolt(botToken: string): Promise<Started> {
  const started = performance.now();
  const { child, output } = spawnNode([fixture('bare-bolt.mjs')], {
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: botToken,
  });
  const port = await until('the bare Bolt app', () => /"port":(\d+)/.exec(output())?.[1], output);
  await until(
    'the bare Bolt app',
    async () => ((await answers(`http://127.0.0.1:${port}/`)) ? true : undefined),
    output,
  );
  return { child, port: Number(port), bootMs: performance.now() - started };
}

async function startSesame(env: Record<string, string>): Promise<Started> {
  const started = performance.now();
  const { child, output } = spawnNode([join(root, 'dist', 'main.js')], {
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    ...env,
  });
  const port = await until('Sesame', () => /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output())?.[1], output);
  const health = `http://127.0.0.1:${port}/healthz`;
  await until('Sesame', async () => ((await answers(health)) ? true : undefined), output);
  return { child, port: Number(port), bootMs: performance.now() - started };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

/** Wall time of one `node args` run to its exit (ms); throws on a non-zero exit. */
async function timed(args: string[], env: Record<string, string> = {}): Promise<number> {
  const started = performance.now();
  const { child, output } = spawnNode(args, env);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`node ${args.join(' ')} exited with ${code}:\n${output().slice(-2000)}`);
  return performance.now() - started;
}

export interface FootprintResult {
  lines: string[];
  pass: boolean;
}

export async function benchFootprint(context: Pick<BenchContext, 'runs' | 'log'> & { dbUrl: string }) {
  const { runs, log, dbUrl } = context;
  ensureBuilt({ quiet: true });
  const fakeSlack = await startFakeSlack();
  const prisma = createPrismaClient(dbUrl, 2);
  const dirs: string[] = [];
  try {
    const ownerEmail = 'owner@bench-footprint.example.com';
    await createOrganization(prisma, { name: 'Bench footprint', seats: 10, ownerEmail, channel: 'cli' });
    const slackEnv = {
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: fakeSlack.botToken,
      SLACK_API_URL: fakeSlack.apiUrl,
    };
    const samples = { bare: [] as number[], bareBoot: [] as number[], pg: [] as number[], pgBoot: [] as number[] };
    const embedded = { service: [] as number[], pglite: [] as number[] };
    const cli = { node: [] as number[], help: [] as number[], bare: [] as number[], seats: [] as number[] };

    // The embedded database as a service finds it after its first start: created and migrated.
    const dataDir = await mkdtemp(join(tmpdir(), 'sesame-footprint-'));
    dirs.push(dataDir);
    await stop((await startSesame({ DATA_DIR: dataDir, JOBS_ENABLED: 'false' })).child);

    for (let run = 0; run < runs; run++) {
      // Boots one at a time (they compete for the CPU otherwise), then all idle together.
      const bare = await startBareBolt(fakeSlack.botToken);
      const sesame = await startSesame({ DATABASE_URL: dbUrl, ...slackEnv });
      const onEmbedded = await startSesame({ DATA_DIR: dataDir, ...slackEnv });
      try {
        // The CLI, while the services run.
        cli.node.push(await timed(['-e', '0']));
        cli.help.push(await timed([join(root, 'bin', 'sesame.mjs'), '--help']));
        cli.bare.push(await timed([fixture('bare-pg-query.mjs'), dbUrl]));
        cli.seats.push(
          await timed([join(root, 'bin', 'sesame.mjs'), '--org', 'Bench footprint', 'seats', '--json'], {
            DATABASE_URL: dbUrl,
          }),
        );

        await new Promise((r) => setTimeout(r, IDLE_MS));
        samples.bare.push(await rssKb(bare.child.pid as number));
        samples.pg.push(await rssKb(sesame.child.pid as number));
        embedded.service.push(await rssKb(onEmbedded.child.pid as number));
        samples.bareBoot.push(bare.bootMs);
        samples.pgBoot.push(sesame.bootMs);
      } finally {
        await Promise.all([stop(bare.child), stop(sesame.child), stop(onEmbedded.child)]);
      }
      // PGlite alone, on the directory the service just used (migrated, the same data).
      const { child, output } = spawnNode([fixture('pglite-alone.mjs'), join(dataDir, 'pglite')], {});
      try {
        await until('PGlite alone', () => (output().includes('"ready":true') ? true : undefined), output);
        await new Promise((r) => setTimeout(r, 3000));
        embedded.pglite.push(await rssKb(child.pid as number));
      } finally {
        await stop(child);
      }
    }

    const bareRss = median(samples.bare);
    const rssRatio = median(samples.pg) / bareRss;
    const bootRatio = median(samples.pgBoot) / median(samples.bareBoot);
    const pgliteRss = median(embedded.pglite);
    const embeddedRatio = (median(embedded.service) - pgliteRss) / bareRss;
    const helpRatio = median(cli.help) / median(cli.node);
    const seatsRatio = median(cli.seats) / median(cli.bare);
    const checks = [
      {
        name: `service RSS after ${IDLE_MS / 1000} s idle (PostgreSQL, jobs, Slack, Teams)`,
        detail: `${mb(median(samples.pg))} vs bare Bolt ${mb(bareRss)}`,
        ratio: rssRatio,
        target: TARGETS.rss,
      },
      {
        name: 'service RSS minus PGlite alone (embedded database)',
        detail: `${mb(median(embedded.service))} - PGlite ${mb(pgliteRss)} vs bare Bolt ${mb(bareRss)}`,
        ratio: embeddedRatio,
        target: TARGETS.rss,
      },
      {
        name: 'boot to a healthy /healthz (PostgreSQL)',
        detail: `${ms(median(samples.pgBoot))} vs bare Bolt ${ms(median(samples.bareBoot))}`,
        ratio: bootRatio,
        target: TARGETS.boot,
      },
      {
        name: 'sesame --help',
        detail: `${ms(median(cli.help))} vs node -e 0 ${ms(median(cli.node))}`,
        ratio: helpRatio,
        target: TARGETS.help,
      },
      {
        name: 'sesame seats --json (service running)',
        detail: `${ms(median(cli.seats))} vs bare pg query ${ms(median(cli.bare))}`,
        ratio: seatsRatio,
        target: TARGETS.seats,
      },
    ];
    for (const c of checks) {
      log(`${c.name}: ${c.detail}: ${c.ratio.toFixed(2)}x (target <= ${c.target}x) ${verdict(c.ratio <= c.target)}`);
    }
    log(`PGlite alone (reported separately): ${mb(pgliteRss)}`);
    return checks.every((c) => c.ratio <= c.target);
  } finally {
    await prisma.$disconnect();
    await fakeSlack.close();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  }
}

export const footprintSection: BenchSection = {
  title: 'Footprint',
  // A scratch database of its own: "idle" means nothing due, and the other sections leave
  // thousands of invitations and queued e-mails behind that the service's jobs would work on.
  async run({ runs, log }) {
    const own = await openBenchDatabase(process.env.BENCH_DATABASE_URL?.trim() || DEFAULT_BENCH_URL, log);
    try {
      return await benchFootprint({ dbUrl: own.url, runs, log });
    } finally {
      await own.drop();
    }
  },
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const log = (line = '') => console.log(line);
  const db = await openBenchDatabase(process.env.BENCH_DATABASE_URL?.trim() || DEFAULT_BENCH_URL, log);
  let pass = false;
  try {
    pass = await benchFootprint({ dbUrl: db.url, runs: Math.max(1, Number(process.env.BENCH_RUNS) || 5), log });
  } finally {
    await db.drop();
  }
  process.exit(pass ? 0 : 1);
}
