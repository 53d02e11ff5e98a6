// `sesame digest` (text, French, --json, who may read it) and `sesame org set` of the digest's
// settings with their refusals in English and French, through the real executable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invite } from '../../src/invitations/invite.js';
import { memberActor, newOrganization } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { type Cli, cliFor } from './run-cli.js';

let db: TestDatabase;
let sesame: Cli;
let org: string[];

beforeAll(async () => {
  db = await createTestDatabase();
  const { owner, organization } = await newOrganization(db.prisma, { seats: 3 });
  await invite(db.prisma, owner, { emails: ['a@x.com', 'b@x.com', 'c@x.com', 'd@x.com'] });
  await memberActor(db.prisma, owner, { email: 'viewer@x.com' });
  org = ['--org', organization.name];
  sesame = await cliFor({ DATABASE_URL: db.url });
});
afterAll(async () => {
  await sesame?.cleanup();
  await db?.close();
});

describe('sesame digest', { timeout: 120_000 }, () => {
  it('prints the summary in English and French, and as JSON', async () => {
    const english = await sesame(['digest', ...org]);
    expect(english.code, english.stderr).toBe(0);
    expect(english.stdout).toContain('Invitations digest: Org ');
    // The owner takes a seat, two are invited, two held beyond the 3 seats; the viewer, added
    // directly afterwards, takes one more.
    expect(english.stdout).toContain('2 pending invitations, 0 expiring within 48 hours');
    expect(english.stdout).toContain('2 held for approval, 1 seat request waiting');
    expect(english.stdout).toContain('2 seats requested by owner@');
    expect(english.stdout).toContain('Seats: 4 used of 3, 0 remaining');
    expect(english.stdout).toContain('Not posted on a schedule');

    const french = await sesame(['digest', ...org, '--lang', 'fr']);
    expect(french.stdout).toContain('Récapitulatif des invitations');
    expect(french.stdout).toContain('2 invitations en attente');
    expect(french.stdout).toContain('Places : 4 utilisées sur 3, 0 restantes');

    const json = await sesame(['digest', ...org, '--json']);
    expect(json.code, json.stderr).toBe(0);
    const parsed = JSON.parse(json.stdout);
    expect(parsed).toMatchObject({
      pending: 2,
      expiringSoon: 0,
      held: 2,
      seats: { internal: { used: 4, limit: 3, remaining: 0 }, external: null },
      schedule: { frequency: 'off', time: '08:00', weekday: 'monday', timezone: 'UTC', always: false },
      posted: false,
    });
    expect(parsed.seatRequests).toHaveLength(1);
  });

  it('is refused to a member who neither manages invitations nor decides seats', async () => {
    const refused = await sesame(['digest', ...org, '--as', 'viewer@x.com']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('may not read the digest');
  });

  it('sets the schedule, and refuses wrong values in English and French', async () => {
    expect((await sesame(['org', 'set', 'timezone', 'Europe/Paris', ...org])).code).toBe(0);
    expect((await sesame(['org', 'set', 'digest-time', '07:45', ...org])).code).toBe(0);
    expect((await sesame(['org', 'set', 'digest-day', 'friday', ...org])).code).toBe(0);
    const weekly = await sesame(['org', 'set', 'digest', 'weekly', ...org]);
    expect(weekly.code, weekly.stderr).toBe(0);
    const text = await sesame(['digest', ...org]);
    expect(text.stdout).toContain('Posted every friday at 07:45 (Europe/Paris).');
    expect(text.stdout).toContain("No managers' channel is chosen");

    const zone = await sesame(['org', 'set', 'timezone', 'Mars/Olympus', ...org]);
    expect(zone.code).toBe(1);
    expect(zone.stderr).toContain('"Mars/Olympus" is not a valid timezone: expected an IANA time zone name');
    const french = await sesame(['org', 'set', 'digest-time', '8h61', ...org, '--lang', 'fr']);
    expect(french.code).toBe(1);
    expect(french.stderr).toContain('« 8h61 » n’est pas une valeur valide pour digest-time'.replace('’', "'"));
  });
});
