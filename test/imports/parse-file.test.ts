// Reading the file: delimiters, BOM, quotes, line numbers, header names, file-level errors.
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors/app-error.js';
import { renderNotice } from '../../src/i18n/messages.js';
import { scanHeaderLine } from '../../src/imports/detect-delimiter.js';
import { dryRunImport } from '../../src/imports/dry-run-import.js';
import { foldHeader } from '../../src/imports/map-columns.js';
import { readCsvRecords } from '../../src/imports/read-csv-records.js';
import type { Actor } from '../../src/permissions/actor.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { newOrganization, summary } from './organization.js';

let t: TestDatabase;
let owner: Actor;
beforeAll(async () => {
  t = await createTestDatabase();
  owner = await newOrganization(t.prisma);
});
afterAll(() => t.close());

const records = async (text: string | Buffer, chunkSize?: number) => {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize ?? bytes.length)
    chunks.push(bytes.subarray(i, i + (chunkSize ?? bytes.length)));
  const out = [];
  for await (const record of readCsvRecords(Readable.from(chunks))) out.push(record);
  return out;
};

const fileError = async (source: string | Buffer) => {
  const error = await dryRunImport(t.prisma, owner, source).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

describe('delimiter detection', () => {
  it.each([
    [',', 'Email,First Name,Role\n'],
    [';', 'Email;Prénom;Rôle\n'],
    ['\t', 'Email\tFirst Name\tRole\n'],
    [';', '"Nom, prénom";Email;Rôle\n'],
    [',', 'Email\n'],
    [';', '\uFEFF\n\nEmail;Nom\n'],
  ])('finds %j in %j', (delimiter, header) => {
    expect(scanHeaderLine(header)).toEqual({ delimiter, complete: true });
  });

  it.each([
    ['comma', 'Email,First Name,Last Name\na@example.com,Ana,Lima\nb@example.com,Bo,"Berg, Jr"\n'],
    ['semicolon', 'Email;First Name;Last Name\na@example.com;Ana;Lima\nb@example.com;Bo;"Berg; Jr"\n'],
    ['tab', 'Email\tFirst Name\tLast Name\na@example.com\tAna\tLima\nb@example.com\tBo\tBerg, Jr\n'],
  ])('reads a %s-separated file', async (_, csv) => {
    const result = await dryRunImport(t.prisma, owner, csv);
    expect(result).toMatchObject({ rows: 2, valid: 2, toInvite: 2, errors: [] });
    const rows = await records(csv);
    expect(rows[2]?.fields).toEqual(['b@example.com', 'Bo', expect.stringMatching(/^Berg[,;] Jr$/)]);
  });
});

describe('encoding and quotes', () => {
  it('reads UTF-8 with or without a BOM, accents included', async () => {
    const csv = 'Prénom,Adresse électronique\nÉloïse,eloise@example.com\n';
    for (const source of [csv, `\uFEFF${csv}`, Buffer.from(`\uFEFF${csv}`, 'utf8')]) {
      const rows = await records(source);
      expect(rows.map((r) => r.fields)).toEqual([
        ['Prénom', 'Adresse électronique'],
        ['Éloïse', 'eloise@example.com'],
      ]);
      expect((await dryRunImport(t.prisma, owner, source)).valid).toBe(1);
    }
  });

  it('keeps quoted commas, quotes and newlines, and numbers lines as in the file', async () => {
    const csv = [
      'Email,First Name,Last Name', // 1
      'a@example.com,"Ana, Maria","Lima"', // 2
      'b@example.com,"Bo', // 3
      'Bertil","Berg ""BB"""', // 4
      '', // 5
      'c@example.com,Cy,"Two', // 6
      '', // 7 (inside quotes)
      'lines"', // 8
      "d'x@example.com,Di,Doe", // 9
    ].join('\r\n');
    const rows = await records(csv);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 6, 9]);
    expect(rows[2]?.fields).toEqual(['b@example.com', 'Bo\nBertil', 'Berg "BB"']);
    const result = await dryRunImport(t.prisma, owner, csv);
    // The parser keeps line breaks in quoted cells; names may not hold one (issue 12, item 6).
    expect(summary(result.errors)).toEqual([
      '3 First Name text.control',
      '6 Last Name text.control',
      '9 Email email.apostrophe',
    ]);
    expect(result.valid).toBe(1);
  });

  it('gives the same line numbers whatever the chunks the stream delivers', async () => {
    const csv = '\uFEFFEmail;Nom\r\n"é@x;\r\ny";Dupré\r\n\r\nb@example.com;Béa\r\n';
    const whole = await records(csv);
    for (const size of [1, 2, 3, 5, 7]) expect(await records(csv, size)).toEqual(whole);
    expect(whole.map((r) => [r.line, r.fields])).toEqual([
      [1, ['Email', 'Nom']],
      [2, ['é@x;\ny', 'Dupré']],
      [5, ['b@example.com', 'Béa']],
    ]);
  });

  it('reads old Mac line endings (CR alone) and counts their lines', async () => {
    const rows = await records('Email,N\ra@example.com,A\rb@example.com,"B\rC"\rc@example.com,D');
    expect(rows.map((r) => [r.line, r.fields])).toEqual([
      [1, ['Email', 'N']],
      [2, ['a@example.com', 'A']],
      [3, ['b@example.com', 'B\nC']],
      [5, ['c@example.com', 'D']],
    ]);
  });

  it('skips empty lines and lines of empty cells, and tolerates short or long rows', async () => {
    const csv = 'Email,First Name,Last Name\n\n,,\na@example.com\nb@example.com,Bo,Berg,extra,cells\n';
    const result = await dryRunImport(t.prisma, owner, csv);
    expect(result).toMatchObject({ rows: 2, valid: 2, errors: [] });
  });
});

describe('header names', () => {
  it('accepts French names in another order, any case, accents or apostrophes, and ignores other columns', async () => {
    const csv = [
      "RÔLE;Notes;nom d’utilisateur;NOM;prenom;Type d'utilisateur;Adresse électronique",
      'Publication;vip;ana.lima;Lima;Ana;Creator;ana@example.com',
    ].join('\n');
    const result = await dryRunImport(t.prisma, owner, csv);
    expect(result).toMatchObject({ rows: 1, valid: 1, toInvite: 1, errors: [], warnings: [] });
  });

  it('folds every accepted spelling to the same key', () => {
    expect(['E-mail', 'Courriel', 'Adresse e-mail', 'Adresse électronique', 'EMAIL'].map(foldHeader)).toEqual([
      'email',
      'courriel',
      'adresseemail',
      'adresseelectronique',
      'email',
    ]);
    expect(foldHeader("Nom d'utilisateur")).toBe(foldHeader('Nom d’utilisateur'));
  });

  it.each(['E-mail', 'Courriel', 'Adresse e-mail', 'Email Address'])('takes %j as the Email column', async (header) => {
    expect((await dryRunImport(t.prisma, owner, `${header}\nx@example.com\n`)).valid).toBe(1);
  });
});

describe('files that cannot be imported', () => {
  it('refuses an empty file', async () => {
    for (const empty of ['', '\uFEFF', '\n\n  \n']) expect((await fileError(empty)).code).toBe('import.empty');
  });

  it('refuses a header without rows', async () => {
    expect((await fileError('Email,First Name\n')).code).toBe('import.no_rows');
  });

  it('refuses a file without an Email column, naming the columns it found', async () => {
    const error = await fileError('Name,Mail box\nAna,a@example.com\n');
    expect(error.code).toBe('import.no_email_column');
    expect(renderNotice('en', error)).toContain('found: Name, Mail box');
    expect(renderNotice('fr', error)).toContain('trouvé : Name, Mail box');
  });

  it('refuses a column given twice', async () => {
    const error = await fileError('Email,Prénom,First Name\na@example.com,A,A\n');
    expect(error.code).toBe('import.duplicate_column');
    expect(renderNotice('en', error)).toBe('The column First Name appears twice in the header row.');
  });

  it('refuses a quote that is never closed, saying after which line', async () => {
    const error = await fileError('Email,First Name\na@example.com,Ana\nb@example.com,"Bo\nc@example.com,Cy\n');
    expect(error.code).toBe('import.bad_quotes');
    expect(error.params).toEqual({ line: 2 });
  });

  it('refuses text after a closing quote, naming the last good line', async () => {
    const error = await fileError('Email,First Name\na@example.com,Ana\nb@example.com,"Bo"x\n');
    expect(error).toMatchObject({ code: 'import.bad_quotes', params: { line: 2 } });
    expect(renderNotice('fr', error)).toContain('après la ligne 2');
  });

  it('refuses a file that is not UTF-8', async () => {
    const latin1 = Buffer.from('Prénom,Email\nAna,a@example.com\n', 'latin1');
    expect((await fileError(latin1)).code).toBe('import.not_utf8');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Email\na@example.com\n', 'utf16le')]);
    expect((await fileError(utf16)).code).toBe('import.not_utf8');
  });
});
