// Child process of bench/import.ts: imports one big file into a fresh organization and prints
// the time and the process's peak resident memory as one JSON line. A process of its own, so that
// the peak is the import's and not the bench's.
//   usage: node --import tsx bench/import-big-file.ts <database url> <csv file>
import { createReadStream } from 'node:fs';
import { createPrismaClient } from '../src/db/database.js';
import { runImport } from '../src/imports/run-import.js';
import { resolveActor } from '../src/members/resolve-actor.js';
import { createOrganization } from '../src/organizations/create-organization.js';

const [url, file] = process.argv.slice(2);
if (!url || !file) throw new Error('usage: import-big-file.ts <database url> <csv file>');

// maxRSS (from getrusage) is the true peak; sampling every 50 ms double-checks it.
let sampled = 0;
const sampler = setInterval(() => {
  sampled = Math.max(sampled, process.memoryUsage().rss);
}, 50);

const prisma = createPrismaClient(url);
try {
  const organization = await createOrganization(prisma, {
    name: `Bench big ${Date.now()}`,
    seats: 1_000_000,
    ownerEmail: 'owner@bench.example.com',
    channel: 'cli',
  });
  const actor = await resolveActor(prisma, { organization, channel: 'cli' });
  const started = performance.now();
  const result = await runImport(prisma, actor, createReadStream(file), { fileName: 'big.csv' });
  const elapsed = performance.now() - started;
  clearInterval(sampler);
  const peak = Math.max(process.resourceUsage().maxRSS * 1024, sampled);
  console.log(
    JSON.stringify({ ms: elapsed, invited: result.invited, errors: result.errors.length, peakRssMb: peak / 2 ** 20 }),
  );
} finally {
  clearInterval(sampler);
  await prisma.$disconnect();
}
