// A member's sign-in through the identity provider (no invitation): a member already linked to
// this enterprise identity is recognised; a member added by enterprise ID is linked at the first
// sign-in, only if the provider's subject is the ID the admin gave. Nobody else gets in here
// (automatic join is not done by this path).
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import type { Member } from '../generated/prisma/client.js';
import { type Organization, toOrganization } from '../organizations/organization.js';
import type { EnterpriseIdentity } from './finish-sign-in.js';

export interface SignedInMember {
  member: Member;
  organization: Organization;
  firstSignIn: boolean;
}

export async function signInMember(
  db: Db,
  input: { organizationId: string; identity: EnterpriseIdentity },
): Promise<SignedInMember> {
  const { organizationId, identity } = input;
  const organization = toOrganization(await db.organization.findUniqueOrThrow({ where: { id: organizationId } }));
  const linked = await db.member.findFirst({
    where: { organizationId, enterpriseIssuer: identity.issuer, enterpriseSubject: identity.subject },
  });
  if (linked) return { member: linked, organization, firstSignIn: false };

  const member = await db.$transaction(async (tx) => {
    // Only a member still waiting for its first sign-in, with exactly this subject as its ID.
    const linkedNow = await tx.member.updateManyAndReturn({
      where: { organizationId, enterpriseId: identity.subject, enterpriseSubject: null },
      data: { enterpriseIssuer: identity.issuer, enterpriseSubject: identity.subject },
    });
    const first = linkedNow[0];
    if (!first) return undefined;
    await recordAuditEvent(
      tx,
      { member: first, organization, channel: 'web', locale: organization.locale },
      {
        action: 'member.first_sign_in',
        subjectType: 'member',
        subjectId: first.id,
        data: { email: first.email, method: 'enterprise' },
      },
    );
    return first;
  });
  if (member) return { member, organization, firstSignIn: true };

  // Someone with this member's address whose subject is not the ID the admin typed.
  const waiting =
    identity.email && identity.emailVerified
      ? await db.member.findFirst({
          where: { organizationId, email: identity.email, enterpriseId: { not: null }, enterpriseSubject: null },
          select: { id: true },
        })
      : null;
  if (waiting) throw new AppError('sso.subject_mismatch', {}, 'refused');
  throw new AppError('sso.no_account', {}, 'refused');
}
