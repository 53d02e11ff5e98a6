// `sesame members` and `sesame pending` show each external person's company (its path) in a
// Company column, added only when the page has an external row, with a mark when the company is no
// longer covered ("in an unsecured company", kept for the admin to decide) or was removed; --json
// carries `covered` for external rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCompany } from '../../src/companies/add-company.js';
import { setCompanySecured } from '../../src/companies/secure-company.js';
import { invite } from '../../src/invitations/invite.js';
import { addMember } from '../../src/members/add-member.js';
import { updateOrganizationSetting } from '../../src/organizations/update-setting.js';
import { newOrganization } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { type Cli, cliFor } from './run-cli.js';

let db: TestDatabase;
let sesame: Cli;

/** Runs a command that must succeed and returns its standard output. */
const ok = async (args: string[]) => {
  const run = await sesame(args);
  expect(run.code, run.stderr).toBe(0);
  return run.stdout;
};

/** The header line and the line of each e-mail in a table's output. */
const lines = (stdout: string, emails: string[]) => {
  const all = stdout.split('\n');
  return { header: all[0] ?? '', rows: emails.map((email) => all.find((line) => line.includes(email)) ?? '') };
};

beforeAll(async () => {
  db = await createTestDatabase();
  sesame = await cliFor({ DATABASE_URL: db.url });
  // The organization's people, set up through the domain (fast); the lists are read through the CLI.
  const { owner } = await newOrganization(db.prisma, { seats: 20 });
  await updateOrganizationSetting(db.prisma, owner, 'external-seats', '10');
  await addCompany(db.prisma, owner, { name: 'Groupe JLO' });
  await addCompany(db.prisma, owner, { name: 'JLO PARIS', parent: 'Groupe JLO' });
  for (const name of ['Acme', 'Gone']) await addCompany(db.prisma, owner, { name });
  for (const name of ['Groupe JLO', 'Acme', 'Gone']) await setCompanySecured(db.prisma, owner, name, true);
  await invite(db.prisma, owner, { emails: ['staff@iwe.example'] });
  await invite(db.prisma, owner, { emails: ['paul@jlo.example'], company: 'JLO PARIS' });
  await invite(db.prisma, owner, { emails: ['wile@acme.example'], company: 'Acme' });
  const add = (email: string, company?: string) =>
    addMember(db.prisma, owner, { email, firstName: 'A', lastName: 'B', password: 'Tr0mbone-Lavande-42', company });
  await add('bob@jlo.example', 'JLO PARIS');
  await add('ann@acme.example', 'Acme');
  await add('left@gone.example', 'Gone');
  await add('in@iwe.example');
});
afterAll(async () => {
  await sesame?.cleanup();
  await db?.close();
});

describe('the company of external people in the CLI lists', { timeout: 120_000 }, () => {
  it('adds no Company column to a page of internal people only', async () => {
    const members = lines(await ok(['members', '--search', 'iwe.example']), ['in@iwe.example']);
    const pending = lines(await ok(['pending', '--search', 'staff']), ['staff@iwe.example']);
    for (const list of [members, pending]) {
      expect(list.rows[0]).not.toBe('');
      expect(list.header).not.toContain('Company');
    }
  });

  it('shows the company path, then marks those no longer secured or removed, in English and French', async () => {
    const covered = lines(await ok(['members']), ['bob@jlo.example', 'in@iwe.example']);
    expect(covered.header).toMatch(/ Company$/);
    expect(covered.rows[0]).toMatch(/ Groupe JLO\/JLO PARIS$/);
    expect(covered.rows[1]).toMatch(/ -$/);

    await ok(['companies', 'unsecure', 'Groupe JLO']);
    await ok(['companies', 'remove', 'Gone']);
    const members = lines(await ok(['members']), ['bob@jlo.example', 'ann@acme.example', 'left@gone.example']);
    expect(members.rows).toEqual([
      expect.stringMatching(/ Groupe JLO\/JLO PARIS \(not secured\)$/),
      expect.stringMatching(/ Acme$/),
      expect.stringMatching(/ Gone \(removed\)$/),
    ]);
    const pending = lines(await ok(['pending']), ['paul@jlo.example', 'wile@acme.example', 'staff@iwe.example']);
    expect(pending.header).toMatch(/ Expires +Company$/);
    expect(pending.rows).toEqual([
      expect.stringMatching(/ Groupe JLO\/JLO PARIS \(not secured\)$/),
      expect.stringMatching(/ Acme$/),
      expect.stringMatching(/ -$/),
    ]);

    const french = lines(await ok(['members', '--lang', 'fr']), ['bob@jlo.example', 'left@gone.example']);
    expect(french.header).toMatch(/ Société$/);
    expect(french.rows).toEqual([
      expect.stringMatching(/ Groupe JLO\/JLO PARIS \(non sécurisée\)$/),
      expect.stringMatching(/ Gone \(retirée\)$/),
    ]);
    const frenchPending = lines(await ok(['pending', '--lang', 'fr', '--external']), ['paul@jlo.example']);
    expect(frenchPending.rows[0]).toMatch(/ Groupe JLO\/JLO PARIS \(non sécurisée\)$/);
  });

  it('says in JSON whether the company of each external row is covered', async () => {
    const members = JSON.parse(await ok(['members', '--json'])) as {
      members: { email: string; covered: boolean | null; companyPath: string | null }[];
    };
    const byEmail = Object.fromEntries(members.members.map((m) => [m.email, [m.covered, m.companyPath]]));
    expect(byEmail).toMatchObject({
      'bob@jlo.example': [false, 'Groupe JLO/JLO PARIS'],
      'ann@acme.example': [true, 'Acme'],
      'left@gone.example': [false, null],
      'in@iwe.example': [null, null],
    });
    const pending = JSON.parse(await ok(['pending', '--json'])) as {
      invitations: { email: string; covered: boolean | null }[];
    };
    expect(Object.fromEntries(pending.invitations.map((i) => [i.email, i.covered]))).toEqual({
      'paul@jlo.example': false,
      'wile@acme.example': true,
      'staff@iwe.example': null,
    });
  });
});
