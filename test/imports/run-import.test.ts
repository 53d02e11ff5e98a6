// The import itself: what the dry run promised, written in one batch; nothing more the second time.
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors/app-error.js';
import { dryRunImport } from '../../src/imports/dry-run-import.js';
import { runImport } from '../../src/imports/run-import.js';
import { invite } from '../../src/invitations/invite.js';
import { verifyPassword } from '../../src/members/hash-password.js';
import { resolveActor } from '../../src/members/resolve-actor.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { countWrites, newOrganization, summary } from './organization.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const file = [
  'Email;Prénom;Nom;Rôle;Type d’utilisateur;Nom d’utilisateur',
  'ana@example.com;Ana;Lima;Publication;Creator;ana.lima',
  'bo@example.com;Bo;Berg;;;',
  "o'neil@example.com;Oz;Neil;;;",
  'cy@example.com;Cy;Cole;Administrateur;Creator;',
  'Ana@Example.com;Ana;Again;;;',
  'di@example.com;Di;Diaz;Wizard;Editor;',
].join('\n');

describe('dry run', () => {
  it('writes nothing, and predicts what the import will do', async () => {
    const owner = await newOrganization(t.prisma);
    const before = await countWrites(t.prisma, owner.organization.id);
    const result = await dryRunImport(t.prisma, owner, file);
    expect(await countWrites(t.prisma, owner.organization.id)).toEqual(before);
    expect(result).toMatchObject({ rows: 6, valid: 3, toInvite: 3, toAdd: 0, alreadyInvited: 0, wouldHold: 0 });
    expect(summary(result.errors)).toEqual([
      '4 Email email.apostrophe',
      '5 Rôle role.admin_not_grantable',
      '6 Email email.duplicate_in_file',
    ]);
  });
});

describe('import', () => {
  it('writes the valid rows only, in one batch, with their outbox rows and audit events', async () => {
    const owner = await newOrganization(t.prisma);
    const dryRun = await dryRunImport(t.prisma, owner, file);
    const result = await runImport(t.prisma, owner, file, { fileName: 'people.csv' });
    expect(result).toMatchObject({ rows: 6, valid: 3, invited: 3, held: 0, added: 0, alreadyInvited: 0 });
    expect(result.errors).toEqual(dryRun.errors);
    expect(result.warnings).toEqual(dryRun.warnings);
    expect(summary(result.warnings)).toEqual(['7 Rôle role.unknown_fallback']);

    const invitations = await t.prisma.invitation.findMany({
      where: { organizationId: owner.organization.id },
      orderBy: { email: 'asc' },
    });
    expect(
      invitations.map((i) => [i.email, i.role, i.userType, i.firstName, i.lastName, i.username, i.status]),
    ).toEqual([
      ['ana@example.com', 'publisher', 'creator', 'Ana', 'Lima', 'ana.lima', 'PENDING'],
      ['bo@example.com', 'viewer', 'viewer', 'Bo', 'Berg', null, 'PENDING'],
      ['di@example.com', 'viewer', 'editor', 'Di', 'Diaz', null, 'PENDING'],
    ]);
    expect(new Set(invitations.map((i) => i.batchId))).toEqual(new Set([result.batchId]));
    expect(await t.prisma.importBatch.findUniqueOrThrow({ where: { id: result.batchId } })).toMatchObject({
      actorId: owner.member.id,
      fileName: 'people.csv',
      invited: 3,
      added: 0,
      held: 0,
      skipped: 3,
    });
    const outbox = await t.prisma.outboxMessage.count({
      where: { organizationId: owner.organization.id, kind: 'invitation.email' },
    });
    expect(outbox).toBe(3);
    const audit = await t.prisma.auditEvent.findMany({
      where: { organizationId: owner.organization.id, action: { in: ['invitation.created', 'import.completed'] } },
    });
    expect(audit.filter((a) => a.action === 'invitation.created')).toHaveLength(3);
    expect(audit.find((a) => a.action === 'import.completed')).toMatchObject({
      subjectType: 'import_batch',
      subjectId: result.batchId,
      actorId: owner.member.id,
      channel: 'cli',
      data: expect.objectContaining({ rows: 6, invited: 3, held: 0, added: 0, errors: 3, fileName: 'people.csv' }),
    });
  });

  it('refuses what the database knows (members, taken usernames) exactly as the dry run said', async () => {
    const owner = await newOrganization(t.prisma);
    await invite(t.prisma, owner, { emails: ['holder@example.com'], username: 'taken.name' });
    const csv = [
      'Email,Username,Password',
      `${owner.member.email},,`, // 2: the owner is a member
      'new@example.com,taken.name,', // 3: username of an open invitation
      'holder@example.com,,', // 4: already invited
      'other@example.com,taken.name2,', // 5: fine
      `${owner.member.email.toUpperCase()},,Zx9!kq2mw`, // 6: a duplicate of line 2
    ].join('\n');
    const dryRun = await dryRunImport(t.prisma, owner, csv);
    const result = await runImport(t.prisma, owner, csv);
    expect(summary(result.errors)).toEqual([
      '2 Email email.active_member',
      '3 Username username.taken',
      '6 Email email.duplicate_in_file',
    ]);
    expect(result.errors).toEqual(dryRun.errors);
    expect(result).toMatchObject({ invited: 1, alreadyInvited: 1, valid: 2 });
    expect(dryRun).toMatchObject({ toInvite: 1, alreadyInvited: 1, valid: 2 });
  });

  it('creates nothing new when the same file is imported again', async () => {
    const owner = await newOrganization(t.prisma);
    const csv = 'Email,Password\nnew1@example.com,\nnew2@example.com,\nadded@example.com,Zx9!kq2mw\n';
    const first = await runImport(t.prisma, owner, csv);
    expect(first).toMatchObject({ invited: 2, added: 1, alreadyInvited: 0, alreadyMembers: 0, errors: [] });
    const before = await countWrites(t.prisma, owner.organization.id);

    const again = await dryRunImport(t.prisma, owner, csv);
    expect(again).toMatchObject({ valid: 3, toInvite: 0, toAdd: 0, alreadyInvited: 2, alreadyMembers: 1, errors: [] });
    const second = await runImport(t.prisma, owner, csv);
    expect(second).toMatchObject({ invited: 0, held: 0, added: 0, alreadyInvited: 2, alreadyMembers: 1, errors: [] });
    const after = await countWrites(t.prisma, owner.organization.id);
    // Only the record of the second import itself: its batch and its audit event.
    expect(after).toEqual({ ...before, batches: before.batches + 1, audit: before.audit + 1 });
  });

  it('holds the rows beyond the seat limit behind a single seat request for the whole import', async () => {
    const owner = await newOrganization(t.prisma, { seats: 5 });
    await invite(t.prisma, owner, { emails: ['earlier@example.com'] });
    const rows = Array.from({ length: 12 }, (_, i) => `p${i}@example.com`);
    const csv = `Email\n${rows.join('\n')}\n`;
    const dryRun = await dryRunImport(t.prisma, owner, csv, { chunkRows: 4 });
    expect(dryRun).toMatchObject({ toInvite: 12, wouldHold: 9 });

    // Three chunks of four: the first fills the seats, every chunk holds some, one request.
    const result = await runImport(t.prisma, owner, csv, { chunkRows: 4 });
    expect(result).toMatchObject({ invited: 3, held: 9 });
    expect(result.seatRequestId).toBeDefined();
    const requests = await t.prisma.seatRequest.findMany({ where: { organizationId: owner.organization.id } });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      id: result.seatRequestId,
      seatsRequested: 9,
      limitBefore: 5,
      status: 'PENDING',
    });
    const held = await t.prisma.invitation.findMany({
      where: { organizationId: owner.organization.id, status: 'AWAITING_APPROVAL' },
    });
    expect(held).toHaveLength(9);
    expect(new Set(held.map((i) => i.seatRequestId))).toEqual(new Set([result.seatRequestId]));
    // The first rows of the file got the seats.
    const pending = await t.prisma.invitation.findMany({
      where: { organizationId: owner.organization.id, status: 'PENDING', batchId: result.batchId },
    });
    expect(pending.map((i) => i.email).sort()).toEqual(['p0@example.com', 'p1@example.com', 'p2@example.com']);
  });

  it('adds the rows with a password as members who must change it, and invites the others', async () => {
    const owner = await newOrganization(t.prisma);
    await invite(t.prisma, owner, { emails: ['was.invited@example.com'] });
    const csv = [
      'Email,First Name,Last Name,Username,Password,Role,User Type',
      'direct@example.com,Dee,Rect,dee.rect,Zx9!kq2mw,Data Editor,Editor',
      'was.invited@example.com,Wes,Vited,,jc40.l2eh,,',
      'invitee@example.com,Ivy,Tee,,,,',
    ].join('\n');
    const result = await runImport(t.prisma, owner, csv);
    expect(result).toMatchObject({ added: 2, invited: 1, errors: [] });

    const direct = await t.prisma.member.findFirstOrThrow({
      where: { organizationId: owner.organization.id, email: 'direct@example.com' },
    });
    expect(direct).toMatchObject({
      status: 'MUST_CHANGE_PASSWORD',
      username: 'dee.rect',
      firstName: 'Dee',
      lastName: 'Rect',
      role: 'data_editor',
      userType: 'editor',
      invitedById: owner.member.id,
    });
    expect(await verifyPassword('Zx9!kq2mw', direct.passwordHash ?? '')).toBe(true);
    // Adding someone who had an open invitation closes it (and gives its seat back).
    const superseded = await t.prisma.invitation.findFirstOrThrow({ where: { email: 'was.invited@example.com' } });
    expect(superseded.status).toBe('CANCELLED');
    const added = await t.prisma.member.findFirstOrThrow({ where: { email: 'was.invited@example.com' } });
    expect(added.status).toBe('MUST_CHANGE_PASSWORD');
    expect(await t.prisma.importBatch.findUniqueOrThrow({ where: { id: result.batchId } })).toMatchObject({
      added: 2,
      invited: 1,
    });
  });

  it('refuses a member who may not invite, dry run included, and writes nothing', async () => {
    const owner = await newOrganization(t.prisma);
    await t.prisma.member.create({
      data: {
        organizationId: owner.organization.id,
        email: 'viewer@example.com',
        username: 'viewer_member',
        role: 'viewer',
        userType: 'viewer',
      },
    });
    const viewer = await resolveActor(t.prisma, {
      organization: owner.organization,
      email: 'viewer@example.com',
      channel: 'cli',
    });
    const before = await countWrites(t.prisma, owner.organization.id);
    const attempts = [
      () => dryRunImport(t.prisma, viewer, 'Email\na@example.com\n'),
      () => runImport(t.prisma, viewer, 'Email\na@example.com\n'),
    ];
    for (const attempt of attempts) {
      const error = await attempt().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'permission.invite', kind: 'forbidden' });
    }
    expect(await countWrites(t.prisma, owner.organization.id)).toEqual(before);
  });

  it('writes nothing when the file turns out unreadable near its end', async () => {
    const owner = await newOrganization(t.prisma);
    const before = await countWrites(t.prisma, owner.organization.id);
    const error = await runImport(t.prisma, owner, 'Email\na@example.com\nb@example.com\n"c@example.com\n').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'import.bad_quotes' });
    expect(await countWrites(t.prisma, owner.organization.id)).toEqual(before);
  });
});

describe('streaming', () => {
  it('imports a file that arrives in small pieces and overflows the in-memory spool', async () => {
    const owner = await newOrganization(t.prisma, { seats: 2000 });
    const lines = ['\uFEFFEmail;First Name;Notes'];
    for (let i = 0; i < 1200; i++) lines.push(`p${i}@example.com;Père ${i};"a; b"`);
    // The quoted line breaks are in the Notes column, which is not imported: a name may not hold one.
    lines[1101] = 'broken;Multi;"two\r\nlines"'; // row 1101, on lines 1102-1103
    lines[1150] = 'p1149@example.com;Père 1149;"two\r\nlines"'; // on lines 1152-1153
    lines[1180] = 'p1149@example.com;Again;x'; // row 1180, on line 1183
    const bytes = Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
    const pieces = function* () {
      for (let i = 0; i < bytes.length; i += 1000) yield bytes.subarray(i, i + 1000);
    };
    const progress: [number, number | undefined, string][] = [];
    const result = await runImport(t.prisma, owner, Readable.from(pieces()), {
      chunkRows: 250,
      spoolMemoryRows: 300,
      totalBytes: bytes.length,
      onProgress: (done, total, phase) => progress.push([done, total, phase]),
    });
    expect(result).toMatchObject({ rows: 1200, invited: 1198, valid: 1198 });
    // Quoted line breaks do not shift the numbering: lines are the file's, not the rows'.
    expect(summary(result.errors)).toEqual(['1102 Email email.malformed', '1183 Email email.duplicate_in_file']);
    expect(result.errors[1]?.params).toEqual({ email: 'p1149@example.com', line: 1152 });
    const last = await t.prisma.invitation.findFirstOrThrow({
      where: { organizationId: owner.organization.id, email: 'p1199@example.com' },
    });
    expect(last.firstName).toBe('Père 1199');
    expect(progress.at(-1)).toEqual([1198, 1198, 'writing']);
    expect(progress.filter(([, , phase]) => phase === 'reading').at(-1)).toEqual([1200, 1200, 'reading']);
  });
});
