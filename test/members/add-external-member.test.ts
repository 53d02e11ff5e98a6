// A direct add of an external member: only into a covered company, on the external seats.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCompany } from '../../src/companies/add-company.js';
import { setCompanySecured } from '../../src/companies/secure-company.js';
import { addMember } from '../../src/members/add-member.js';
import { updateOrganizationSetting } from '../../src/organizations/update-setting.js';
import { seatSummary } from '../../src/seats/seat-summary.js';
import { failure, newOrganization } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const person = (email: string) => ({ email, firstName: 'Ana', lastName: 'Lopes', password: 'Tr0mbone-Lavande-42' });

describe('adding an external member directly', () => {
  it('needs a covered company and a free external seat, and takes no seat of the plan', async () => {
    const { owner } = await newOrganization(t.prisma, { seats: 1 }); // the owner fills the plan
    await addCompany(t.prisma, owner, { name: 'Groupe JLO' });
    await addCompany(t.prisma, owner, { name: 'JLO PARIS', parent: 'Groupe JLO' });

    const uncovered = await failure(addMember(t.prisma, owner, { ...person('a@jlo.example'), company: 'JLO PARIS' }));
    expect(uncovered.code).toBe('company.not_covered');
    await setCompanySecured(t.prisma, owner, 'Groupe JLO', true);
    const noSeat = await failure(addMember(t.prisma, owner, { ...person('a@jlo.example'), company: 'JLO PARIS' }));
    expect(noSeat.code).toBe('company.external_seats_full');
    const noCompany = await failure(addMember(t.prisma, owner, { ...person('a@jlo.example'), external: true }));
    expect(noCompany.code).toBe('company.external_needs_company');

    await updateOrganizationSetting(t.prisma, owner, 'external-seats', '1');
    const { member } = await addMember(t.prisma, owner, {
      ...person('a@jlo.example'),
      external: true,
      company: 'JLO PARIS',
    });
    expect([member.external, member.companyName]).toEqual([true, 'JLO PARIS']);
    const seats = await seatSummary(t.prisma, owner);
    expect(seats).toMatchObject({ limit: 1, used: 1 });
    expect(seats.external).toMatchObject({ limit: 1, used: 1, members: 1 });
    expect((await failure(addMember(t.prisma, owner, { ...person('b@jlo.example'), company: 'JLO PARIS' }))).code).toBe(
      'company.external_seats_full',
    );
  });
});
