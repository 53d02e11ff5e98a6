// The command-line tool end to end: the real executable in a child process, on a fresh database
// (embedded PGlite served by this process, or PostgreSQL when TEST_DATABASE_URL is set).
// Each spawn costs a second or two, so each test walks through several steps of one story.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { type Cli, cliFor } from './run-cli.js';

const STEP_TIMEOUT = 120_000;

let db: TestDatabase;
let sesame: Cli;
const org = ['--org', 'Acme'];

beforeAll(async () => {
  db = await createTestDatabase();
  sesame = await cliFor({ DATABASE_URL: db.url });
});
afterAll(async () => {
  await sesame?.cleanup();
  await db?.close();
});

interface InvitationJson {
  id: string;
  email: string;
  status: string;
  role: string;
  userType: string;
  seatRequestId: string | null;
}

describe('sesame', { timeout: STEP_TIMEOUT }, () => {
  it('creates an organization, and refuses a duplicate name or a bad seat count', async () => {
    const created = await sesame([
      'org',
      'create',
      '--name',
      'Acme',
      '--seats',
      '3',
      '--owner',
      'Owner@Acme.example',
      '--json',
    ]);
    expect(created.code, created.stderr).toBe(0);
    expect(created.json()).toMatchObject({ name: 'Acme', seatLimit: 3, locale: 'en' });

    const again = await sesame(['org', 'create', '--name', 'Acme', '--seats', '3', '--owner', 'x@acme.example']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('An organization named Acme already exists.');

    const badSeats = await sesame(['org', 'create', '--name', 'Other', '--seats', 'many', '--owner', 'x@acme.example']);
    expect(badSeats.code).toBe(2);
    expect(badSeats.stderr).toContain("option '--seats <n>' argument 'many' is invalid");
  });

  it('invites, one line per address, and refuses what the rules refuse', async () => {
    const invited = await sesame([
      'invite',
      "bob@acme.example, o'neil@acme.example",
      'carol@acme.example',
      'dave@acme.example',
      '--role',
      'bogus',
      '--type',
      'Creator',
      ...org,
    ]);
    expect(invited.code, invited.stderr).toBe(0);
    const lines = invited.stdout.trim().split('\n');
    // In the order typed; the seat limit (3 = the owner, bob, carol) holds dave for approval.
    // What was done on stdout; what was refused, address by address, on stderr.
    expect(lines[0]).toMatch(/^bob@acme\.example\s+invited$/);
    expect(lines[1]).toMatch(/^carol@acme\.example\s+invited$/);
    expect(lines[2]).toMatch(/^dave@acme\.example\s+held for approval \(seat request [0-9a-f-]{36}\)$/);
    expect(invited.stdout).not.toContain("o'neil");
    expect(invited.stderr).toMatch(/^o'neil@acme\.example\s+refused: .*contains an apostrophe/m);
    expect(invited.stderr).toContain('warning: Unknown role "bogus": the default role Viewer was used.');

    const admin = await sesame(['invite', 'x@acme.example', '--role', 'administrator', ...org]);
    expect(admin.code).toBe(1);
    expect(admin.stderr).toContain('The Administrator role cannot be granted by invitation or import');

    const incompatible = await sesame(['invite', 'x@acme.example', '--role', 'Publisher', '--type', 'Viewer', ...org]);
    expect(incompatible.code).toBe(1);
    expect(incompatible.stderr).toContain('The Viewer user type does not allow the Publisher role (allowed: Viewer).');

    const unknownType = await sesame(['invite', 'x@acme.example', '--type', 'Robot', ...org]);
    expect(unknownType.code).toBe(1);
    expect(unknownType.stderr).toContain('Unknown user type "Robot"');

    const allRefused = await sesame(['invite', "o'hara@acme.example;not-an-address", '--json', ...org]);
    expect(allRefused.code).toBe(1);
    expect(allRefused.json()).toMatchObject({
      results: [
        { email: "o'hara@acme.example", outcome: 'refused', error: { code: 'email.apostrophe' } },
        { email: 'not-an-address', outcome: 'refused', error: { code: 'email.malformed' } },
      ],
    });
  });

  it('lists pending invitations as JSON, with counts and paging', async () => {
    const all = await sesame(['pending', '--json', ...org]);
    expect(all.code, all.stderr).toBe(0);
    const page = all.json<{ invitations: InvitationJson[]; total: number; page: number; counts: object }>();
    expect(page.invitations.map((i) => [i.email, i.status]).sort()).toEqual([
      ['bob@acme.example', 'PENDING'],
      ['carol@acme.example', 'PENDING'],
      ['dave@acme.example', 'AWAITING_APPROVAL'],
    ]);
    expect(page.invitations[0]).toMatchObject({ role: 'viewer', userType: 'creator' });
    expect(page).toMatchObject({ total: 3, page: 1, counts: { pending: 2, awaitingApproval: 1 } });

    const held = await sesame(['pending', '--status', 'awaiting-approval', '--page-size', '1', '--json', ...org]);
    expect(held.json<{ invitations: InvitationJson[] }>().invitations.map((i) => i.email)).toEqual([
      'dave@acme.example',
    ]);

    const human = await sesame(['pending', '--search', 'bob', ...org]);
    expect(human.stdout).toMatch(/^ID\s+E-mail\s+Name\s+Status/);
    expect(human.stdout).toMatch(/bob@acme\.example\s+-\s+pending\s+Viewer\s+Creator\s+owner@acme\.example/);
  });

  it('refuses a resend inside the cooldown, resends after it, and revokes by e-mail', async () => {
    const resend = await sesame(['resend', 'bob@acme.example', ...org]);
    expect(resend.code).toBe(1);
    expect(resend.stderr).toMatch(
      /The invitation to bob@acme\.example was sent recently; it can be resent in (1 d|23 h \d+ min)\./,
    );

    const noCooldown = await sesame(['org', 'set', 'resend-cooldown-hours', '0', ...org]);
    expect(noCooldown.code, noCooldown.stderr).toBe(0);
    const resent = await sesame(['resend', 'bob@acme.example', ...org]);
    expect(resent.code, resent.stderr).toBe(0);
    expect(resent.stdout).toContain('Resent the invitation to bob@acme.example (send #2)');

    const revoke = await sesame(['revoke', 'carol@acme.example', ...org]);
    expect(revoke.code, revoke.stderr).toBe(0);
    expect(revoke.stdout).toContain('Revoked the invitation to carol@acme.example');

    const again = await sesame(['revoke', 'carol@acme.example', ...org]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('The invitation to carol@acme.example is revoked: nothing to do.');

    const seats = await sesame(['seats', '--json', ...org]);
    expect(seats.json()).toEqual({
      limit: 3,
      used: 2,
      remaining: 1,
      members: 1,
      pending: 1,
      awaitingApproval: 1,
      byUserType: { creator: 2 },
      openSeatRequests: 1,
      // External seats (issue 16) are counted apart: none until an owner sets them.
      external: { limit: 0, used: 0, members: 0, pending: 0, awaitingApproval: 0 },
    });
  });

  it('adds a member with a strong password, makes a manager who decides a seat request once', async () => {
    const weak = await sesame([
      'add',
      'mia@acme.example',
      '--first-name',
      'Mia',
      '--last-name',
      'Ng',
      '--password',
      '1234abcd',
      ...org,
    ]);
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/password/i);

    const added = await sesame(
      ['add', 'mia@acme.example', '--first-name', 'Mia', '--last-name', 'Ng', '--password', '-', '--json', ...org],
      { input: 'Tr0ub4dor&3x\n' },
    );
    expect(added.code, added.stderr).toBe(0);
    expect(added.json()).toMatchObject({ member: { email: 'mia@acme.example', status: 'MUST_CHANGE_PASSWORD' } });

    const notOwner = await sesame([
      'members',
      'set',
      'mia@acme.example',
      'manager',
      'true',
      '--as',
      'mia@acme.example',
      ...org,
    ]);
    expect(notOwner.code).toBe(1);
    expect(notOwner.stderr).toContain('only owners may');

    const manager = await sesame(['members', 'set', 'mia@acme.example', 'manager', 'true', ...org]);
    expect(manager.code, manager.stderr).toBe(0);
    expect(manager.stdout).toContain('mia@acme.example: manager is now yes.');

    const requests = await sesame(['requests', '--status', 'pending', '--json', ...org]);
    const [request] = requests.json<{ requests: { id: string; seatsRequested: number }[] }>().requests;
    expect(request).toMatchObject({ seatsRequested: 1 });

    const approved = await sesame(['requests', 'approve', request?.id ?? '', '--as', 'mia@acme.example', ...org]);
    expect(approved.code, approved.stderr).toBe(0);
    expect(approved.stdout).toContain('Approved: the seat limit is now 4; 1 held invitation was sent.');

    const second = await sesame(['requests', 'approve', request?.id ?? '', ...org]);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('This request was already approved by mia@acme.example.');

    const members = await sesame(['members', '--json', ...org]);
    expect(members.json()).toMatchObject({
      total: 2,
      members: [
        { email: 'owner@acme.example', isOwner: true, role: 'administrator' },
        { email: 'mia@acme.example', isOwner: false, isManager: true, invitedByEmail: 'owner@acme.example' },
      ],
    });
  });

  it('imports a CSV: a dry run reports every error by line and column, then the import writes the valid rows', async () => {
    const raised = await sesame(['org', 'set', 'seats', '50', ...org]);
    expect(raised.code, raised.stderr).toBe(0);
    expect(raised.stdout).toContain('seats is now 50.');

    const file = join(sesame.cwd, 'people.csv');
    await writeFile(
      file,
      [
        'Adresse électronique;Prénom;Nom;Rôle',
        'erin@acme.example;Erin;Ek;Data Editor',
        'not-an-email;Frank;Fu;Viewer',
        'gus@acme.example;Gus;Gu;Administrateur',
        'erin@acme.example;Erin;Again;Viewer',
        'hal@acme.example;Hal;Ho;Consultation',
      ].join('\n'),
    );

    const dry = await sesame(['import', file, '--dry-run', '--json', ...org]);
    expect(dry.code, dry.stderr).toBe(0);
    const report = dry.json<{ valid: number; errors: { line: number; column: string; message: string }[] }>();
    expect(report).toMatchObject({ dryRun: true, valid: 2 });
    expect(report.errors).toEqual([
      expect.objectContaining({
        line: 3,
        column: 'Adresse électronique',
        message: expect.stringContaining('not a valid e-mail'),
      }),
      expect.objectContaining({ line: 4, column: 'Rôle', message: expect.stringContaining('cannot be granted') }),
      expect.objectContaining({ line: 5, column: 'Adresse électronique', message: expect.stringContaining('line 2') }),
    ]);
    const pendingBefore = await sesame(['pending', '--search', 'erin', '--json', ...org]);
    expect(pendingBefore.json()).toMatchObject({ total: 0 });

    const imported = await sesame(['import', file, ...org]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/Imported people\.csv \(batch [0-9a-f-]{36}\): 2 invited/);
    expect(imported.stdout).toContain(
      'line 3, column Adresse électronique: "not-an-email" is not a valid e-mail address',
    );

    const allBad = join(sesame.cwd, 'bad.csv');
    await writeFile(allBad, 'Email\nnope\n');
    const nothing = await sesame(['import', allBad, ...org]);
    expect(nothing.code).toBe(1);
    expect(nothing.stdout).toContain('line 2, column Email:');

    const missing = await sesame(['import', join(sesame.cwd, 'missing.csv'), ...org]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
  });

  it('lists the audit trail', async () => {
    const audit = await sesame(['audit', '--json', ...org]);
    expect(audit.code, audit.stderr).toBe(0);
    const events = audit.json<{ events: { id: string; action: string; channel: string; actorEmail: string }[] }>()
      .events;
    const actions = new Set(events.map((e) => e.action));
    for (const action of [
      'organization.created',
      'invitation.created',
      'invitation.revoked',
      'invitation.resent',
      'member.added',
      'member.access_changed',
      'seat_request.approved',
      'organization.setting_changed',
    ]) {
      expect(actions, action).toContain(action);
    }
    expect(events.every((e) => e.channel === 'cli')).toBe(true);
    expect(events.find((e) => e.action === 'seat_request.approved')?.actorEmail).toBe('mia@acme.example');

    const one = await sesame(['audit', '--action', 'invitation.revoked', '--limit', '1', '--json', ...org]);
    expect(one.json<{ events: unknown[] }>().events).toHaveLength(1);
  });

  it('says no to bad usage (exit 2) and to a member who may not act (exit 1)', async () => {
    for (const args of [
      [],
      ['frobnicate'],
      ['pending', '--page-size', '0'],
      ['seats', '--lang', 'de'],
      ['requests', 'approve', 'abc'],
    ]) {
      const result = await sesame(args);
      expect(result.code, `sesame ${args.join(' ')}: ${result.stderr}`).toBe(2);
    }
    const help = await sesame(['invite', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--any-email');
    // Required options say so in --help.
    const orgHelp = await sesame(['org', 'create', '--help']);
    expect(orgHelp.stdout).toMatch(/--name <name>.*\(required\)/);
    expect(orgHelp.stdout).toMatch(/--seats <n>.*\(required\)/);
    const frenchUsage = await sesame(['org', 'create', '--name', 'X'], { env: { LANG: 'fr_FR.UTF-8' } });
    expect(frenchUsage.code).toBe(2);
    expect(frenchUsage.stderr).toContain("l'option obligatoire");

    const viewer = await sesame(['invite', 'q@acme.example', '--as', 'mia@acme.example', ...org]);
    expect(viewer.code).toBe(1);
    expect(viewer.stderr).toContain('mia@acme.example may not invite, import, resend or revoke');

    // Reading is checked like writing: mia is a manager, not an administrator.
    const asMia = ['--as', 'mia@acme.example', ...org];
    const pending = await sesame(['pending', ...asMia]);
    expect(pending.code).toBe(1);
    expect(pending.stdout).toBe('');
    expect(pending.stderr).toContain('mia@acme.example may not list invitations: only owners and administrators may.');
    const pendingFr = await sesame(['pending', '--lang', 'fr', '--json', ...asMia]);
    expect(pendingFr.code).toBe(1);
    expect(pendingFr.json()).toMatchObject({ error: { code: 'permission.list_invitations' } });
    expect(JSON.stringify(pendingFr.json())).toContain('ne peut pas consulter les invitations\u00a0:');
    const members = await sesame(['members', ...asMia]);
    expect(members.code).toBe(1);
    expect(members.stderr).toContain('mia@acme.example may not list members: only owners and administrators may.');
    expect((await sesame(['requests', ...asMia])).code).toBe(0);
    expect((await sesame(['members', 'set', 'mia@acme.example', 'manager', 'false', ...org])).code).toBe(0);
    const requests = await sesame(['requests', ...asMia]);
    expect(requests.code).toBe(1);
    expect(requests.stderr).toContain('mia@acme.example may not list seat requests: only managers and owners may.');

    const stranger = await sesame(['seats', '--as', 'nobody@acme.example', '--json', ...org]);
    expect(stranger.code).toBe(1);
    expect(stranger.json()).toMatchObject({ error: { code: 'member.not_found' } });
  });

  it('speaks French with --lang fr, for a French organization, and with LANG=fr before one is known', async () => {
    const refused = await sesame(['revoke', 'carol@acme.example', '--lang', 'fr', ...org]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("L'invitation à carol@acme.example est révoquée : rien à faire.");

    const unknown = await sesame(['seats', '--org', 'Nulle part'], { env: { LANG: 'fr_FR.UTF-8' } });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Aucune organisation ne correspond à Nulle part.');

    const created = await sesame([
      'org',
      'create',
      '--name',
      'Sésame FR',
      '--seats',
      '5',
      '--owner',
      'proprio@exemple.fr',
      '--locale',
      'fr',
    ]);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain('Organisation Sésame FR créée');

    const seats = await sesame(['seats', '--org', 'sésame fr']);
    expect(seats.stdout).toMatch(/Places utilisées\s+1 sur 5/);

    // Five seats: the owner and four invitations; the fifth is held, and the owner denies it.
    const invited = await sesame([
      'invite',
      'a@exemple.fr,b@exemple.fr,c@exemple.fr,d@exemple.fr,e@exemple.fr',
      '--org',
      'Sésame FR',
      '--json',
    ]);
    const { seatRequestId } = invited.json<{ seatRequestId: string }>();
    const denied = await sesame(['requests', 'deny', seatRequestId, '--reason', 'Budget gelé', '--org', 'Sésame FR']);
    expect(denied.code, denied.stderr).toBe(0);
    expect(denied.stdout).toContain('Refusée : 1 invitation retenue annulée.');

    // Bad usage (exit 2): the command needs --org to mean something.
    const ambiguous = await sesame(['seats']);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('Several organizations exist (Acme, Sésame FR): say which one with --org.');
  });
});
