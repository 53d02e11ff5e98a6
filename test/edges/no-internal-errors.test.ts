// Issue 12, item 8: no stack trace, file path, Prisma message or SQL reaches a user. A battery of
// bad inputs goes through the real `sesame` (outside LOG_LEVEL=debug) and through the HTTP routes
// (the enrollment pages here; the SSO, brand, readiness and metrics routes in
// no-internal-routes.test.ts; Slack's, Teams' and SendGrid's in malformed-bodies.test.ts); every
// answer is searched for the marks of internals (internals.ts).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userFacingDetail } from '../../src/errors/internal-detail.js';
import { type Cli, type CliResult, cliFor } from '../cli/run-cli.js';
import { invitation, type Pages, startPages } from '../enrollment/support.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { internalsIn, leaksOf, type Probe } from './internals.js';

let db: TestDatabase;
let sesame: Cli;
const org = ['--org', 'Edges'];

beforeAll(async () => {
  db = await createTestDatabase();
  sesame = await cliFor({ DATABASE_URL: db.url });
  const created = await sesame(['org', 'create', '--name', 'Edges', '--seats', '5', '--owner', 'owner@edges.example']);
  expect(created.code, created.stderr).toBe(0);
});
afterAll(async () => {
  await sesame?.cleanup();
  await db?.close();
});

const NOT_AN_ID = 'a1b2c3d4-0000-4000-8000-00000000zzzz';
const UNKNOWN_ID = '4b7a1d2e-8c1f-4d3a-9e2b-5f6a7b8c9d0e';

// Each line: a command a user could type, wrong in some way. NUL cannot travel in argv; it is
// covered through files and forms.
const badCommands: string[][] = [
  ['pending', ...org, '--role', 'wizard'],
  ['pending', ...org, '--type', 'wizard'],
  ['pending', ...org, '--search', '%_\\'],
  ['pending', ...org, '--search', 'a\u001b[31mb'],
  ['pending', ...org, '--inviter', 'nobody\t@x'],
  ['pending', ...org, '--status', 'nope'],
  ['invite', ...org, 'ana@example.com', '--first-name', 'Ana\nLima'],
  ['invite', ...org, 'bo\u0007@example.com'],
  ['invite', ...org, 'cy@example.com', '--message', 'Hi\u0001'],
  ['invite', ...org, 'dy@example.com', '--group', 'a\tb', '--role', 'wizard', '--type', 'wizard'],
  ['add', ...org, 'ed@example.com', '--first-name', 'Ed', '--last-name', 'L\u0085', '--password', 'soleil2024'],
  ['add', ...org, 'fi@example.com', '--first-name', 'Fi', '--last-name', 'Li', '--password', 'azertyuiop1'],
  ['add', ...org, 'gi@example.com', '--first-name', 'Gi', '--last-name', 'Li', '--username', 'x\u0002yzxyz'],
  ['revoke', ...org, NOT_AN_ID],
  ['revoke', ...org, UNKNOWN_ID],
  ['resend', ...org, 'nobody@example.com'],
  ['remind', ...org, 'zz\u0003'],
  ['approve', ...org, UNKNOWN_ID],
  ['deny', ...org, UNKNOWN_ID, '--reason', 'no'],
  ['members', ...org, '--search', '%\u0004'],
  ['set', ...org, 'nobody@example.com', 'role', 'wizard'],
  ['org', 'create', '--name', 'Bad\u0000Name'.replace('\u0000', '\u0001'), '--seats', '3', '--owner', 'o@x.example'],
  ['org', 'create', '--name', 'Other', '--seats', '3', '--owner', 'o\u0005@x.example'],
  ['org', 'set', ...org, 'name', 'New\nName'],
  ['org', 'set', ...org, 'wizardry', 'on'],
  ['org', 'show', '--org', 'No such org'],
  ['webhooks', ...org, 'add', 'not a url'],
  ['webhooks', ...org, 'remove', NOT_AN_ID],
  ['webhooks', ...org, 'remove', 'x'],
  ['audit', ...org, '--limit', '0'],
  ['requests', ...org, '--status', 'maybe'],
  ['slack', 'channel', ...org, 'C123'],
  ['teams', 'channel', ...org, '19:abc'],
  ['jobs', 'run', 'no-such-job'],
  ['import', ...org, 'no-such-file.csv'],
  ['import', ...org, 'nul.csv'],
  ['import', ...org, 'nul.csv', '--dry-run'],
  ['no-such-command'],
];

const describeRun = (args: string[], r: CliResult) =>
  `sesame ${JSON.stringify(args)} (exit ${r.code})\nstdout: ${r.stdout}\nstderr: ${r.stderr}`;

describe('the CLI with bad input', { timeout: 600_000 }, () => {
  it('answers every bad command with a message for people, never internals, in English and French', async () => {
    await writeFile(
      join(sesame.cwd, 'nul.csv'),
      'Email,First Name,Last Name\nok@example.com,Ana,Lima\nnul@example.com,B\u0000d,Lima\n',
    );
    const leaks: string[] = [];
    // Each command as typed, and every other one again in French with --json (both paths render refusals).
    const runs = badCommands.flatMap((args, i) => (i % 2 === 0 ? [args] : [args, [...args, '--lang', 'fr', '--json']]));
    // Three at a time: each spawn takes a second or two, the database is shared.
    for (let i = 0; i < runs.length; i += 3) {
      const batch = runs.slice(i, i + 3);
      const results = await Promise.all(batch.map((args) => sesame(args)));
      results.forEach((r, j) => {
        const args = batch[j] ?? [];
        const marks = internalsIn(r.stdout + r.stderr);
        if (marks.length > 0 || r.code === null) leaks.push(`${marks.join(' ')} in ${describeRun(args, r)}`);
      });
    }
    expect(leaks, leaks.join('\n\n')).toEqual([]);
  });

  it('imports a CSV with a NUL in a cell: the row is refused with its line and column, the others written', async () => {
    await writeFile(
      join(sesame.cwd, 'nul-2.csv'),
      'Email,First Name,Last Name\nok.2@example.com,Ana,Lima\nnul.2@example.com,B\u0000d,Lima\n',
    );
    const dryRun = await sesame(['import', ...org, 'nul-2.csv', '--dry-run']);
    expect(dryRun.stdout).toContain('line 3, column First Name: "First Name" contains a NUL character');
    const imported = await sesame(['import', ...org, 'nul-2.csv', '--json']);
    expect(imported.json()).toMatchObject({
      invited: 1,
      errors: [{ line: 3, column: 'First Name', code: 'text.nul' }],
    });
  });
});

describe('unexpected errors', () => {
  it("show a user neither a database client's message nor PostgreSQL's, only plain messages", async () => {
    const failed = await db.prisma.invitation.findMany({ where: { role: '\u0000' } }).catch((e: unknown) => e);
    expect(String((failed as Error).message)).toMatch(/prisma|invalid|0x00/i);
    expect(userFacingDetail(failed)).toBeUndefined();
    expect(userFacingDetail(new Error('Invalid `prisma.x()` invocation in\n/app/dist/x.js:1:2'))).toBeUndefined();
    expect(userFacingDetail(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBeUndefined();
    expect(userFacingDetail(new Error('DATABASE_URL is not a URL\n  at parse (/app/src/x.ts:1:1)'))).toBeUndefined();
    expect(userFacingDetail(new Error('the data directory is in use by sesame start (pid 42)'))).toBe(
      'the data directory is in use by sesame start (pid 42)',
    );
  });
});

describe('the enrollment pages with bad input', () => {
  let pages: Pages;
  beforeAll(async () => {
    pages = await startPages(db);
  });
  afterAll(() => pages?.close());

  it('answer every malformed request without a 5xx and without internals', async () => {
    const link = await invitation(db.prisma);
    const form = 'application/x-www-form-urlencoded';
    const requests: Probe[] = [
      ['/accept/%00'],
      ['/accept/%FF%FE'],
      [`/accept/${'x'.repeat(5000)}`],
      ['/accept/..%2F..%2Fetc%2Fpasswd'],
      ['/first-login?org=%00'],
      ['/first-login?org=%FF'],
      [`${link.path}?lang=%00`],
      [link.path, { method: 'POST', headers: { 'content-type': form }, body: 'firstName=%00&csrf=%00' }],
      [link.path, { method: 'POST', headers: { 'content-type': form }, body: '%FF=%FE&&&=' }],
      [link.path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'null' }],
      [link.path, { method: 'POST', headers: { 'content-type': form }, body: 'x'.repeat(100_000) }],
      ['/accept/nope', { method: 'POST', headers: { 'content-type': form }, body: 'password=%00' }],
      [
        '/first-login?org=4b7a1d2e-8c1f-4d3a-9e2b-5f6a7b8c9d0e',
        { method: 'POST', headers: { 'content-type': form }, body: 'login=%00' },
      ],
      [link.path, { method: 'DELETE' }],
    ];
    const leaks = await leaksOf(pages.base, requests);
    expect(leaks, leaks.join('\n\n')).toEqual([]);
  });
});
