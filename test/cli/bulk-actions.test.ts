// `sesame pending resend-expired --days N` and `sesame pending revoke-older --days N`: the count
// first, then a question in a terminal (--yes skips it; without a terminal nothing is done unless
// --yes is given), text in English and French, --json, and the days checked in both languages.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireDueInvitations } from '../../src/invitations/expire.js';
import { invite } from '../../src/invitations/invite.js';
import type { Actor } from '../../src/permissions/actor.js';
import { newOrganization } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { binPath, type Cli, cliFor } from './run-cli.js';

let db: TestDatabase;
let sesame: Cli;

beforeAll(async () => {
  db = await createTestDatabase();
  sesame = await cliFor({ DATABASE_URL: db.url });
});
afterAll(async () => {
  await sesame?.cleanup();
  await db?.close();
});

/** Invitations sent `daysAgo` days ago (all their dates moved back), expired by the job when due. */
async function invitedAgo(owner: Actor, emails: string[], daysAgo: number): Promise<string[]> {
  const ids = (await invite(db.prisma, owner, { emails })).results.map((r) => r.invitationId ?? '');
  await db.prisma.$executeRawUnsafe(
    `UPDATE invitation SET created_at = created_at - make_interval(days => $2),
            last_sent_at = last_sent_at - make_interval(days => $2), expires_at = expires_at - make_interval(days => $2)
      WHERE id = ANY($1::uuid[])`,
    ids,
    daysAgo,
  );
  await expireDueInvitations(db.prisma);
  return ids;
}

/** Pending invitations created `daysAgo` days ago. */
async function createdAgo(owner: Actor, emails: string[], daysAgo: number): Promise<string[]> {
  const ids = (await invite(db.prisma, owner, { emails })).results.map((r) => r.invitationId ?? '');
  await db.prisma.$executeRawUnsafe(
    'UPDATE invitation SET created_at = created_at - make_interval(days => $2) WHERE id = ANY($1::uuid[])',
    ids,
    daysAgo,
  );
  return ids;
}

const statuses = async (ids: string[]) =>
  (await db.prisma.invitation.findMany({ where: { id: { in: ids } }, orderBy: { email: 'asc' } })).map((i) => i.status);

/** The CLI in a pseudo-terminal (util-linux `script`), answering the question with `answer`. */
function inTerminal(args: string[], answer: string): Promise<{ code: number | null; output: string }> {
  const quoted = [process.execPath, binPath, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', quoted, '/dev/null'], {
      cwd: sesame.cwd,
      env: { PATH: process.env.PATH ?? '', HOME: sesame.cwd, LANG: 'C', LOG_LEVEL: 'warn', DATABASE_URL: db.url },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      output += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
    child.stdin.end(`${answer}\n`);
  });
}

describe('sesame pending resend-expired | revoke-older', { timeout: 180_000 }, () => {
  it('revokes the old pending ones after showing the count: --yes, or a yes in a terminal', async () => {
    const { owner, organization } = await newOrganization(db.prisma, { seats: 20 });
    const org = ['--org', organization.name];
    const old = await createdAgo(owner, ['ana@x.com', 'bo@x.com'], 40);
    const [young] = await createdAgo(owner, ['young@x.com'], 2);

    // No terminal to ask in: the count, then nothing done without --yes.
    const unasked = await sesame(['pending', 'revoke-older', '--days', '30', ...org]);
    expect(unasked.code, unasked.stderr).toBe(1);
    expect(unasked.stdout).toContain('2 invitations created more than 30 days ago will be revoked');
    expect(unasked.stdout).toContain('ana@x.com, bo@x.com');
    expect(unasked.stderr).toContain('Nothing was done: this terminal cannot ask for confirmation. Add --yes');
    expect(await statuses(old)).toEqual(['PENDING', 'PENDING']);

    // In a terminal: "n" does nothing, "y" revokes.
    const declined = await inTerminal(['pending', 'revoke-older', '--days', '30', ...org], 'n');
    expect(declined.output).toContain('Go ahead? [y/N]');
    expect(declined.output).toContain('Nothing was done.');
    expect(declined.code).toBe(0);
    expect(await statuses(old)).toEqual(['PENDING', 'PENDING']);
    const accepted = await inTerminal(['pending', 'revoke-older', '--days', '30', ...org, '--lang', 'fr'], 'o');
    expect(accepted.output).toContain('2 invitations créées il y a plus de 30 jours seront révoquées');
    expect(accepted.output).toContain('Continuer ? [o/N]');
    expect(accepted.output).toContain('✅ 2 invitations révoquées.');
    expect(accepted.code).toBe(0);
    expect(await statuses(old)).toEqual(['REVOKED', 'REVOKED']);
    expect(await statuses([young ?? ''])).toEqual(['PENDING']);

    // Nothing left: said so, nothing asked.
    const none = await sesame(['pending', 'revoke-older', '--days', '30', ...org]);
    expect(none.code, none.stderr).toBe(0);
    expect(none.stdout).toContain('No open invitation was created more than 30 days ago.');
  });

  it('resends the expired ones with --yes --json, and checks the days in both languages', async () => {
    const { owner, organization } = await newOrganization(db.prisma, { seats: 20 });
    const org = ['--org', organization.name];
    const ids = await invitedAgo(owner, ['cy@x.com', 'di@x.com'], 16);
    await invitedAgo(owner, ['gone@x.com'], 60);

    const shown = await sesame(['pending', 'resend-expired', '--days', '7', ...org, '--json']);
    expect(shown.code).toBe(1);
    expect(shown.json()).toEqual({
      preview: {
        days: 7,
        count: 2,
        held: 0,
        sample: ['cy@x.com', 'di@x.com'],
        skipped: { member: 0, reinvited: 0, usernameTaken: 0, uncovered: 0, cooldown: 0 },
      },
      result: null,
    });
    const done = await sesame(['pending', 'resend-expired', '--days', '7', '--yes', ...org, '--json']);
    expect(done.code, done.stderr).toBe(0);
    const json = done.json<{ result: { count: number; ids: string[]; changed: boolean } }>();
    expect(json.result).toMatchObject({ count: 2, held: 0, changed: false });
    expect([...json.result.ids].sort()).toEqual([...ids].sort());
    expect(await statuses(ids)).toEqual(['PENDING', 'PENDING']);

    const text = await sesame(['pending', 'resend-expired', '--days', '90', '--yes', ...org]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('1 invitation that expired in the last 90 days will be sent again');
    expect(text.stdout).toContain('✅ 1 invitation sent again.');

    const zero = await sesame(['pending', 'resend-expired', '--days', '0', '--yes', ...org]);
    expect(zero.code).toBe(1);
    expect(zero.stderr).toContain('"0" is not a usable number of days: type a whole number from 1 to 365.');
    const french = await sesame(['pending', 'revoke-older', '--days', 'trente', ...org, '--lang', 'fr']);
    expect(french.code).toBe(1);
    expect(french.stderr).toContain("« trente » n'est pas un nombre de jours utilisable");
  });
});
