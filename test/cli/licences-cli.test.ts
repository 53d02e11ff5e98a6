// `sesame licences` and the member property options end to end (issue 17, items 1-3): the real
// executable on a fresh database. The catalogue is listed with used of owned; invite and add take
// --licences, --credits and --member-language; pending shows them (text and --json); a licence
// none is left of, or one still assigned, is refused with exit code 1 and the count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { type Cli, cliFor } from './run-cli.js';

let db: TestDatabase;
let sesame: Cli;
const org = ['--org', 'Licensed'];

beforeAll(async () => {
  db = await createTestDatabase();
  sesame = await cliFor({ DATABASE_URL: db.url });
});
afterAll(async () => {
  await sesame?.cleanup();
  await db?.close();
});

describe('sesame licences', { timeout: 120_000 }, () => {
  it('keeps the catalogue, assigns licences, credits and language, and lists them', async () => {
    const created = await sesame(['org', 'create', '--name', 'Licensed', '--seats', '10', '--owner', 'o@lic.example']);
    expect(created.code, created.stderr).toBe(0);
    const added = await sesame([
      'licences',
      'add',
      'insights',
      '--name-en',
      'Insights for ArcGIS',
      '--name-fr',
      'Insights pour ArcGIS',
      '--user-types',
      'creator',
      '--owned',
      '1',
      ...org,
    ]);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('Licence Insights for ArcGIS (insights) added.');

    const invited = await sesame([
      'invite',
      'ana@lic.example',
      '--type',
      'creator',
      '--licences',
      'insights',
      '--credits',
      '300',
      '--member-language',
      'fr',
      '--json',
      ...org,
    ]);
    expect(invited.code, invited.stderr).toBe(0);
    expect(invited.json()).toMatchObject({ results: [{ outcome: 'invited' }] });

    const none = await sesame(['invite', 'bo@lic.example', '--type', 'creator', '--licences', 'insights', ...org]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('Insights for ArcGIS: 0 of 1 left.');

    const pending = await sesame(['pending', '--json', ...org]);
    expect(pending.json()).toMatchObject({
      invitations: [{ email: 'ana@lic.example', licences: ['insights'], credits: 300, language: 'fr' }],
    });
    const table = await sesame(['pending', ...org]);
    expect(table.stdout).toMatch(/Licences\s+Credits\s+Language/);
    expect(table.stdout).toMatch(/insights\s+300\s+fr/);

    const listed = await sesame(['licences', '--json', ...org]);
    expect(listed.json()).toEqual({
      licences: [
        {
          key: 'insights',
          names: { en: 'Insights for ArcGIS', fr: 'Insights pour ArcGIS' },
          userTypes: ['creator'],
          owned: 1,
          used: 1,
        },
      ],
    });
    const removed = await sesame(['licences', 'remove', 'insights', ...org]);
    expect(removed.code).toBe(1);
    expect(removed.stderr).toContain('is assigned (1 member(s) and open invitation(s))');
    const raised = await sesame(['licences', 'set', 'insights', '--unlimited', '--lang', 'fr', ...org]);
    expect(raised.stdout).toContain('Licence Insights pour ArcGIS (insights) modifiée.');

    const direct = await sesame(
      [
        'add',
        'cy@lic.example',
        '--first-name',
        'Cy',
        '--last-name',
        'Ro',
        '--password',
        '-',
        '--type',
        'creator',
        '--licences',
        'insights',
        '--credits',
        'unlimited',
        '--member-language',
        'en',
        ...org,
      ],
      { input: 'Tr0mbone-Lavande-42\n' },
    );
    expect(direct.code, direct.stderr).toBe(0);
    const members = await sesame(['members', '--json', ...org]);
    expect(members.json()).toMatchObject({
      members: expect.arrayContaining([
        expect.objectContaining({
          email: 'cy@lic.example',
          licences: ['insights'],
          credits: 'unlimited',
          language: 'en',
        }),
      ]),
    });
    expect((await sesame(['licences', '--json', ...org])).json()).toMatchObject({
      licences: [{ used: 2, owned: null }],
    });
  });
});
