// Issue 3's performance targets for the bulk import, on PostgreSQL:
//   1. importing 10,000 valid rows (parse, validate, write invitations, outbox and audit rows)
//      costs at most 3x a plain multi-row INSERT of the same 10,000 e-mails into a scratch table,
//      both measured here, in the same run;
//   2. a 100,000-row file streams from disk through runImport with a peak RSS under 400 MB
//      (measured in a child process, so that only the import's memory counts).
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ImportReading } from '../src/imports/read-import.js';
import { runImport } from '../src/imports/run-import.js';
import { resolveActor } from '../src/members/resolve-actor.js';
import { createOrganization } from '../src/organizations/create-organization.js';
import { benchEmail, writeBenchCsv } from './bench-csv.js';
import { type BenchContext, type BenchSection, bestOf, ms, verdict } from './section.js';

const ROWS = 10_000;
const BIG_ROWS = 100_000;
const TARGET_RATIO = 3.0;
const TARGET_RSS_MB = 400;

export const importSection: BenchSection = {
  title: 'Bulk import (issue 3)',
  async run(context) {
    const ratioOk = await importRatio(context);
    const memoryOk = await bigFileMemory(context);
    return ratioOk && memoryOk;
  },
};

async function importRatio(context: BenchContext): Promise<boolean> {
  const { db, prisma, runs, tmpDir, log } = context;
  const tag = 'ratio';
  const emails = Array.from({ length: ROWS }, (_, i) => benchEmail(tag, i));
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  let baseline: number;
  try {
    await client.query('CREATE TABLE bench_scratch (email text NOT NULL)');
    const insert = `INSERT INTO bench_scratch (email) VALUES ${emails.map((_, i) => `($${i + 1})`).join(', ')}`;
    baseline = await bestOf(runs, async () => {
      await client.query('TRUNCATE bench_scratch');
      const started = performance.now();
      await client.query(insert, emails);
      return performance.now() - started;
    });
    await client.query('DROP TABLE bench_scratch');
  } finally {
    await client.end();
  }
  log(
    `baseline: plain multi-row INSERT of ${ROWS.toLocaleString('en')} e-mails into a scratch table: ${ms(baseline)} (best of ${runs})`,
  );

  const file = join(tmpDir, `import-${ROWS}.csv`);
  await writeBenchCsv(file, ROWS, tag);
  const imported = await bestOf(runs, async (run) => {
    // A fresh organization each run: every row is new, as in a first import.
    const organization = await createOrganization(prisma, {
      name: `Bench ${run} ${Date.now()}`,
      seats: ROWS * 2,
      ownerEmail: 'owner@bench.example.com',
      channel: 'cli',
    });
    const actor = await resolveActor(prisma, { organization, channel: 'cli' });
    const started = performance.now();
    const result = await runImport(prisma, actor, createReadStream(file), { fileName: 'bench.csv' });
    const elapsed = performance.now() - started;
    if (result.invited !== ROWS)
      throw new Error(`expected ${ROWS} invitations, got ${result.invited} (${result.errors.length} errors)`);
    return elapsed;
  });
  log(
    `import: ${ROWS.toLocaleString('en')} valid rows from a file (parse, validate, invitations + outbox + audit rows): ${ms(imported)} (best of ${runs})`,
  );
  const ratio = imported / baseline;
  const pass = ratio <= TARGET_RATIO;
  log(`ratio: ${ratio.toFixed(1)}x (target <= ${TARGET_RATIO.toFixed(1)}x) ${verdict(pass)}`);
  await whereTheTimeGoes(context, file, emails, baseline);
  return pass;
}

/**
 * Not targets: the parts of the import measured alone, so that a missed ratio says where to look.
 * "invitation rows alone" is the same 10,000 rows INSERTed straight into the invitation table
 * (every column writeInvitations fills, its indexes and foreign keys, no outbox nor audit rows):
 * the floor of any import that creates one invitation row per e-mail.
 */
async function whereTheTimeGoes(
  { db, prisma, runs, log }: BenchContext,
  file: string,
  emails: string[],
  baseline: number,
) {
  const organization = await createOrganization(prisma, {
    name: `Bench parts ${Date.now()}`,
    seats: ROWS * 2,
    ownerEmail: 'owner@bench.example.com',
    channel: 'cli',
  });
  const reading = await bestOf(runs, async () => {
    const started = performance.now();
    const read = new ImportReading(createReadStream(file), organization, 'en');
    for await (const _ of read.chunks()) {
      // Read and validated; nothing written.
    }
    return performance.now() - started;
  });
  const owner = await resolveActor(prisma, { organization, channel: 'cli' });
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  let invitationRows: number;
  try {
    invitationRows = await bestOf(runs, async (run) => {
      const started = performance.now();
      await client.query(PLAIN_INVITATION_INSERT, [organization.id, owner.member.id, emails.map((e) => `${run}.${e}`)]);
      return performance.now() - started;
    });
  } finally {
    await client.end();
  }
  const share = (value: number) => `${ms(value)} = ${(value / baseline).toFixed(1)}x the baseline`;
  log('  where the time goes (not targets):');
  log(`    read + validate the file, no database: ${share(reading)}`);
  log(
    `    INSERT of the same ${ROWS.toLocaleString('en')} rows into the invitation table alone: ${share(invitationRows)}`,
  );
}

const PLAIN_INVITATION_INSERT = `
INSERT INTO invitation (organization_id, email, first_name, last_name, role, user_type, status, open_email,
                        inviter_id, expires_at, last_sent_at, send_count)
SELECT $1::uuid, e, 'First', 'Last', 'viewer', 'viewer', 'PENDING', e, $2::uuid, now() + interval '14 days', now(), 1
  FROM unnest($3::text[]) AS e`;

async function bigFileMemory({ db, tmpDir, log }: BenchContext): Promise<boolean> {
  const file = join(tmpDir, `import-${BIG_ROWS}.csv`);
  await writeBenchCsv(file, BIG_ROWS, 'big');
  const child = fileURLToPath(new URL('./import-big-file.ts', import.meta.url));
  const outcome = await runChild(child, [db.url, file]);
  const pass = outcome.invited === BIG_ROWS && outcome.peakRssMb < TARGET_RSS_MB;
  log(
    `${BIG_ROWS.toLocaleString('en')}-row file streamed from disk through runImport: ${(outcome.ms / 1000).toFixed(1)} s, ` +
      `${outcome.invited.toLocaleString('en')} invited, peak RSS ${outcome.peakRssMb.toFixed(0)} MB ` +
      `(target < ${TARGET_RSS_MB} MB) ${verdict(pass)}`,
  );
  return pass;
}

interface ChildOutcome {
  ms: number;
  invited: number;
  peakRssMb: number;
}

function runChild(script: string, args: string[]): Promise<ChildOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (data: Buffer) => {
      out += data.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`the 100,000-row import child exited with ${code}: ${last}`));
      try {
        resolve(JSON.parse(last) as ChildOutcome);
      } catch {
        reject(new Error(`unexpected output from the 100,000-row import child: ${last}`));
      }
    });
  });
}
