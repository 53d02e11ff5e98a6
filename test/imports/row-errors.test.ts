// Every row is checked and each invalid one reported with its line, its column as written in the
// file, a code and a message in the language asked for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dryRunImport } from '../../src/imports/dry-run-import.js';
import { invite } from '../../src/invitations/invite.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { newOrganization, summary } from './organization.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const header = 'Email,First Name,Last Name,Username,Password,User Type,Role';
const long = 'x'.repeat(101);

describe('row errors', () => {
  it('reports every kind of problem with its line and column, one per row, every row checked', async () => {
    const owner = await newOrganization(t.prisma);
    const domain = owner.member.email.split('@')[1];
    await t.prisma.member.create({
      data: {
        organizationId: owner.organization.id,
        email: 'member@example.com',
        username: 'taken.by.member',
        role: 'viewer',
        userType: 'viewer',
      },
    });
    await invite(t.prisma, owner, { emails: ['invited@example.com'], username: 'taken.by.invite' });
    const lines = [
      header, // 1
      'ok1@example.com,Ana,Lima,,,Creator,Publisher', // 2
      ',Nobody,Here,,,,', // 3
      'not-an-address,,,,,,', // 4
      'ok1@example.com,Again,,,,,', // 5
      'member@example.com,,,,,,', // 6
      'invited@example.com,,,,,,', // 7: already invited, not an error
      'admin@example.com,,,,,Creator,Administrator', // 8
      'viewer@example.com,,,,,Viewer,Publisher', // 9
      'wizard@example.com,,,,,Wizard,Viewer', // 10
      'user1@example.com,,,bad name,,,', // 11
      'user2@example.com,,,taken.by.member,,,', // 12
      'user3@example.com,,,taken.by.invite,,,', // 13
      `first@example.com,${long},,,,,`, // 14
      `last@example.com,,${long},,,,`, // 15
      'pw@example.com,,,pw.user1,short1,,', // 16
      "o'brien@example.com,,,,,,", // 17
      'dup.user@example.com,,,ana.lima,,,', // 18
      'dup.user2@example.com,,,ANA.LIMA,,,', // 19
      `owner2@${domain},,,,,,`, // 20: fine
      'pw2@example.com,,,pw.user2,pw.user2,,', // 21
      'pw3@example.com,,,,password1,,', // 22
      'ok2@example.com,,,,,Editor,Wizard', // 23: unknown role falls back, a warning
    ];
    const csv = lines.join('\n');
    const result = await dryRunImport(t.prisma, owner, csv, { locale: 'en' });
    expect(summary(result.errors)).toEqual([
      '3 Email import.row_empty_email',
      '4 Email email.malformed',
      '5 Email email.duplicate_in_file',
      '6 Email email.active_member',
      '8 Role role.admin_not_grantable',
      '9 Role role.not_allowed_for_type',
      '10 User Type user_type.unknown',
      '11 Username username.invalid',
      '12 Username username.taken',
      '13 Username username.taken',
      '14 First Name name.too_long',
      '15 Last Name name.too_long',
      '16 Password password.too_short',
      '17 Email email.apostrophe',
      '19 Username username.duplicate_in_file',
      '21 Password password.same_as_username',
      '22 Password password.common',
    ]);
    expect(result).toMatchObject({ rows: 22, valid: 5, toInvite: 4, alreadyInvited: 1, toAdd: 0 });
    const byLine = new Map(result.errors.map((e) => [e.line, e.message]));
    expect(byLine.get(5)).toBe('ok1@example.com already appears on line 2 of this file.');
    expect(byLine.get(19)).toBe('The username ana.lima already appears on line 18 of this file.');
    expect(summary(result.warnings)).toEqual(['23 Role role.unknown_fallback']);
    expect(result.warnings[0]?.message).toBe('Unknown role "Wizard": the default role Viewer was used.');
  });

  it('says "line 17, column Email: contains an apostrophe" in English and in French', async () => {
    const owner = await newOrganization(t.prisma);
    const lines = ['Adresse électronique;Prénom'];
    for (let line = 2; line <= 20; line++)
      lines.push(line === 17 ? "jean.o'neil@example.com;Jean" : `p${line}@example.com;P`);
    const csv = lines.join('\n');
    for (const [locale, text] of [
      ['en', 'contains an apostrophe'],
      ['fr', 'contient une apostrophe'],
    ] as const) {
      const { errors } = await dryRunImport(t.prisma, owner, csv, { locale });
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ line: 17, column: 'Adresse électronique', code: 'email.apostrophe' });
      expect(errors[0]?.message).toContain(text);
      expect(errors[0]?.message).toContain("jean.o'neil@example.com");
    }
  });

  it('uses the actor’s language when none is asked for', async () => {
    const owner = await newOrganization(t.prisma, { locale: 'fr' });
    const { errors } = await dryRunImport(t.prisma, owner, 'Email\n,\nx\n');
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringContaining("n'est pas une adresse électronique valide"),
    ]);
  });

  it('refuses addresses outside the allowed domains', async () => {
    const owner = await newOrganization(t.prisma, { allowedDomains: ['example.org'] });
    const { errors, valid } = await dryRunImport(
      t.prisma,
      owner,
      'Email\na@example.org\nb@eu.example.org\nc@example.com\n',
    );
    expect(valid).toBe(2);
    expect(summary(errors)).toEqual(['4 Email email.domain_not_allowed']);
  });

  it('names a role problem in the User Type column when the file has no Role column', async () => {
    const owner = await newOrganization(t.prisma);
    const { errors } = await dryRunImport(t.prisma, owner, 'Email,Type d’utilisateur\na@example.com,Nope\n');
    expect(summary(errors)).toEqual(['2 Type d’utilisateur user_type.unknown']);
  });

  it('reports a value that is not valid UTF-8 in its column', async () => {
    const owner = await newOrganization(t.prisma);
    const csv = Buffer.concat([
      Buffer.from('Email,Last Name\na@example.com,Dupr', 'utf8'),
      Buffer.from([0xe9]), // "é" in Latin-1
      Buffer.from('\nb@example.com,Ok\n', 'utf8'),
    ]);
    const { errors } = await dryRunImport(t.prisma, owner, csv);
    expect(summary(errors)).toEqual(['2 Last Name import.row_not_utf8']);
  });

  it('flags a row with a password that would need a seat when none is left', async () => {
    const owner = await newOrganization(t.prisma, { seats: 2 });
    const csv = 'Email,Password\nadd1@example.com,Zx9!kq2mw\nadd2@example.com,Zx9!kq2mw\ninv@example.com,\n';
    const result = await dryRunImport(t.prisma, owner, csv);
    expect(summary(result.errors)).toEqual(['3 Email seats.full']);
    expect(result).toMatchObject({ toAdd: 1, toInvite: 1, wouldHold: 1, valid: 2 });
  });
});
