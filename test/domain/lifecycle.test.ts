// Resend with a cooldown, revoke, add directly, organization settings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/audit/list-audit-events.js';
import { translate } from '../../src/i18n/messages.js';
import { issueAcceptToken } from '../../src/invitations/accept-token.js';
import { invite } from '../../src/invitations/invite.js';
import { listInvitations } from '../../src/invitations/list-invitations.js';
import { resendInvitation } from '../../src/invitations/resend.js';
import { revokeInvitation } from '../../src/invitations/revoke.js';
import { addMember } from '../../src/members/add-member.js';
import { verifyPassword } from '../../src/members/hash-password.js';
import { updateOrganizationSetting } from '../../src/organizations/update-setting.js';
import { seatSummary } from '../../src/seats/seat-summary.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { failure, memberActor, newOrganization, refreshed } from './fixtures.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const HOUR = 3_600_000;

describe('resend', () => {
  it('is refused inside the cooldown with the time left, then allowed once', async () => {
    const { owner } = await newOrganization(t.prisma);
    await invite(t.prisma, owner, { emails: ['a@x.com'] });
    const soon = await failure(resendInvitation(t.prisma, owner, 'a@x.com', new Date(Date.now() + 5 * HOUR)));
    expect(soon.code).toBe('resend.cooldown');
    expect(translate('en', soon.code, soon.params as never)).toMatch(/can be resent in 19 h/);
    expect(translate('fr', soon.code, soon.params as never)).toMatch(/pourra être renvoyée dans 19 h/);
    const later = new Date(Date.now() + 25 * HOUR);
    // Two admins clicking Resend at once send one e-mail.
    const both = await Promise.allSettled([
      resendInvitation(t.prisma, owner, 'a@x.com', later),
      resendInvitation(t.prisma, owner, 'a@x.com', later),
    ]);
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const invitation = await t.prisma.invitation.findFirstOrThrow({ where: { organizationId: owner.organization.id } });
    expect(invitation.sendCount).toBe(2);
    expect(invitation.expiresAt.getTime()).toBeGreaterThan(later.getTime() + 13 * 24 * HOUR);
    expect(
      await t.prisma.outboxMessage.count({
        where: { organizationId: owner.organization.id, kind: 'invitation.email' },
      }),
    ).toBe(2);
  });

  it('follows the organization’s cooldown and refuses non-pending invitations', async () => {
    const { owner } = await newOrganization(t.prisma);
    await updateOrganizationSetting(t.prisma, owner, 'resend-cooldown-hours', '0');
    const fresh = await refreshed(t.prisma, owner);
    await invite(t.prisma, fresh, { emails: ['a@x.com'] });
    await resendInvitation(t.prisma, fresh, 'a@x.com');
    await revokeInvitation(t.prisma, fresh, 'a@x.com');
    expect((await failure(resendInvitation(t.prisma, fresh, 'a@x.com'))).code).toBe('invitation.not_pending');
  });
});

describe('revoke', () => {
  it('kills the links, frees the seat and the username, and is refused twice', async () => {
    const { owner } = await newOrganization(t.prisma, { seats: 2 });
    const made = await invite(t.prisma, owner, { emails: ['a@x.com'], username: 'alpha_user' });
    const id = made.results[0]?.invitationId ?? '';
    await issueAcceptToken(t.prisma, id);
    expect((await seatSummary(t.prisma, owner)).remaining).toBe(0);
    const revoked = await revokeInvitation(t.prisma, owner, id);
    expect(revoked).toMatchObject({ status: 'REVOKED', openEmail: null, openUsername: null });
    expect((await seatSummary(t.prisma, owner)).remaining).toBe(1);
    const second = await failure(revokeInvitation(t.prisma, owner, 'a@x.com'));
    expect(second.code).toBe('invitation.not_open');
    expect((await invite(t.prisma, owner, { emails: ['b@x.com'], username: 'alpha_user' })).results[0]?.outcome).toBe(
      'invited',
    );
    expect((await failure(revokeInvitation(t.prisma, owner, 'nobody@x.com'))).code).toBe('invitation.not_found');
  });

  it('is refused to members who are not admins', async () => {
    const { owner } = await newOrganization(t.prisma);
    await invite(t.prisma, owner, { emails: ['a@x.com'] });
    const viewer = await memberActor(t.prisma, owner, { email: 'v@x.com' });
    expect((await failure(revokeInvitation(t.prisma, viewer, 'a@x.com'))).code).toBe('permission.invite');
  });
});

describe('pending list', () => {
  it('shows the newest first, and one batch by address whatever order it was typed in', async () => {
    const { owner } = await newOrganization(t.prisma);
    await invite(t.prisma, owner, { emails: ['first@x.com'] });
    // A minute earlier, so that the two batches never share a millisecond.
    await t.prisma.invitation.updateMany({
      where: { organizationId: owner.organization.id },
      data: { createdAt: new Date(Date.now() - 60_000) },
    });
    await invite(t.prisma, owner, { emails: ['zed@y.com', 'amy@y.com', 'kim@y.com'] });
    expect((await listInvitations(t.prisma, owner)).invitations.map((i) => i.email)).toEqual([
      'amy@y.com',
      'kim@y.com',
      'zed@y.com',
      'first@x.com',
    ]);
  });

  it('filters, paginates and counts', async () => {
    const { owner } = await newOrganization(t.prisma);
    await invite(t.prisma, owner, {
      emails: ['a1@x.com', 'a2@x.com', 'a3@x.com'],
      userType: 'Editor',
      role: 'Data Editor',
    });
    await invite(t.prisma, owner, { emails: ['b1@x.com'], role: 'Publisher' });
    await revokeInvitation(t.prisma, owner, 'a3@x.com');
    const page1 = await listInvitations(t.prisma, owner, { pageSize: 2 });
    expect(page1).toMatchObject({
      total: 3,
      pages: 2,
      counts: { pending: 3, awaitingApproval: 0, byUserType: { editor: 2, creator: 1 } },
    });
    expect(page1.invitations).toHaveLength(2);
    expect((await listInvitations(t.prisma, owner, { role: 'mise à jour' })).total).toBe(2);
    expect((await listInvitations(t.prisma, owner, { userType: 'creator' })).total).toBe(1);
    expect((await listInvitations(t.prisma, owner, { status: ['REVOKED'] })).invitations.map((i) => i.email)).toEqual([
      'a3@x.com',
    ]);
    expect((await listInvitations(t.prisma, owner, { inviter: owner.member.email })).total).toBe(3);
    expect((await listInvitations(t.prisma, owner, { expiringWithinDays: 1 })).total).toBe(0);
    expect((await listInvitations(t.prisma, owner, { expiringWithinDays: 15 })).total).toBe(3);
    expect((await listInvitations(t.prisma, owner, { search: 'B1' })).invitations[0]?.inviterEmail).toBe(
      owner.member.email,
    );
  });
});

describe('add directly', () => {
  it('creates a member who must change the temporary password, hashed', async () => {
    const { owner } = await newOrganization(t.prisma);
    await invite(t.prisma, owner, { emails: ['jcho@x.com'] });
    const { member } = await addMember(t.prisma, owner, {
      email: 'JCho@x.com',
      firstName: 'Jon',
      lastName: 'Cho',
      password: 'jc40.l2eh',
      role: 'Publisher',
      userType: 'Creator',
    });
    expect(member).toMatchObject({
      status: 'MUST_CHANGE_PASSWORD',
      username: 'jcho@x.com',
      role: 'publisher',
      invitedById: owner.member.id,
    });
    expect(member.passwordHash).toMatch(/^scrypt\$/);
    expect(member.passwordHash).not.toContain('jc40.l2eh');
    expect(await verifyPassword('jc40.l2eh', member.passwordHash ?? '')).toBe(true);
    // The open invitation to the same address was superseded.
    expect(await t.prisma.invitation.findFirst({ where: { organizationId: owner.organization.id } })).toMatchObject({
      status: 'CANCELLED',
    });
    expect(await t.prisma.outboxMessage.count({ where: { idempotencyKey: `member:${member.id}:added` } })).toBe(1);
  });

  it('refuses weak passwords, taken usernames, existing members and a full organization', async () => {
    const { owner } = await newOrganization(t.prisma, { seats: 2 });
    const base = { firstName: 'A', lastName: 'B' };
    expect(
      (await failure(addMember(t.prisma, owner, { ...base, email: 'a@x.com', password: 'aaaabbbb1' }))).code,
    ).toMatch(/^password\./);
    expect((await failure(addMember(t.prisma, owner, { ...base, email: 'a@x.com', password: 'password1' }))).code).toBe(
      'password.common',
    );
    expect(
      (
        await failure(
          addMember(t.prisma, owner, { ...base, email: 'a@x.com', username: 'alpha_1', password: 'alpha_1' }),
        )
      ).code,
    ).toBe('password.too_short');
    expect(
      (
        await failure(
          addMember(t.prisma, owner, { ...base, email: 'a@x.com', username: 'alpha_one', password: 'alpha_one' }),
        )
      ).code,
    ).toBe('password.needs_letter_and_digit');
    expect(
      (
        await failure(
          addMember(t.prisma, owner, { ...base, email: 'a@x.com', username: 'alpha_one1', password: 'alpha_one1' }),
        )
      ).code,
    ).toBe('password.same_as_username');
    await addMember(t.prisma, owner, { ...base, email: 'a@x.com', username: 'alpha_one', password: 'Zx9!kq2mw' });
    expect((await failure(addMember(t.prisma, owner, { ...base, email: 'A@x.com', password: 'Zx9!kq2mw' }))).code).toBe(
      'email.active_member',
    );
    expect((await failure(addMember(t.prisma, owner, { ...base, email: 'c@x.com', password: 'Zx9!kq2mw' }))).code).toBe(
      'seats.full',
    );
  });
});

describe('organization settings and audit', () => {
  it('changes settings (owner only), validates values, and records everything', async () => {
    const { owner } = await newOrganization(t.prisma);
    const admin = await memberActor(t.prisma, owner, { email: 'admin@x.com', role: 'administrator' });
    expect((await updateOrganizationSetting(t.prisma, owner, 'reminder-days', '10, 3,3')).reminderDays).toEqual([
      3, 10,
    ]);
    expect(
      (await updateOrganizationSetting(t.prisma, owner, 'allowed-domains', 'Example.com, @example.fr')).allowedDomains,
    ).toEqual(['example.com', 'example.fr']);
    expect((await updateOrganizationSetting(t.prisma, owner, 'locale', 'fr')).locale).toBe('fr');
    expect((await failure(updateOrganizationSetting(t.prisma, owner, 'seats', 'many'))).code).toBe(
      'org.setting_invalid',
    );
    expect((await failure(updateOrganizationSetting(t.prisma, owner, 'colour', 'blue'))).code).toBe(
      'org.setting_unknown',
    );
    expect((await failure(updateOrganizationSetting(t.prisma, admin, 'seats', '10'))).code).toBe(
      'permission.owner_only',
    );
    const events = await listAuditEvents(t.prisma, owner);
    expect(events.map((e) => e.action)).toEqual([
      'organization.setting_changed',
      'organization.setting_changed',
      'organization.setting_changed',
      'organization.created',
    ]);
    expect(events[0]).toMatchObject({
      actorEmail: owner.member.email,
      channel: 'cli',
      data: { key: 'locale', value: 'fr' },
    });
  });
});
