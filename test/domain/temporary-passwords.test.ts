// Temporary passwords Sesame chooses (members added from chat), and issuing a new one: only
// before the member's first sign-in, by an administrator, for an owner only by an owner.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPassword } from '../../src/forms/password-policy.js';
import { addMemberWithTemporaryPassword } from '../../src/members/add-member-with-temporary-password.js';
import { verifyPassword } from '../../src/members/hash-password.js';
import { reissueTemporaryPassword } from '../../src/members/reissue-temporary-password.js';
import { generateTemporaryPassword } from '../../src/members/temporary-password.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { failure, memberActor, newOrganization } from './fixtures.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

describe('temporary passwords', () => {
  it('are drawn anew each time, in groups, and pass the password policy', () => {
    const drawn = Array.from({ length: 200 }, () => generateTemporaryPassword('kim.lee'));
    expect(new Set(drawn).size).toBe(drawn.length);
    for (const password of drawn) {
      expect(password).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}-[a-z2-9]{4}$/);
      expect(checkPassword(password, 'kim.lee').ok).toBe(true);
    }
  });

  it('are issued again before the first sign-in only, and the previous one stops working', async () => {
    const { owner } = await newOrganization(t.prisma);
    const added = await addMemberWithTemporaryPassword(t.prisma, owner, {
      email: 'new.hire@example.com',
      firstName: 'New',
      lastName: 'Hire',
    });
    const again = await reissueTemporaryPassword(t.prisma, owner, 'New.Hire@example.com');
    expect(again.temporaryPassword).not.toBe(added.temporaryPassword);
    const hash = again.member.passwordHash ?? '';
    expect(await verifyPassword(again.temporaryPassword, hash)).toBe(true);
    expect(await verifyPassword(added.temporaryPassword, hash)).toBe(false);
    expect(
      await t.prisma.auditEvent.count({
        where: { action: 'member.temporary_password_reissued', subjectId: added.member.id },
      }),
    ).toBe(1);

    // Once they chose their own password, no one may replace it.
    await t.prisma.member.update({ where: { id: added.member.id }, data: { status: 'ACTIVE' } });
    expect((await failure(reissueTemporaryPassword(t.prisma, owner, 'new.hire@example.com'))).code).toBe(
      'member.password_already_chosen',
    );
    expect((await failure(reissueTemporaryPassword(t.prisma, owner, 'nobody@example.com'))).code).toBe(
      'member.not_found',
    );
  });

  it('are issued for an owner by an owner only, and never by a member who may not add people', async () => {
    const { owner } = await newOrganization(t.prisma);
    await t.prisma.member.update({ where: { id: owner.member.id }, data: { status: 'MUST_CHANGE_PASSWORD' } });
    const admin = await memberActor(t.prisma, owner, { email: 'admin@example.com', role: 'administrator' });
    const viewer = await memberActor(t.prisma, owner, { email: 'viewer@example.com', role: 'viewer' });
    expect((await failure(reissueTemporaryPassword(t.prisma, admin, owner.member.email))).code).toBe(
      'member.owner_password',
    );
    expect((await failure(reissueTemporaryPassword(t.prisma, viewer, 'admin@example.com'))).code).toBe(
      'permission.invite',
    );
  });
});
