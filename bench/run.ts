// `npm run bench`: Sesame's performance targets, measured on PostgreSQL (BENCH_DATABASE_URL,
// default postgresql://postgres@127.0.0.1:5432/postgres) in a scratch database created and
// dropped here. Each capability with targets is a section (bench/section.ts); add yours to
// `sections`. Exit code 1 when a target is missed. `npm run bench -- <word>` runs some sections only.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPrismaClient } from '../src/db/database.js';
import { DEFAULT_BENCH_URL, openBenchDatabase } from './bench-database.js';
import { deliveryFaultsSection } from './delivery-faults.js';
import { externalImportSection } from './external-import.js';
import { footprintSection } from './footprint.js';
import { importSection } from './import.js';
import { notificationStormSection } from './notification-storm.js';
import { pagesSection } from './pages.js';
import type { BenchSection } from './section.js';
import { sendgridSection } from './sendgrid.js';
import { slackSection } from './slack-ack.js';

const sections: BenchSection[] = [
  importSection,
  externalImportSection,
  sendgridSection,
  deliveryFaultsSection,
  pagesSection,
  slackSection,
  notificationStormSection,
  footprintSection,
];
// `npm run bench -- import` runs only the sections whose title contains one of the words.
const wanted = process.argv.slice(2).map((word) => word.toLowerCase());
const chosen = sections.filter((s) => wanted.length === 0 || wanted.some((w) => s.title.toLowerCase().includes(w)));

const log = (line = '') => console.log(line);
const runs = Math.max(1, Number(process.env.BENCH_RUNS) || 5);

const db = await openBenchDatabase(process.env.BENCH_DATABASE_URL?.trim() || DEFAULT_BENCH_URL, log);
const tmpDir = await mkdtemp(join(tmpdir(), 'sesame-bench-'));
const prisma = createPrismaClient(db.url);
let failed: string[] = [];
try {
  log(`Sesame bench on ${db.label}`);
  for (const section of chosen) {
    log();
    log(`== ${section.title} ==`);
    if (!(await section.run({ db, prisma, runs, tmpDir, log }))) failed.push(section.title);
  }
} catch (error) {
  failed = ['(the bench itself failed)'];
  console.error(error);
} finally {
  await prisma.$disconnect();
  await db.drop();
  await rm(tmpDir, { recursive: true, force: true });
}
log();
log(failed.length === 0 ? 'All targets met.' : `Targets missed in: ${failed.join(', ')}.`);
if (db.kind === 'pglite') log('(Measured on the embedded fallback, not PostgreSQL: indicative only.)');
// The migration engine's pg sockets linger for a while after their pool ends (see docs/stack.md).
process.exit(failed.length === 0 ? 0 : 1);
