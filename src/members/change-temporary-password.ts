// First login of a member added directly: the temporary password is replaced by their own.
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import { FormError } from '../forms/form-error.js';
import { checkPassword } from '../forms/password-policy.js';
import { notice } from '../i18n/messages.js';
import { toOrganization } from '../organizations/organization.js';
import { findTextFlaw } from '../text/edge-text.js';
import { hashPassword, verifyPassword } from './hash-password.js';

export interface FirstLoginInput {
  organizationId: string;
  /** Username or e-mail. */
  login: string;
  temporaryPassword: string;
  newPassword: string;
  passwordConfirmation: string;
}

// Verified against when the login is unknown, so that the answer takes as long either way.
const decoy = hashPassword('decoy-password-1');

export async function changeTemporaryPassword(db: Db, input: FirstLoginInput): Promise<{ username: string }> {
  const login = input.login.trim().toLowerCase();
  // A login with a NUL or a control character names nobody (the edge rule keeps them out of every
  // username and address); PostgreSQL would refuse the NUL in the query.
  const member =
    login && !findTextFlaw(login)
      ? await db.member.findFirst({
          where: { organizationId: input.organizationId, OR: [{ username: login }, { email: login }] },
        })
      : null;
  const valid = await verifyPassword(input.temporaryPassword, member?.passwordHash ?? (await decoy));
  // One answer for "unknown login", "wrong password" and "already changed": none reveals an account.
  if (!member || !valid || member.status !== 'MUST_CHANGE_PASSWORD')
    throw new AppError('login.failed', {}, 'forbidden');

  const check = checkPassword(input.newPassword, member.username);
  if (!check.ok) throw new FormError({ password: check.error });
  if (input.newPassword === input.temporaryPassword) throw new FormError({ password: notice('password.reuse', {}) });
  if (input.newPassword !== input.passwordConfirmation) {
    throw new FormError({ passwordConfirmation: notice('password.mismatch', {}) });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    const changed = await tx.member.updateMany({
      where: { id: member.id, status: 'MUST_CHANGE_PASSWORD' },
      data: { passwordHash, status: 'ACTIVE', passwordChangedAt: new Date() },
    });
    if (changed.count === 0) throw new AppError('login.failed', {}, 'forbidden');
    const organization = toOrganization(
      await tx.organization.findUniqueOrThrow({ where: { id: member.organizationId } }),
    );
    await recordAuditEvent(
      tx,
      { member, organization, channel: 'web', locale: organization.locale },
      {
        action: 'member.password_changed',
        subjectType: 'member',
        subjectId: member.id,
      },
    );
  });
  return { username: member.username };
}
