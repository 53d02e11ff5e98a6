// Inviting: outcomes, refusals, idempotency, effects written in the same transaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors/app-error.js';
import { findInvitationByToken, hashToken, issueAcceptToken } from '../../src/invitations/accept-token.js';
import { findInvitation } from '../../src/invitations/find-invitation.js';
import { invite } from '../../src/invitations/invite.js';
import { updateOrganizationSetting } from '../../src/organizations/update-setting.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { memberActor, newOrganization, refreshed } from './fixtures.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const expectRefusal = async (promise: Promise<unknown>, code: string) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
};

describe('invite', () => {
  it('creates pending invitations with their e-mail outbox row and audit event', async () => {
    const { owner } = await newOrganization(t.prisma);
    const result = await invite(t.prisma, owner, {
      emails: ['Ana@Example.com', 'bo@example.com'],
      role: 'Publisher',
      userType: 'Creator',
      firstName: 'Ana',
      groups: ['Cartographers', ' Cartographers '],
      message: 'Welcome aboard',
      mustUseEmail: false,
    });
    expect(result.results.map((r) => [r.email, r.outcome])).toEqual([
      ['ana@example.com', 'invited'],
      ['bo@example.com', 'invited'],
    ]);
    const rows = await t.prisma.invitation.findMany({
      where: { organizationId: owner.organization.id },
      orderBy: { email: 'asc' },
    });
    expect(rows[0]).toMatchObject({
      email: 'ana@example.com',
      role: 'publisher',
      userType: 'creator',
      status: 'PENDING',
      groups: ['Cartographers'],
      message: 'Welcome aboard',
      mustUseEmail: false,
      inviterId: owner.member.id,
      sendCount: 1,
    });
    const lifetime = (rows[0]?.expiresAt.getTime() ?? 0) - (rows[0]?.createdAt.getTime() ?? 0);
    expect(Math.round(lifetime / 86_400_000)).toBe(14);
    const outbox = await t.prisma.outboxMessage.findMany({
      where: { organizationId: owner.organization.id, kind: 'invitation.email' },
    });
    expect(outbox.map((o) => (o.payload as { invitationId: string }).invitationId).sort()).toEqual(
      rows.map((r) => r.id).sort(),
    );
    const audit = await t.prisma.auditEvent.findMany({
      where: { organizationId: owner.organization.id, action: 'invitation.created' },
    });
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ actorId: owner.member.id, channel: 'cli', subjectType: 'invitation' });
  });

  it('is idempotent: inviting an address with an open invitation returns that invitation', async () => {
    const { owner } = await newOrganization(t.prisma);
    const first = await invite(t.prisma, owner, { emails: ['x@example.com'] });
    const again = await invite(t.prisma, owner, { emails: ['X@example.com'], role: 'publisher' });
    expect(again.results).toEqual([
      { email: 'x@example.com', outcome: 'already_invited', invitationId: first.results[0]?.invitationId },
    ]);
    expect(await t.prisma.invitation.count({ where: { organizationId: owner.organization.id } })).toBe(1);
    expect(
      await t.prisma.outboxMessage.count({
        where: { organizationId: owner.organization.id, kind: 'invitation.email' },
      }),
    ).toBe(1);
  });

  it('creates one invitation when the same address is invited twice at the same moment', async () => {
    const { owner } = await newOrganization(t.prisma);
    const results = await Promise.all([1, 2, 3].map(() => invite(t.prisma, owner, { emails: ['race@example.com'] })));
    expect(results.flatMap((r) => r.results.map((x) => x.outcome)).sort()).toEqual([
      'already_invited',
      'already_invited',
      'invited',
    ]);
    expect(await t.prisma.invitation.count({ where: { organizationId: owner.organization.id } })).toBe(1);
  });

  it('refuses per address with a reason: malformed, apostrophe, member, disallowed domain', async () => {
    const { owner } = await newOrganization(t.prisma);
    const domainOwner = await refreshed(
      t.prisma,
      await updateOrganizationSetting(t.prisma, owner, 'allowed-domains', 'example.com').then(() => owner),
    );
    const result = await invite(t.prisma, domainOwner, {
      emails: ['not-an-address', "o'neil@example.com", domainOwner.member.email, 'x@other.org', 'ok@example.com'],
    });
    const byEmail = Object.fromEntries(result.results.map((r) => [r.email, r.error?.code ?? r.outcome]));
    expect(byEmail).toEqual({
      'not-an-address': 'email.malformed',
      "o'neil@example.com": 'email.apostrophe',
      [domainOwner.member.email]: 'email.active_member',
      'x@other.org': 'email.domain_not_allowed',
      'ok@example.com': 'invited',
    });
  });

  it('refuses the whole request for an admin role, an incompatible role, an unknown type, a bad username', async () => {
    const { owner } = await newOrganization(t.prisma);
    await expectRefusal(
      invite(t.prisma, owner, { emails: ['a@example.com'], role: 'Administrator' }),
      'role.admin_not_grantable',
    );
    await expectRefusal(
      invite(t.prisma, owner, { emails: ['a@example.com'], role: 'Publisher', userType: 'Viewer' }),
      'role.not_allowed_for_type',
    );
    await expectRefusal(
      invite(t.prisma, owner, { emails: ['a@example.com'], userType: 'Wizard' }),
      'user_type.unknown',
    );
    await expectRefusal(
      invite(t.prisma, owner, { emails: ['a@example.com'], username: 'bad name' }),
      'username.invalid',
    );
    expect(await t.prisma.invitation.count({ where: { organizationId: owner.organization.id } })).toBe(0);
  });

  it('falls back to the default role for an unknown role and says so', async () => {
    const { owner } = await newOrganization(t.prisma);
    const result = await invite(t.prisma, owner, { emails: ['a@example.com'], role: 'Wizard' });
    expect(result.warnings).toEqual([
      { code: 'role.unknown_fallback', params: { role: 'Wizard', fallback: 'Viewer' } },
    ]);
    expect(await t.prisma.invitation.findFirst({ where: { organizationId: owner.organization.id } })).toMatchObject({
      role: 'viewer',
    });
  });

  it('reserves a username: a second invitation with it is refused', async () => {
    const { owner } = await newOrganization(t.prisma);
    await invite(t.prisma, owner, { emails: ['a@example.com'], username: 'Jcho11' });
    const second = await invite(t.prisma, owner, { emails: ['b@example.com'], username: 'jcho11' });
    expect(second.results[0]).toMatchObject({ outcome: 'refused', error: { code: 'username.taken' } });
  });

  it('lets only owners and admins invite', async () => {
    const { owner } = await newOrganization(t.prisma);
    const viewer = await memberActor(t.prisma, owner, { email: 'viewer@example.com', role: 'viewer' });
    const manager = await memberActor(t.prisma, owner, {
      email: 'manager@example.com',
      role: 'publisher',
      manager: true,
    });
    const admin = await memberActor(t.prisma, owner, { email: 'admin@example.com', role: 'administrator' });
    await expectRefusal(invite(t.prisma, viewer, { emails: ['a@example.com'] }), 'permission.invite');
    await expectRefusal(invite(t.prisma, manager, { emails: ['a@example.com'] }), 'permission.invite');
    expect((await invite(t.prisma, admin, { emails: ['a@example.com'] })).results[0]?.outcome).toBe('invited');
  });

  it('keeps organizations apart', async () => {
    const a = await newOrganization(t.prisma);
    const b = await newOrganization(t.prisma);
    const made = await invite(t.prisma, a.owner, { emails: ['shared@example.com'] });
    const id = made.results[0]?.invitationId ?? '';
    await expectRefusal(findInvitation(t.prisma, b.owner, id), 'invitation.not_found');
    await expectRefusal(findInvitation(t.prisma, b.owner, 'shared@example.com'), 'invitation.not_found');
    // The same address can be invited by another organization.
    expect((await invite(t.prisma, b.owner, { emails: ['shared@example.com'] })).results[0]?.outcome).toBe('invited');
  });
});

describe('accept tokens', () => {
  it('stores only the hash of a 256-bit token and finds the invitation by the token', async () => {
    const { owner } = await newOrganization(t.prisma);
    const made = await invite(t.prisma, owner, { emails: ['tok@example.com'] });
    const id = made.results[0]?.invitationId ?? '';
    const token = await issueAcceptToken(t.prisma, id);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const stored = await t.prisma.invitationToken.findMany({ where: { invitationId: id } });
    expect(stored).toHaveLength(1);
    expect(Buffer.from(stored[0]?.tokenHash ?? []).equals(Buffer.from(hashToken(token)))).toBe(true);
    expect(Buffer.from(stored[0]?.tokenHash ?? []).toString('utf8')).not.toContain(token);
    expect((await findInvitationByToken(t.prisma, token))?.id).toBe(id);
    const altered = `${token[0] === 'A' ? 'B' : 'A'}${token.slice(1)}`;
    expect(await findInvitationByToken(t.prisma, altered)).toBeNull();
    expect(await findInvitationByToken(t.prisma, 'short')).toBeNull();
  });
});
