// A new temporary password for a member added directly who has not signed in yet: the admin
// lost the first one (closed the form too soon, a message went astray). The previous one stops
// working. Once the member has chosen their own password this is refused: it would let an admin
// take over an account. Only an owner may do it for an owner, for the same reason.
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import { normalizeEmail } from '../forms/email-address.js';
import type { Member } from '../generated/prisma/client.js';
import type { Actor } from '../permissions/actor.js';
import { assertCanManageInvitations, canReissuePasswordOf } from '../permissions/policy.js';
import { hashPassword } from './hash-password.js';
import { generateTemporaryPassword } from './temporary-password.js';

export async function reissueTemporaryPassword(
  db: Db,
  actor: Actor,
  rawEmail: string,
): Promise<{ member: Member; temporaryPassword: string }> {
  assertCanManageInvitations(actor);
  const email = normalizeEmail(rawEmail);
  const member = await db.member.findUnique({
    where: { organizationId_email: { organizationId: actor.organization.id, email } },
  });
  if (!member) throw new AppError('member.not_found', { email }, 'not_found');
  if (!canReissuePasswordOf(actor.member, member)) throw new AppError('member.owner_password', { email }, 'forbidden');
  if (member.status !== 'MUST_CHANGE_PASSWORD') {
    throw new AppError('member.password_already_chosen', { email }, 'refused');
  }
  const temporaryPassword = generateTemporaryPassword(member.username);
  // Hash before the transaction: scrypt is deliberately slow and must not hold a lock.
  const passwordHash = await hashPassword(temporaryPassword);
  const updated = await db.$transaction(async (tx) => {
    // The status in the condition: a first sign-in that lands meanwhile keeps its own password.
    const { count } = await tx.member.updateMany({
      where: { id: member.id, status: 'MUST_CHANGE_PASSWORD' },
      data: { passwordHash },
    });
    if (count === 0) throw new AppError('member.password_already_chosen', { email }, 'refused');
    await recordAuditEvent(tx, actor, {
      action: 'member.temporary_password_reissued',
      subjectType: 'member',
      subjectId: member.id,
      data: { email },
    });
    return tx.member.findUniqueOrThrow({ where: { id: member.id } });
  });
  return { member: updated, temporaryPassword };
}
