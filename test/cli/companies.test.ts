// `sesame companies ...` as a new admin types them: the seed's "Groupe JLO" example, the tree with
// its marks, JSON, refusals in both languages and the help in French.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { type Cli, cliFor } from './run-cli.js';

let db: TestDatabase;
let sesame: Cli;

beforeAll(async () => {
  db = await createTestDatabase();
  sesame = await cliFor({ DATABASE_URL: db.url });
  const created = await sesame(['org', 'create', '--name', 'iWE', '--seats', '10', '--owner', 'owner@iwe.example']);
  expect(created.code, created.stderr).toBe(0);
});
afterAll(async () => {
  await sesame?.cleanup();
  await db?.close();
});

describe('sesame companies', { timeout: 120_000 }, () => {
  it('builds the "Groupe JLO" tree, secures the parent, and lists its subsidiaries as covered', async () => {
    expect((await sesame(['companies', 'list'])).stdout).toContain('No partner company yet');
    const added = await sesame(['companies', 'add', 'Groupe JLO']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('Company Groupe JLO added: not covered yet');
    for (const name of ['JLO PARIS', 'JLO PROVINCE']) {
      const sub = await sesame(['companies', 'add', name, '--parent', 'Groupe JLO']);
      expect(sub.code, sub.stderr).toBe(0);
    }
    expect((await sesame(['companies', 'list'])).stdout).toBe(
      'Groupe JLO  [not covered]\n├─ JLO PARIS  [not covered]\n└─ JLO PROVINCE  [not covered]\n',
    );

    const secured = await sesame(['companies', 'secure', 'Groupe JLO']);
    expect(secured.code, secured.stderr).toBe(0);
    expect(secured.stdout).toBe(
      'Groupe JLO is secured.\nNow covered (3): Groupe JLO, Groupe JLO/JLO PARIS, Groupe JLO/JLO PROVINCE.\n',
    );
    expect((await sesame(['companies'])).stdout).toBe(
      'Groupe JLO  [secured]\n├─ JLO PARIS  [covered]\n└─ JLO PROVINCE  [covered]\n',
    );
    const json = JSON.parse((await sesame(['companies', 'list', '--json'])).stdout);
    expect(json.companies[0]).toMatchObject({
      name: 'Groupe JLO',
      secured: true,
      covered: true,
      subsidiaries: [
        { name: 'JLO PARIS', path: 'Groupe JLO/JLO PARIS', secured: false, covered: true, subsidiaries: [] },
        { name: 'JLO PROVINCE', secured: false, covered: true },
      ],
    });

    const french = await sesame(['companies', 'secure', 'Groupe JLO', '--lang', 'fr']);
    expect(french.stdout).toBe('Groupe JLO était déjà sécurisée : rien n’a changé.\n');
  });

  it('moves, refuses a cycle and a removal with subsidiaries (exit 1, reason in the chosen language)', async () => {
    const moved = await sesame(['companies', 'move', 'JLO PROVINCE', '--parent', 'none', '--json']);
    expect(moved.code, moved.stderr).toBe(0);
    expect(JSON.parse(moved.stdout)).toMatchObject({
      company: { name: 'JLO PROVINCE', path: 'Groupe JLO/JLO PROVINCE' },
      changed: true,
      lostCoverage: ['Groupe JLO/JLO PROVINCE'],
      gainedCoverage: [],
    });
    const cycle = await sesame(['companies', 'move', 'Groupe JLO', '--parent', 'JLO PARIS', '--lang', 'fr']);
    expect(cycle.code).toBe(1);
    expect(cycle.stderr).toContain(
      "Groupe JLO ne peut pas être placée sous JLO PARIS : JLO PARIS est Groupe JLO elle-même ou l'une de ses filiales.",
    );
    const removal = await sesame(['companies', 'remove', 'Groupe JLO']);
    expect(removal.code).toBe(1);
    expect(removal.stderr).toContain('Groupe JLO has 1 subsidiary: move or remove it first.');
    expect((await sesame(['companies', 'remove', 'JLO PROVINCE'])).stdout).toBe('JLO PROVINCE removed.\n');
    const missing = await sesame(['companies', 'move', 'JLO PARIS']);
    expect(missing.code).toBe(2);
  });

  it('refuses a member who is not an owner or administrator', async () => {
    const added = await sesame([
      'add',
      'viewer@iwe.example',
      '--first-name',
      'Vi',
      '--last-name',
      'Ewer',
      '--password',
      'correct-horse-battery-9',
    ]);
    expect(added.code, added.stderr).toBe(0);
    const refused = await sesame(['companies', 'add', 'Acme', '--as', 'viewer@iwe.example']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'viewer@iwe.example may not manage partner companies: only owners and administrators may.',
    );
  });

  it('sets the external seats apart from the plan: 0 until an owner sets them', async () => {
    const before = JSON.parse((await sesame(['org', 'show', '--json'])).stdout);
    expect(before).toMatchObject({ seatLimit: 10, externalSeatLimit: 0 });
    expect((await sesame(['org', 'set', 'external-seats', '-1'])).code).toBe(1);
    const set = await sesame(['org', 'set', 'external-seats', '5']);
    expect(set.code, set.stderr).toBe(0);
    const after = JSON.parse((await sesame(['org', 'show', '--json'])).stdout);
    expect(after).toMatchObject({ seatLimit: 10, externalSeatLimit: 5 });
    const refused = await sesame(['org', 'set', 'external-seats', '6', '--as', 'viewer@iwe.example']);
    expect(refused.code).toBe(1);
  });

  it('invites people of a covered company as external members, on the external seats', async () => {
    await sesame(['companies', 'add', 'Acme']);
    const refused = await sesame(['invite', 'wile@acme.example', '--external', '--company', 'Acme']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Acme is not secured: secure it first (sesame companies secure "Acme").');
    const french = await sesame(['invite', 'ana@jlo.example', '--company', 'JLO PARIS', '--lang', 'fr', '--external']);
    expect(french.code, french.stderr).toBe(0);
    const seats = JSON.parse((await sesame(['seats', '--json'])).stdout);
    expect(seats.external).toEqual({ limit: 5, used: 1, members: 0, pending: 1, awaitingApproval: 0 });
    expect((await sesame(['seats'])).stdout).toMatch(/External seats +1 of 5 \(members 0, pending 1/);

    const unsecured = await sesame(['companies', 'unsecure', 'Groupe JLO']);
    expect(unsecured.stdout).toContain('External invitations suspended: 1');
    expect(JSON.parse((await sesame(['seats', '--json'])).stdout).external).toMatchObject({ used: 0 });
    const resumed = await sesame(['companies', 'secure', 'Groupe JLO']);
    expect(resumed.stdout).toContain('External invitations resumed: 1.');
    const pending = JSON.parse((await sesame(['pending', '--company', 'Groupe JLO', '--json'])).stdout);
    expect(pending.invitations).toEqual([
      expect.objectContaining({ email: 'ana@jlo.example', kind: 'external', company: 'JLO PARIS', suspended: false }),
    ]);
    expect(JSON.parse((await sesame(['pending', '--external', '--json'])).stdout).total).toBe(1);
    expect(JSON.parse((await sesame(['members', '--external', '--json'])).stdout).members).toEqual([]);
  });

  it('holds external invitations beyond the external seats for approval, says the kind, and approving raises the external limit', async () => {
    expect((await sesame(['org', 'set', 'external-seats', '1'])).code).toBe(0);
    const invited = await sesame(['invite', 'bo@jlo.example', 'cy@jlo.example', '--company', 'JLO PARIS']);
    expect(invited.code, invited.stderr).toBe(0);
    const listed = JSON.parse((await sesame(['requests', '--status', 'pending', '--json'])).stdout);
    expect(listed.requests).toEqual([expect.objectContaining({ kind: 'external', seatsRequested: 2 })]);
    expect((await sesame(['requests'])).stdout).toMatch(/external/);
    expect((await sesame(['requests', '--lang', 'fr'])).stdout).toMatch(/externes/);

    // Unsecured then secured again beyond the room: the resumed invitation is held, and said so.
    expect((await sesame(['companies', 'unsecure', 'Groupe JLO'])).code).toBe(0);
    expect((await sesame(['org', 'set', 'external-seats', '0'])).code).toBe(0);
    const resumed = await sesame(['companies', 'secure', 'Groupe JLO']);
    expect(resumed.stdout).toContain('held for a manager’s approval (beyond the external seats): 1.');

    const approved = await sesame(['requests', 'approve', listed.requests[0].id]);
    expect(approved.code, approved.stderr).toBe(0);
    expect(approved.stdout).toMatch(/^Approved: the external seat limit is now \d+;/);
  });

  it('shows its help in French', async () => {
    const help = await sesame(['companies', 'move', '--help', '--lang', 'fr']);
    expect(help.stdout).toContain('déplacer une société, avec ses filiales');
    expect(help.stdout).toContain('la nouvelle société mère, ou none pour le premier niveau');
  });
});
