// Unsecuring, moving or removing a company suspends its open external invitations and counts its
// external members (never removed); securing again resumes the invitations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCompany } from '../../src/companies/add-company.js';
import { moveCompany } from '../../src/companies/move-company.js';
import { removeCompany } from '../../src/companies/remove-company.js';
import { setCompanySecured } from '../../src/companies/secure-company.js';
import type { Actor } from '../../src/permissions/actor.js';
import { newOrganization } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

/** External invitations and members of a company, written directly (set-up, not a domain path). */
async function people(owner: Actor, companyId: string, company: string, counts: { pending: number; members: number }) {
  const organizationId = owner.organization.id;
  const slug = company.toLowerCase().replace(/\W+/g, '-');
  for (let i = 0; i < counts.pending; i++) {
    const email = `guest${i}@${slug}.example.com`;
    await t.prisma.invitation.create({
      data: {
        organizationId,
        email,
        openEmail: email,
        role: 'viewer',
        userType: 'creator',
        inviterId: owner.member.id,
        expiresAt: new Date(Date.now() + 86_400_000),
        external: true,
        companyId,
        companyName: company,
      },
    });
  }
  for (let i = 0; i < counts.members; i++) {
    const email = `member${i}@${slug}.example.com`;
    await t.prisma.member.create({
      data: {
        organizationId,
        email,
        username: email,
        role: 'viewer',
        userType: 'creator',
        external: true,
        companyId,
        companyName: company,
      },
    });
  }
}

const suspended = (owner: Actor) =>
  t.prisma.invitation.count({ where: { organizationId: owner.organization.id, suspended: true } });

describe('when a company stops being covered', () => {
  it('suspends its external invitations, counts its members, and resumes them when secured again', async () => {
    const { owner } = await newOrganization(t.prisma);
    await addCompany(t.prisma, owner, { name: 'Groupe JLO' });
    const paris = await addCompany(t.prisma, owner, { name: 'JLO PARIS', parent: 'Groupe JLO' });
    const province = await addCompany(t.prisma, owner, { name: 'JLO PROVINCE', parent: 'Groupe JLO' });
    await setCompanySecured(t.prisma, owner, 'Groupe JLO', true);
    await people(owner, paris.id, 'JLO PARIS', { pending: 2, members: 1 });
    await people(owner, province.id, 'JLO PROVINCE', { pending: 1, members: 2 });
    // An internal invitation is never suspended.
    await t.prisma.invitation.create({
      data: {
        organizationId: owner.organization.id,
        email: 'staff@iwe.example.com',
        openEmail: 'staff@iwe.example.com',
        role: 'viewer',
        userType: 'creator',
        inviterId: owner.member.id,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });

    const unsecured = await setCompanySecured(t.prisma, owner, 'Groupe JLO', false);
    expect(unsecured).toMatchObject({ suspendedInvitations: 3, resumedInvitations: 0, uncoveredMembers: 3 });
    expect(await suspended(owner)).toBe(3);
    expect(await t.prisma.member.count({ where: { organizationId: owner.organization.id, external: true } })).toBe(3);

    // Securing a subsidiary alone resumes only its own.
    const paris2 = await setCompanySecured(t.prisma, owner, 'JLO PARIS', true);
    expect(paris2).toMatchObject({ resumedInvitations: 2, suspendedInvitations: 0 });
    const again = await setCompanySecured(t.prisma, owner, 'Groupe JLO', true);
    expect(again).toMatchObject({ resumedInvitations: 1 });
    expect(await suspended(owner)).toBe(0);

    const audit = await t.prisma.auditEvent.findFirst({
      where: { organizationId: owner.organization.id, action: 'company.unsecured' },
    });
    expect(audit?.data).toMatchObject({ suspendedInvitations: 3, uncoveredMembers: 3 });
  });

  it('suspends when moved under an unsecured parent, and for good when removed (members kept)', async () => {
    const { owner } = await newOrganization(t.prisma);
    await addCompany(t.prisma, owner, { name: 'Secured' });
    await addCompany(t.prisma, owner, { name: 'Open' });
    await setCompanySecured(t.prisma, owner, 'Secured', true);
    const acme = await addCompany(t.prisma, owner, { name: 'Acme', parent: 'Secured' });
    await people(owner, acme.id, 'Acme', { pending: 2, members: 1 });

    expect(await moveCompany(t.prisma, owner, 'Acme', 'Open')).toMatchObject({
      suspendedInvitations: 2,
      uncoveredMembers: 1,
    });
    expect(await moveCompany(t.prisma, owner, 'Acme', 'Secured')).toMatchObject({ resumedInvitations: 2 });

    const removed = await removeCompany(t.prisma, owner, 'Acme');
    expect(removed).toMatchObject({ suspendedInvitations: 2, uncoveredMembers: 1 });
    const left = await t.prisma.member.findMany({ where: { organizationId: owner.organization.id, external: true } });
    expect(left.map((m) => [m.companyId, m.companyName])).toEqual([[null, 'Acme']]);
    expect(await suspended(owner)).toBe(2);
  });
});
