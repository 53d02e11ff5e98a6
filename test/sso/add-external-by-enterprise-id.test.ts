// `sesame add <e-mail> --enterprise-id <id> --external --company <name>`: a member added by
// enterprise ID may be external, of a covered company, on the external seats, with the same
// refusals as a direct add with a password. The add never talks to the identity provider, so its
// configured row is enough here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCompany } from '../../src/companies/add-company.js';
import { setCompanySecured } from '../../src/companies/secure-company.js';
import type { Db } from '../../src/db/database.js';
import { updateOrganizationSetting } from '../../src/organizations/update-setting.js';
import { addMemberByEnterpriseId } from '../../src/sso/add-member-by-enterprise-id.js';
import { type Cli, cliFor } from '../cli/run-cli.js';
import { failure, newOrganization } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const configuredProvider = (db: Db, organizationId: string) =>
  db.identityProvider.create({
    data: { organizationId, issuer: 'https://login.acme.example', clientId: 'sesame', clientSecret: {}, label: 'SSO' },
  });

const person = (email: string, enterpriseId: string) => ({ email, firstName: 'Ana', lastName: 'Lopes', enterpriseId });

describe('adding an external member by enterprise ID', () => {
  it('needs a covered company and a free external seat, and takes no seat of the plan', async () => {
    const { owner } = await newOrganization(t.prisma, { seats: 1 }); // the owner fills the plan
    await configuredProvider(t.prisma, owner.organization.id);
    await addCompany(t.prisma, owner, { name: 'Groupe JLO' });
    await addCompany(t.prisma, owner, { name: 'JLO PARIS', parent: 'Groupe JLO' });
    const ana = person('ana@jlo.example', '00uANA');

    const uncovered = await failure(
      addMemberByEnterpriseId(t.prisma, owner, { ...ana, external: true, company: 'JLO PARIS' }),
    );
    expect([uncovered.code, uncovered.params]).toEqual([
      'company.not_covered',
      { name: 'JLO PARIS', parents: 'Groupe JLO' },
    ]);
    const missing = await failure(addMemberByEnterpriseId(t.prisma, owner, { ...ana, company: 'JLO LYON' }));
    expect(missing.code).toBe('company.not_found');
    const noCompany = await failure(addMemberByEnterpriseId(t.prisma, owner, { ...ana, external: true }));
    expect(noCompany.code).toBe('company.external_needs_company');
    await setCompanySecured(t.prisma, owner, 'Groupe JLO', true);
    const noSeat = await failure(addMemberByEnterpriseId(t.prisma, owner, { ...ana, company: 'JLO PARIS' }));
    expect(noSeat.code).toBe('company.external_seats_full');

    await updateOrganizationSetting(t.prisma, owner, 'external-seats', '1');
    const { member } = await addMemberByEnterpriseId(t.prisma, owner, {
      ...ana,
      external: true,
      company: 'Groupe JLO/JLO PARIS',
    });
    expect([member.external, member.companyName, member.enterpriseId, member.passwordHash]).toEqual([
      true,
      'JLO PARIS',
      '00uANA',
      null,
    ]);
  });
});

describe('sesame add --enterprise-id --external --company', { timeout: 120_000 }, () => {
  // A database of its own: the CLI picks the only organization there is.
  let db: TestDatabase;
  let sesame: Cli;
  beforeAll(async () => {
    db = await createTestDatabase();
    sesame = await cliFor({ DATABASE_URL: db.url });
  });
  afterAll(async () => {
    await sesame?.cleanup();
    await db?.close();
  });

  it('adds the member as external for that company, and refuses an uncovered one with the reason', async () => {
    const created = await sesame(['org', 'create', '--name', 'iWE', '--seats', '5', '--owner', 'owner@iwe.example']);
    expect(created.code, created.stderr).toBe(0);
    const org = await db.prisma.organization.findFirstOrThrow({ where: { name: 'iWE' } });
    await configuredProvider(db.prisma, org.id);
    for (const args of [
      ['companies', 'add', 'Groupe JLO'],
      ['companies', 'add', 'JLO PARIS', '--parent', 'Groupe JLO'],
      ['org', 'set', 'external-seats', '3'],
    ]) {
      const done = await sesame(args);
      expect(done.code, done.stderr).toBe(0);
    }
    const add = (email: string, id: string, ...more: string[]) =>
      sesame(['add', email, '--first-name', 'Ana', '--last-name', 'Lopes', '--enterprise-id', id, ...more]);

    const refused = await add('ana@jlo.example', '00uANA', '--external', '--company', 'JLO PARIS');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'JLO PARIS is not secured: secure it or one of its parent companies (Groupe JLO).',
    );
    const alone = await add('ana@jlo.example', '00uANA', '--external');
    expect(alone.code).toBe(1);
    expect(alone.stderr).toContain('An external member belongs to a partner company');

    expect((await sesame(['companies', 'secure', 'Groupe JLO'])).code).toBe(0);
    const added = await add('ana@jlo.example', '00uANA', '--external', '--company', 'JLO PARIS', '--json');
    expect(added.code, added.stderr).toBe(0);
    const member = await db.prisma.member.findFirstOrThrow({
      where: { organizationId: org.id, email: 'ana@jlo.example' },
    });
    expect([member.external, member.companyName, member.enterpriseId]).toEqual([true, 'JLO PARIS', '00uANA']);
    const seats = (await sesame(['seats', '--json'])).json<{ used: number; external: { used: number } }>();
    expect([seats.used, seats.external.used]).toEqual([1, 1]);
  });
});
