// Issue 12, item 6: a NUL, a control character or text that was not UTF-8 is refused where it
// comes in, with a message naming the field (and, in a CSV, the line and column), on every path:
// the import's dry run and real run, the invite and add-member form checks, the domain operations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { table } from '../../src/cli/output.js';
import { checkPassword } from '../../src/forms/password-policy.js';
import { translate } from '../../src/i18n/messages.js';
import { dryRunImport } from '../../src/imports/dry-run-import.js';
import { runImport } from '../../src/imports/run-import.js';
import { checkInviteInput } from '../../src/invitations/check-invite-input.js';
import { invite } from '../../src/invitations/invite.js';
import { checkAddMemberInput } from '../../src/members/check-add-member-input.js';
import { findTextFlaw } from '../../src/text/edge-text.js';
import { oneLine } from '../../src/text/one-line.js';
import { newOrganization, summary } from '../imports/organization.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

describe('the edge rule on text', () => {
  it('refuses NUL, control characters, separators and lost bytes on one line; a message keeps its lines', () => {
    expect(findTextFlaw('Ana\u0000')).toBe('nul');
    expect(findTextFlaw('Ana\tLima')).toBe('control');
    expect(findTextFlaw('Ana\nLima')).toBe('control');
    expect(findTextFlaw('Ana\u2028Lima')).toBe('control');
    expect(findTextFlaw('Ana\u0085')).toBe('control');
    expect(findTextFlaw('Ana\u001b[31m')).toBe('control');
    expect(findTextFlaw('Andr\ufffd')).toBe('not_utf8');
    expect(findTextFlaw('a\ud800b')).toBe('not_utf8');
    expect(findTextFlaw('Zoë 🙂 Ñandú')).toBeUndefined();
    expect(findTextFlaw('Hello,\r\n\tteam', 'lines')).toBeUndefined();
    expect(findTextFlaw('Hello\u0000', 'lines')).toBe('nul');
    expect(findTextFlaw('Hello\u0007', 'lines')).toBe('control');
  });

  it('shows stored text on one line: a CLI table, an e-mail greeting', () => {
    expect(oneLine('Ana\nLima\tX')).toBe('Ana Lima X');
    // A name stored before the rule keeps a CLI table's rows on their lines.
    expect(table(['Name', 'E-mail'], [['Ana\nLima', 'a@example.com']]).split('\n')).toHaveLength(3);
  });
});

describe('every channel gets the rule from the shared field checks', () => {
  it('the invite and add-member form checks put the problem on its field, in both languages', async () => {
    const actor = await newOrganization(db.prisma);
    const org = actor.organization;
    const invite = checkInviteInput(org, { emails: ['a\u0000@example.com'], message: 'Hi\u0000' });
    expect(invite.map((f) => [f.field, f.problems.map((p) => p.code)])).toEqual([
      ['emails', ['text.nul']],
      ['message', ['text.nul']],
    ]);
    expect(checkInviteInput(org, { emails: ['a@example.com'], message: 'Hello,\n\nwelcome.' })).toEqual([]);
    const add = checkAddMemberInput(org, { email: 'b@example.com', firstName: 'Ana\nX', lastName: 'Li\tma' });
    expect(add.map((f) => f.field)).toEqual(['firstName', 'lastName']);
    const [first] = add[0]?.problems ?? [];
    expect(first?.code).toBe('text.control');
    expect(translate('en', 'text.control', first?.params as never)).toContain('"First name"');
    expect(translate('en', 'text.control', first?.params as never)).toContain('U+000A (line feed)');
    expect(translate('fr', 'text.control', first?.params as never)).toContain('«\u00a0Prénom\u00a0»');
    expect(checkPassword('Secret\u0000Word42')).toMatchObject({ ok: false, error: { code: 'text.nul' } });
  });

  it('the domain refuses it before the database is asked (a NUL reached PostgreSQL before)', async () => {
    const actor = await newOrganization(db.prisma);
    await expect(invite(db.prisma, actor, { emails: ['c@example.com'], firstName: 'A\u0000' })).rejects.toMatchObject({
      code: 'text.nul',
    });
  });
});

describe('a CSV import', () => {
  const header = 'Email,Prénom,Nom,Username,Password';
  const lines = [
    header,
    'ok@example.com,Ana,Lima,,', // 2
    'nul@example.com,Bad\u0000Name,Lima,,', // 3
    'tab@example.com,Ana,"Li\tma",,', // 4
    '"multi@example.com",Ana,"Li\nma",,', // 5 (a quoted cell spanning two lines)
    'bytes@example.com,Andr\ufffd,Lima,,', // 7
    'user@example.com,Ana,Lima,user\u0000name,', // 8
    'pw@example.com,Ana,Lima,pw.user1,Secret\u000042x', // 9
    'trailing@example.com,"Ana\n",Lima,,', // 10: a blank around a name is trimmed, not refused
  ];
  const csv = lines.join('\n');

  it('the dry run reports each flawed cell with its line and column, in the language asked', async () => {
    const actor = await newOrganization(db.prisma);
    const result = await dryRunImport(db.prisma, actor, csv, { locale: 'fr' });
    expect(summary(result.errors)).toEqual([
      '3 Prénom text.nul',
      '4 Nom text.control',
      '5 Nom text.control',
      '7 Prénom import.row_not_utf8',
      '8 Username text.nul',
      '9 Password text.nul',
    ]);
    expect(result.errors[0]?.message).toBe(
      '«\u00a0Prénom\u00a0» contient un caractère NUL (\\0), interdit dans un texte\u00a0: retirez-le.',
    );
  });

  it('the real import refuses the same rows and writes the others (it aborted on a database error before)', async () => {
    const actor = await newOrganization(db.prisma);
    const result = await runImport(db.prisma, actor, csv);
    expect(summary(result.errors).map((s) => s.split(' ')[0])).toEqual(['3', '4', '5', '7', '8', '9']);
    expect(result.invited).toBe(2);
    const names = await db.prisma.invitation.findMany({
      where: { organizationId: actor.organization.id },
      select: { firstName: true },
      orderBy: { email: 'asc' },
    });
    expect(names.map((n) => n.firstName)).toEqual(['Ana', 'Ana']);
  });
});
