// Issue 4's throughput target for the enrollment pages, on PostgreSQL: GET /accept/:token (valid
// tokens: the invitation read from the database, the page rendered, a CSRF token signed) serves at
// least 50% of the requests per second of a bare node:http server answering the same bytes as a
// static page. Both are measured in the same run, by the same client (keep-alive, in a worker
// thread, so that it does not share the servers' event loop), in alternating rounds; the median
// round of each counts. The client cycles through 100 invitations' links, as real traffic would
// (one token asked again and again would make every batched read a single-row lookup).
//
// Alone: `npx tsx bench/pages.ts` (its own scratch database at BENCH_DATABASE_URL).

import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createPrismaClient, type Db } from '../src/db/database.js';
import { createPagesDatabase, enrollmentRoutes, type PagesDatabase } from '../src/enrollment/routes.js';
import { createHttpServer } from '../src/http/server.js';
import { issueAcceptToken } from '../src/invitations/accept-token.js';
import { invite } from '../src/invitations/invite.js';
import { createLogger } from '../src/log/logger.js';
import { resolveActor } from '../src/members/resolve-actor.js';
import { createOrganization } from '../src/organizations/create-organization.js';
import { DEFAULT_BENCH_URL, openBenchDatabase } from './bench-database.js';
import type { BenchSection } from './section.js';
import { close, listen } from './servers.js';

const TARGET_RATIO = 0.5;
const INVITATIONS = 100;

export interface PagesBenchOptions {
  /** Length of one timed round (default 3 s). */
  roundMs?: number;
  /** Alternating rounds per server (default 5). */
  rounds?: number;
  /** Concurrent keep-alive connections (default 16). */
  connections?: number;
  /** The pages' database pool (default: the service's, PAGES_POOL_SIZE). */
  poolSize?: number;
  log?: (line: string) => void;
}

export interface PagesBenchResult {
  pageRps: number;
  bareRps: number;
  ratio: number;
  pageBytes: number;
  pass: boolean;
}

/** Measures the accept page against a bare server on a migrated scratch database (`db` is its client, `url` its URL). */
export async function benchPages(
  db: Db,
  database: { url: string; kind: 'postgresql' | 'pglite' },
  options: PagesBenchOptions = {},
): Promise<PagesBenchResult> {
  const { url } = database;
  const embedded = database.kind === 'pglite';
  const { roundMs = 3000, rounds = 5, connections = 16, log = () => {} } = options;
  const organization = await createOrganization(db, {
    name: `Bench pages ${Date.now().toString(36)}`,
    seats: INVITATIONS + 10,
    ownerEmail: 'owner@bench-pages.example.com',
    channel: 'cli',
  });
  const owner = await resolveActor(db, { organization, channel: 'cli' });
  const emails = Array.from({ length: INVITATIONS }, (_, i) => `invitee${i}@bench-pages.example.com`);
  const made = await invite(db, owner, { emails, firstName: 'Ana' });
  const paths: string[] = [];
  for (const result of made.results) {
    if (!result.invitationId) throw new Error(`a bench invitation was refused: ${result.outcome}`);
    paths.push(`/accept/${await issueAcceptToken(db, result.invitationId)}`);
  }

  // Wired as src/service.ts wires it.
  const silent = createLogger('silent');
  const database_ = createPagesDatabase({ url, embedded, log: silent, max: options.poolSize });
  // Counts the queries, to show how many page reads each one served (they are batched).
  const reads = { queries: 0, tokens: 0 };
  const pages: PagesDatabase = {
    read: (query, values) => {
      reads.queries++;
      reads.tokens += Array.isArray(values[0]) ? values[0].length : 1;
      return database_.read(query, values);
    },
    end: () => database_.end(),
  };
  const sesame = createHttpServer({ db, log: silent, routes: enrollmentRoutes({ db, pages, log: silent }) });
  const sesameBase = await listen(sesame);
  const sesameUrls = paths.map((path) => sesameBase + path);
  const first = await fetch(sesameUrls[0] ?? '');
  const page = Buffer.from(await first.arrayBuffer());
  if (first.status !== 200) throw new Error(`the accept page answered ${first.status}`);
  const bare = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': page.length });
    res.end(page);
  });
  const bareBase = await listen(bare);
  const bareUrls = paths.map((path) => bareBase + path);

  try {
    // Warm-up: JIT, connection pools, the prepared plan.
    await load(bareUrls, 1000, connections);
    await load(sesameUrls, 1000, connections);
    const pageRounds: number[] = [];
    const bareRounds: number[] = [];
    for (let round = 0; round < rounds; round++) {
      bareRounds.push(await load(bareUrls, roundMs, connections));
      pageRounds.push(await load(sesameUrls, roundMs, connections));
    }
    const pageRps = median(pageRounds);
    const bareRps = median(bareRounds);
    const ratio = pageRps / bareRps;
    const pass = ratio >= TARGET_RATIO;
    const rps = (n: number) => `${Math.round(n).toLocaleString('en-US')} req/s`;
    log(
      `GET /accept/:token (${paths.length} links, ${page.length} bytes): ${rps(pageRps)}  [${pageRounds.map(rps).join(', ')}]`,
    );
    log(`bare node:http, same bytes:                ${rps(bareRps)}  [${bareRounds.map(rps).join(', ')}]`);
    log(
      `the page reads shared ${reads.queries.toLocaleString('en-US')} queries: ${(reads.tokens / Math.max(1, reads.queries)).toFixed(1)} distinct links per query on average`,
    );
    log(
      `ratio ${(ratio * 100).toFixed(1)}% (target >= ${TARGET_RATIO * 100}%, ${connections} keep-alive connections): ${pass ? 'PASS' : 'FAIL'}`,
    );
    return { pageRps, bareRps, ratio, pageBytes: page.length, pass };
  } finally {
    await Promise.all([close(sesame), close(bare)]);
    await pages.end();
  }
}

export const pagesSection: BenchSection = {
  title: 'Enrollment pages (issue 4)',
  async run({ db, prisma, log }) {
    return (await benchPages(prisma, db, { log })).pass;
  },
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

// The client: `connections` loops, each sending its next GET when the previous answer ended.
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { urls, connections, durationMs } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const end = Date.now() + durationMs;
let done = 0, failed = 0, firstStatus = 0, running = connections, turn = 0;
const started = Date.now();
function next() {
  if (Date.now() >= end) {
    if (--running === 0) { agent.destroy(); parentPort.postMessage({ done, failed, firstStatus, ms: Date.now() - started }); }
    return;
  }
  http.get(urls[turn++ % urls.length], { agent }, (res) => {
    if (res.statusCode !== 200 && failed++ === 0) firstStatus = res.statusCode;
    res.resume();
    res.on('end', () => { done++; next(); });
  }).on('error', () => { failed++; next(); });
}
for (let i = 0; i < connections; i++) next();
`;

function load(urls: string[], durationMs: number, connections: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(CLIENT, { eval: true, workerData: { urls, connections, durationMs } });
    worker.once('message', (result: { done: number; failed: number; firstStatus: number; ms: number }) => {
      if (result.failed > 0)
        reject(new Error(`${result.failed} request(s) failed (first: HTTP ${result.firstStatus})`));
      else resolve((result.done * 1000) / result.ms);
    });
    worker.once('error', reject);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const log = (line: string) => console.log(line);
  const database = await openBenchDatabase(process.env.BENCH_DATABASE_URL?.trim() || DEFAULT_BENCH_URL, log);
  const prisma = createPrismaClient(database.url);
  let pass = false;
  try {
    log(`Enrollment pages bench on ${database.label}`);
    pass = (await benchPages(prisma, database, { log })).pass;
  } finally {
    await prisma.$disconnect();
    await database.drop();
  }
  process.exit(pass ? 0 : 1);
}
