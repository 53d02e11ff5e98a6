// The CSV columns Licences / Credits / Language (FR Licences / Crédits / Langue) (issue 17): each
// row's licences must suit its user type, licences given to the whole file must suit every row's
// (the seed's mixed-batch rule: the rows that exclude one are named), none is oversold, and the
// dry run reports every problem by line, column and reason; the import carries them to the
// invitations and members, through the spool file as well.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dryRunImport } from '../../src/imports/dry-run-import.js';
import { importProperties } from '../../src/imports/import-properties.js';
import { ImportReading } from '../../src/imports/read-import.js';
import { runImport } from '../../src/imports/run-import.js';
import { addLicence } from '../../src/licences/manage-licences.js';
import { memberActor } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { newOrganization, summary } from './organization.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

async function withLicences(owned = '3') {
  const owner = await newOrganization(t.prisma);
  await addLicence(t.prisma, owner, 'insights', {
    nameEn: 'Insights',
    nameFr: 'Insights FR',
    userTypes: ['creator'],
    owned,
  });
  await addLicence(t.prisma, owner, 'field', {
    nameEn: 'Field Maps',
    nameFr: 'Field Maps',
    userTypes: ['creator', 'editor'],
    unlimited: true,
  });
  return owner;
}

describe('member property columns', () => {
  it('reports licence, credit and language problems by line, column and reason', async () => {
    const owner = await withLicences('2');
    const file = [
      'Email,User Type,Role,Licences,Crédits,Langue',
      'a@example.com,Creator,Viewer,Insights|Field Maps,100,fr', // 2
      'b@example.com,Editor,Viewer,insights,,', // 3: not for Editor
      'c@example.com,Creator,Viewer,geo,,', // 4: unknown
      'd@example.com,Creator,Viewer,,beaucoup,', // 5
      'e@example.com,Creator,Viewer,,,de', // 6
      'f@example.com,Creator,Viewer,insights,illimité,en', // 7
      'g@example.com,Creator,Viewer,insights,,', // 8: none left (2 owned)
    ].join('\n');
    const dry = await dryRunImport(t.prisma, owner, file, { locale: 'en' });
    expect(summary(dry.errors)).toEqual([
      '3 Licences licence.not_compatible',
      '4 Licences licence.unknown',
      '5 Crédits credits.invalid',
      '6 Langue language.invalid',
      '8 Licences licence.none_left',
    ]);
    expect(dry.errors[0]?.message).toBe(
      'Insights is not compatible with Editor: choose another user type or assign it later.',
    );
    expect(dry.errors[4]?.message).toMatch(/^Insights: 0 of 2 left\./);
    const french = await dryRunImport(t.prisma, owner, file, { locale: 'fr' });
    expect(french.errors[0]?.message).toBe(
      "Insights FR n'est pas compatible avec Editor\u00a0: choisissez un autre type d'utilisateur ou attribuez-la plus tard.",
    );

    const done = await runImport(t.prisma, owner, file, { locale: 'en' });
    expect(summary(done.errors)).toEqual(summary(dry.errors));
    const invited = await t.prisma.invitation.findMany({
      where: { organizationId: owner.organization.id },
      orderBy: { email: 'asc' },
      select: { email: true, licences: true, credits: true, creditsUnlimited: true, language: true },
    });
    expect(invited).toEqual([
      {
        email: 'a@example.com',
        licences: ['insights', 'field'],
        credits: 100,
        creditsUnlimited: false,
        language: 'fr',
      },
      { email: 'f@example.com', licences: ['insights'], credits: null, creditsUnlimited: true, language: 'en' },
    ]);
  });

  it("names the rows whose user type excludes a licence given to the whole file (the seed's mixed batch)", async () => {
    const owner = await withLicences('10');
    const file = [
      'Email,User Type,Role',
      'c1@example.com,Creator,Viewer',
      'c2@example.com,Creator,Viewer',
      'e1@example.com,Editor,Viewer',
    ].join('\n');
    const dry = await dryRunImport(t.prisma, owner, file, { locale: 'en', licences: ['Insights'] });
    expect(summary(dry.errors)).toEqual(['4 User Type licence.not_compatible_batch']);
    expect(dry.errors[0]?.message).toBe(
      'Insights is not compatible with Editor: remove the Editor rows or assign it later.',
    );
    expect((await dryRunImport(t.prisma, owner, file, { licences: ['field'] })).errors).toEqual([]);
  });

  it('carries the properties of direct adds and of spooled rows; and credits only from administrators', async () => {
    const owner = await withLicences('10');
    const rows = ['Email,First Name,Last Name,Password,User Type,Role,Licenses,Credits,Language'];
    rows.push('pw@example.com,Pat,Wu,Tr0mbone-Lavande-42,Creator,Viewer,insights,5,fr');
    for (let n = 0; n < 30; n++) rows.push(`s${n}@example.com,,,,Editor,Viewer,field,,en`);
    const done = await runImport(t.prisma, owner, rows.join('\n'), { spoolMemoryRows: 5, chunkRows: 7 });
    expect(done.errors).toEqual([]);
    const member = await t.prisma.member.findFirstOrThrow({ where: { email: 'pw@example.com' } });
    expect(member).toMatchObject({ licences: ['insights'], credits: 5, language: 'fr' });
    const spooled = await t.prisma.invitation.findMany({ where: { organizationId: owner.organization.id } });
    expect(spooled.length).toBe(30);
    expect(spooled.every((i) => i.licences.join() === 'field' && i.language === 'en')).toBe(true);

    // Credits are allocated by administrators only: a Credits cell from anyone else is refused there.
    const viewer = await memberActor(t.prisma, owner, { email: 'plain@example.com' });
    const reading = new ImportReading(
      'Email,Credits\nx@example.com,3\ny@example.com,\n',
      owner.organization,
      'en',
      {},
      await importProperties(t.prisma, viewer),
    );
    for await (const chunk of reading.chunks()) expect(chunk.map((row) => row.email)).toEqual(['y@example.com']);
    expect(summary(reading.errors)).toEqual(['2 Credits permission.set_credits']);
  });
});
