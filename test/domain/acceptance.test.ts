// Accepting and first login: the lifecycle rules below the pages (expiry and reminders are tested
// beside their files, test/invitations/expire.test.ts and remind.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../src/errors/app-error.js';
import { acceptInvitation, FormError, openInvitationLink } from '../../src/invitations/accept.js';
import { issueAcceptToken } from '../../src/invitations/accept-token.js';
import { cleanUpSpentTokens } from '../../src/invitations/clean-up-tokens.js';
import { invite } from '../../src/invitations/invite.js';
import { revokeInvitation } from '../../src/invitations/revoke.js';
import { addMember } from '../../src/members/add-member.js';
import { changeTemporaryPassword } from '../../src/members/change-temporary-password.js';
import { verifyPassword } from '../../src/members/hash-password.js';
import { updateOrganizationSetting } from '../../src/organizations/update-setting.js';
import { seatSummary } from '../../src/seats/seat-summary.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { newInvitation, newOrganization, refreshed, failure as refusal } from './fixtures.js';

const failure = (promise: Promise<unknown>) => refusal<AppError | FormError>(promise);

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const DAY = 86_400_000;

const invited = (email: string, options?: Parameters<typeof newInvitation>[2]) =>
  newInvitation(t.prisma, email, options);

const form = { firstName: 'Ana', lastName: 'Lima', password: 'Zx9!kq2mw', passwordConfirmation: 'Zx9!kq2mw' };

describe('accept', () => {
  it('makes an active member, closes the invitation for good, and tells the inviter', async () => {
    const { owner, id, token } = await invited('ana@x.com', { emails: [], role: 'Publisher' });
    const page = await openInvitationLink(t.prisma, token);
    expect(page.inviterName).toBe(owner.member.email);
    const outcome = await acceptInvitation(t.prisma, { ...form, token });
    if (outcome.status !== 'enrolled') throw new Error('expected an enrollment');
    const { member } = outcome;
    expect(member).toMatchObject({
      email: 'ana@x.com',
      status: 'ACTIVE',
      role: 'publisher',
      invitedById: owner.member.id,
    });
    expect(await verifyPassword('Zx9!kq2mw', member.passwordHash ?? '')).toBe(true);
    expect(await t.prisma.invitation.findUnique({ where: { id } })).toMatchObject({
      status: 'ACCEPTED',
      memberId: member.id,
    });
    expect(await t.prisma.outboxMessage.count({ where: { idempotencyKey: `invitation:${id}:accepted` } })).toBe(1);
    expect(((await failure(acceptInvitation(t.prisma, { ...form, token }))) as AppError).code).toBe('accept.used');
    expect((await seatSummary(t.prisma, owner)).used).toBe(2);
  });

  it('enrolls once when the form is submitted twice at once', async () => {
    const { id, token } = await invited('twice@x.com');
    const both = await Promise.allSettled([
      acceptInvitation(t.prisma, { ...form, token }),
      acceptInvitation(t.prisma, { ...form, token }),
    ]);
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await t.prisma.member.count({ where: { email: 'twice@x.com' } })).toBe(1);
    expect(await t.prisma.invitation.findUnique({ where: { id } })).toMatchObject({ status: 'ACCEPTED' });
  });

  it('reports every field problem at once', async () => {
    const { token } = await invited('f@x.com');
    const error = (await failure(
      acceptInvitation(t.prisma, {
        token,
        firstName: '',
        lastName: 'L',
        password: 'password1',
        passwordConfirmation: 'x',
      }),
    )) as FormError;
    expect(error).toBeInstanceOf(FormError);
    expect(Object.keys(error.fields).sort()).toEqual(['firstName', 'password']);
    const mismatch = (await failure(
      acceptInvitation(t.prisma, { ...form, token, passwordConfirmation: 'other' }),
    )) as FormError;
    expect(mismatch.fields.passwordConfirmation?.code).toBe('password.mismatch');
  });

  it('asks for a username when the organization uses them, and lets the invitee choose the address when allowed', async () => {
    const { owner } = await newOrganization(t.prisma);
    await updateOrganizationSetting(t.prisma, owner, 'uses-usernames', 'true');
    const fresh = await refreshed(t.prisma, owner);
    const made = await invite(t.prisma, fresh, { emails: ['u@x.com'], mustUseEmail: false });
    const token = await issueAcceptToken(t.prisma, made.results[0]?.invitationId ?? '');
    const bad = (await failure(acceptInvitation(t.prisma, { ...form, token, username: 'ab' }))) as FormError;
    expect(bad.fields.username?.code).toBe('username.invalid');
    const missing = (await failure(acceptInvitation(t.prisma, { ...form, token }))) as FormError;
    expect(missing.fields.username?.code).toBe('username.required');
    const outcome = await acceptInvitation(t.prisma, { ...form, token, username: 'Ana_Lima', email: 'ana.lima@x.com' });
    // Another address waits for its code (test/domain/chosen-address.test.ts); the username is kept.
    expect(outcome).toMatchObject({ status: 'verification_sent', email: 'ana.lima@x.com' });
    expect(await t.prisma.enrollmentVerification.findFirst({ where: { email: 'ana.lima@x.com' } })).toMatchObject({
      username: 'ana_lima',
    });
  });

  it('says what happened to links that no longer work, without revealing the address', async () => {
    const revoked = await invited('r@x.com');
    await revokeInvitation(t.prisma, revoked.owner, revoked.id);
    expect(((await failure(openInvitationLink(t.prisma, revoked.token))) as AppError).code).toBe('accept.revoked');
    const expired = await invited('e@x.com');
    expect(
      ((await failure(openInvitationLink(t.prisma, expired.token, new Date(Date.now() + 15 * DAY)))) as AppError).code,
    ).toBe('accept.expired');
    expect(((await failure(openInvitationLink(t.prisma, 'A'.repeat(43)))) as AppError).code).toBe('accept.unknown');
  });
});

describe('first login and clean-up', () => {
  it('replaces the temporary password once, with one answer for every bad login', async () => {
    const { owner } = await newOrganization(t.prisma);
    await addMember(t.prisma, owner, {
      email: 'tmp@x.com',
      firstName: 'T',
      lastName: 'M',
      password: 'jc40.l2eh',
      username: 'tmp_user',
    });
    const base = { organizationId: owner.organization.id, newPassword: 'Zx9!kq2mw', passwordConfirmation: 'Zx9!kq2mw' };
    expect(
      (
        (await failure(
          changeTemporaryPassword(t.prisma, { ...base, login: 'tmp_user', temporaryPassword: 'wrong1234' }),
        )) as AppError
      ).code,
    ).toBe('login.failed');
    expect(
      (
        (await failure(
          changeTemporaryPassword(t.prisma, { ...base, login: 'nobody', temporaryPassword: 'jc40.l2eh' }),
        )) as AppError
      ).code,
    ).toBe('login.failed');
    const weak = (await failure(
      changeTemporaryPassword(t.prisma, {
        ...base,
        login: 'tmp_user',
        temporaryPassword: 'jc40.l2eh',
        newPassword: 'password1',
        passwordConfirmation: 'password1',
      }),
    )) as FormError;
    expect(weak.fields.password?.code).toBe('password.common');
    expect(
      await changeTemporaryPassword(t.prisma, { ...base, login: 'TMP@x.com', temporaryPassword: 'jc40.l2eh' }),
    ).toEqual({ username: 'tmp_user' });
    const member = await t.prisma.member.findFirstOrThrow({
      where: { organizationId: owner.organization.id, username: 'tmp_user' },
    });
    expect(member.status).toBe('ACTIVE');
    expect(
      (
        (await failure(
          changeTemporaryPassword(t.prisma, { ...base, login: 'tmp_user', temporaryPassword: 'jc40.l2eh' }),
        )) as AppError
      ).code,
    ).toBe('login.failed');
  });

  it('keeps token hashes until 30 days after the invitation expiry date, then deletes them', async () => {
    const { id } = await invited('clean@x.com');
    const open = await invited('open@x.com');
    await t.prisma.invitation.update({
      where: { id },
      data: { status: 'EXPIRED', openEmail: null, closedAt: new Date() },
    });
    expect(await cleanUpSpentTokens(t.prisma)).toBe(0);
    // Invited today, expiring in 14 days: the hashes stay until day 44.
    expect(await cleanUpSpentTokens(t.prisma, { now: new Date(Date.now() + 43 * DAY) })).toBe(0);
    expect(await t.prisma.invitationToken.count({ where: { invitationId: id } })).toBe(1);
    expect(await cleanUpSpentTokens(t.prisma, { now: new Date(Date.now() + 45 * DAY) })).toBeGreaterThanOrEqual(2);
    expect(await t.prisma.invitationToken.count({ where: { invitationId: id } })).toBe(0);
    expect(await t.prisma.invitationToken.count({ where: { invitationId: open.id } })).toBe(0);
  });
});
