// Issue 16's performance target for external members, on PostgreSQL: importing 10,000 external
// rows spread over 1,000 secured companies in a 5-level tree costs at most 1.2x the same import of
// internal rows, both measured here, in the same run. The external seat limit is high enough that
// nothing is held: the comparison is about finding and checking the companies, not about seats.
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { companyNameKey } from '../src/companies/company-name.js';
import type { PrismaClient } from '../src/generated/prisma/client.js';
import { runImport } from '../src/imports/run-import.js';
import { resolveActor } from '../src/members/resolve-actor.js';
import { createOrganization } from '../src/organizations/create-organization.js';
import type { Actor } from '../src/permissions/actor.js';
import { writeBenchCsv } from './bench-csv.js';
import type { BenchContext, BenchSection } from './section.js';
import { ms, verdict } from './section.js';

const ROWS = 10_000;
/** Companies per level, from the top: 1,000 in all, 5 levels deep. */
const LEVELS = [10, 40, 150, 300, 500];
const TARGET_RATIO = 1.2;

interface BenchCompany {
  id: string;
  parentId: string | null;
  name: string;
  path: string;
}

/** The tree: each company of a level hangs under one of the level above, in turn. */
function companyTree(): BenchCompany[] {
  const all: BenchCompany[] = [];
  let above: BenchCompany[] = [];
  LEVELS.forEach((size, level) => {
    const here = Array.from({ length: size }, (_, i) => {
      const parent = above.length > 0 ? (above[i % above.length] as BenchCompany) : null;
      const name = `Partner ${level + 1}-${i}`;
      return { id: randomUUID(), parentId: parent?.id ?? null, name, path: parent ? `${parent.path}/${name}` : name };
    });
    all.push(...here);
    above = here;
  });
  return all;
}

export const externalImportSection: BenchSection = {
  title: 'External import (issue 16)',
  async run({ prisma, runs, tmpDir, log }: BenchContext) {
    // The names and paths are the same in every run's tree; the ids are new each time.
    const companies = companyTree();
    // Row i names company i mod 1,000: by its name, or every fourth row by its full path.
    const refOf = (i: number) => {
      const company = companies[i % companies.length] as BenchCompany;
      return i % 4 === 0 ? company.path : company.name;
    };
    const internalFile = join(tmpDir, 'internal.csv');
    const externalFile = join(tmpDir, 'external.csv');
    await writeBenchCsv(internalFile, ROWS, 'internal');
    await writeBenchCsv(externalFile, ROWS, 'external', refOf);

    // The two imports alternate, each on a fresh organization, the first of the pair swapped every
    // run, so that warm-up and the database's growth fall on both alike; the best run of each counts.
    const internal: number[] = [];
    const external: number[] = [];
    const measureInternal = async (run: number) =>
      internal.push(await timedImport(await benchActor(prisma, `internal ${run}`), internalFile, false));
    const measureExternal = async (run: number) => {
      const actor = await benchActor(prisma, `external ${run}`);
      await writeCompanies(prisma, actor.organization.id, companyTree());
      external.push(await timedImport(actor, externalFile, true));
    };
    for (let run = 0; run < runs; run++) {
      const pair = run % 2 === 0 ? [measureInternal, measureExternal] : [measureExternal, measureInternal];
      for (const measure of pair) await measure(run);
    }
    const best = (times: number[]) => Math.min(...times);
    const all = (times: number[]) => times.map((time) => time.toFixed(0)).join(', ');
    const rows = ROWS.toLocaleString('en');
    log(`import of ${rows} internal rows: ${ms(best(internal))} (best of ${runs}: ${all(internal)} ms)`);
    log(
      `import of ${rows} external rows over ${companies.length.toLocaleString('en')} secured companies in a ` +
        `${LEVELS.length}-level tree: ${ms(best(external))} (best of ${runs}: ${all(external)} ms)`,
    );
    const ratio = best(external) / best(internal);
    const pass = ratio <= TARGET_RATIO;
    log(`ratio: ${ratio.toFixed(2)}x (target <= ${TARGET_RATIO.toFixed(1)}x) ${verdict(pass)}`);
    return pass;

    async function timedImport(actor: Actor, file: string, externalRows: boolean): Promise<number> {
      const started = performance.now();
      const result = await runImport(prisma, actor, createReadStream(file), { fileName: 'bench.csv' });
      const elapsed = performance.now() - started;
      const externals = await prisma.invitation.count({
        where: { organizationId: actor.organization.id, external: true },
      });
      if (result.invited !== ROWS || externals !== (externalRows ? ROWS : 0)) {
        const first = result.errors[0]?.message ?? 'none';
        throw new Error(
          `expected ${ROWS} ${externalRows ? 'external' : 'internal'} invitations, got ${result.invited} ` +
            `(${externals} external, ${result.errors.length} errors, the first: ${first})`,
        );
      }
      return elapsed;
    }
  },
};

async function benchActor(prisma: PrismaClient, label: string): Promise<Actor> {
  const organization = await createOrganization(prisma, {
    name: `Bench ${label} ${Date.now()}`,
    seats: ROWS * 2,
    ownerEmail: 'owner@bench.example.com',
    channel: 'cli',
  });
  await prisma.organization.update({ where: { id: organization.id }, data: { externalSeatLimit: ROWS * 2 } });
  return resolveActor(prisma, { organization, channel: 'cli' });
}

/** The bench's set-up, not what it measures: written straight, parents first, all secured. */
async function writeCompanies(prisma: PrismaClient, organizationId: string, companies: BenchCompany[]) {
  await prisma.company.createMany({
    data: companies.map((c) => ({
      id: c.id,
      organizationId,
      parentId: c.parentId,
      name: c.name,
      nameKey: companyNameKey(c.name),
      secured: true,
    })),
  });
}
