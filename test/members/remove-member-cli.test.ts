// `sesame members remove <e-mail>` end to end (issue 17, item 5): the real executable on a fresh
// database. The member's seat and username are free at once, so "resending" to a member added
// directly is: remove, then invite with the same username. Refusals exit 1 with their reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cli, cliFor } from '../cli/run-cli.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let db: TestDatabase;
let sesame: Cli;
const org = ['--org', 'Removals'];

beforeAll(async () => {
  db = await createTestDatabase();
  sesame = await cliFor({ DATABASE_URL: db.url });
});
afterAll(async () => {
  await sesame?.cleanup();
  await db?.close();
});

describe('sesame members remove', { timeout: 120_000 }, () => {
  it('frees the seat and the username of a member added directly, who is then invited again', async () => {
    const created = await sesame([
      'org',
      'create',
      '--name',
      'Removals',
      '--seats',
      '2',
      '--owner',
      'owner@rm.example',
    ]);
    expect(created.code, created.stderr).toBe(0);
    const added = await sesame(
      [
        'add',
        'ana@rm.example',
        '--first-name',
        'Ana',
        '--last-name',
        'Lopes',
        '--username',
        'ana.gis',
        '--password',
        '-',
      ],
      { input: 'Tr0mbone-Lavande-42\n' },
    );
    expect(added.code, added.stderr).toBe(0);
    const full = await sesame(['invite', 'bo@rm.example', '--json', ...org]);
    expect(full.json()).toMatchObject({ results: [{ outcome: 'held' }] });

    const removed = await sesame(['members', 'remove', 'Ana@RM.example', ...org]);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toContain('ana@rm.example removed: their internal seat and the username ana.gis are free.');

    const again = await sesame(['invite', 'ana@rm.example', '--username', 'ana.gis', '--json', ...org]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.json()).toMatchObject({ results: [{ email: 'ana@rm.example', outcome: 'invited' }] });
    expect((await sesame(['seats', '--json', ...org])).json()).toMatchObject({ used: 2, members: 1, pending: 1 });
  });

  it('answers in JSON and in French, and refuses what the rules refuse with exit code 1', async () => {
    await db.prisma.member.create({
      data: {
        organizationId: (await db.prisma.organization.findFirstOrThrow({ where: { name: 'Removals' } })).id,
        email: 'admin@rm.example',
        username: 'admin.rm',
        role: 'administrator',
        userType: 'creator',
      },
    });
    const asAdmin = ['--as', 'admin@rm.example', ...org];
    const ownerByAdmin = await sesame(['members', 'remove', 'owner@rm.example', ...asAdmin]);
    expect(ownerByAdmin.code).toBe(1);
    expect(ownerByAdmin.stderr).toContain('Only an owner may remove owner@rm.example, who is an owner.');
    const self = await sesame(['members', 'remove', 'admin@rm.example', ...asAdmin]);
    expect(self.code).toBe(1);
    expect(self.stderr).toContain('You cannot remove yourself');
    const unknown = await sesame(['members', 'remove', 'nobody@rm.example', '--lang', 'fr', ...org]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("nobody@rm.example n'est pas membre de cette organisation.");
    const empty = await sesame(['members', 'remove', ' ', ...org]);
    expect(empty.code).toBe(2);

    const json = await sesame(['members', 'remove', 'admin@rm.example', '--json', ...org]);
    expect(json.code, json.stderr).toBe(0);
    expect(json.json()).toEqual({
      removed: expect.objectContaining({
        email: 'admin@rm.example',
        username: 'admin.rm',
        kind: 'internal',
        company: null,
        openInvitations: 0,
        pendingSeatRequests: 0,
      }),
    });

    const help = await sesame(['members', 'remove', '--help', '--lang', 'fr']);
    expect(help.stdout).toContain('retirez-le, puis invitez-le');
  });
});
