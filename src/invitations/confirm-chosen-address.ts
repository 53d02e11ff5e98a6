// The invitee types back the code e-mailed to the address they chose: the member is created with
// that address (the rules are checked again: it may have been invited or taken meanwhile).
import type { Db } from '../db/database.js';
import { FormError } from '../forms/form-error.js';
import type { Member } from '../generated/prisma/client.js';
import { notice } from '../i18n/messages.js';
import type { Organization } from '../organizations/organization.js';
import { openInvitationLink } from './accept.js';
import { CODE_TRIES, sameCode } from './chosen-address-code.js';
import { enrollMember } from './enroll-member.js';

export async function confirmChosenAddress(
  db: Db,
  input: { token: string; code: string },
  now = new Date(),
): Promise<{ member: Member; organization: Organization; email: string }> {
  const { invitation, organization } = await openInvitationLink(db, input.token, now);
  const code = input.code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(code)) throw new FormError({ code: notice('verification.code_format', {}) });
  // Counting the try and reading the code in one statement: parallel guesses share the budget.
  const [row] = await db.$queryRawUnsafe<{ code_hash: Uint8Array | null }[]>(
    `UPDATE enrollment_verification SET attempts = attempts + 1
      WHERE invitation_id = $1::uuid AND attempts < $2 AND expires_at > $3
      RETURNING code_hash`,
    invitation.id,
    CODE_TRIES,
    now,
  );
  if (!row) throw new FormError({ code: notice('verification.code_spent', {}) });
  if (!row.code_hash || !sameCode(invitation.id, code, row.code_hash)) {
    throw new FormError({ code: notice('verification.code_wrong', {}) });
  }
  const pending = await db.enrollmentVerification.findUniqueOrThrow({ where: { invitationId: invitation.id } });
  const member = await enrollMember(
    db,
    { invitation, organization },
    {
      email: pending.email,
      firstName: pending.firstName,
      lastName: pending.lastName,
      username: pending.username,
      passwordHash: pending.passwordHash,
    },
    now,
    async (tx) => {
      await tx.enrollmentVerification.delete({ where: { invitationId: invitation.id } });
    },
  );
  return { member, organization, email: pending.email };
}
