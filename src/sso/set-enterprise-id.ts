// `sso set-id`: corrects the enterprise ID of a member added by enterprise ID, until their first
// sign-in links the account (after that the provider's identity is what counts).
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Db } from '../db/database.js';
import { AppError, unwrap } from '../errors/app-error.js';
import type { Member } from '../generated/prisma/client.js';
import { Prisma } from '../generated/prisma/client.js';
import type { Actor } from '../permissions/actor.js';
import { assertCanManageInvitations } from '../permissions/policy.js';
import { checkEnterpriseId } from './enterprise-id.js';

export async function setEnterpriseId(
  db: Db,
  actor: Actor,
  input: { email: string; enterpriseId: string },
): Promise<Member> {
  assertCanManageInvitations(actor);
  const enterpriseId = unwrap(checkEnterpriseId(input.enterpriseId));
  const email = input.email.trim().toLowerCase();
  const organizationId = actor.organization.id;
  try {
    return await db.$transaction(async (tx) => {
      const member = await tx.member.findUnique({ where: { organizationId_email: { organizationId, email } } });
      if (!member) throw new AppError('sso.member_not_found', { email }, 'not_found');
      if (member.enterpriseSubject) throw new AppError('sso.already_signed_in', { email }, 'conflict');
      if (!member.enterpriseId) throw new AppError('sso.member_not_enterprise', { email }, 'refused');
      // Only while no first sign-in linked it (the condition is in the UPDATE).
      const [changed] = await tx.member.updateManyAndReturn({
        where: { id: member.id, enterpriseSubject: null },
        data: { enterpriseId },
      });
      if (!changed) throw new AppError('sso.already_signed_in', { email }, 'conflict');
      await recordAuditEvent(tx, actor, {
        action: 'member.enterprise_id_changed',
        subjectType: 'member',
        subjectId: member.id,
        data: { email, from: member.enterpriseId, to: enterpriseId },
      });
      return changed;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
      throw new AppError('sso.enterprise_id_taken', { id: enterpriseId }, 'conflict');
    throw error;
  }
}
