// An invitee back from the identity provider: joins through the same enrollment as the password
// form (src/invitations/enroll-member.ts: the invitation's lock, the audit event, the inviter's
// notification, the webhooks), with the enterprise identity and no password. When the invitation
// requires its address (the default), the provider's verified e-mail must be that address;
// otherwise nothing is written and the invitation stays pending.
import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import type { Member } from '../generated/prisma/client.js';
import { assertLinkOpen } from '../invitations/accept.js';
import { enrollMember } from '../invitations/enroll-member.js';
import type { Organization } from '../organizations/organization.js';
import { toOrganization } from '../organizations/organization.js';
import type { EnterpriseIdentity } from './finish-sign-in.js';
import { joinMethods } from './join-methods.js';
import type { ProviderSettings } from './provider-settings.js';

export interface JoinedWithEnterpriseLogin {
  member: Member;
  organization: Organization;
}

export async function joinWithEnterpriseLogin(
  db: Db,
  input: { invitationId: string; provider: ProviderSettings; identity: EnterpriseIdentity },
  now: Date,
): Promise<JoinedWithEnterpriseLogin> {
  const { identity, provider } = input;
  const invitation = await db.invitation.findUnique({ where: { id: input.invitationId } });
  if (!invitation) throw new AppError('accept.unknown', {}, 'not_found');
  // Closed while the invitee was at the provider: said as the accept page says it.
  assertLinkOpen(invitation, now);
  if (!joinMethods(invitation, provider).enterprise) throw new AppError('sso.not_configured', {}, 'refused');
  if (!identity.email || !identity.emailVerified) throw new AppError('sso.email_unverified', {}, 'refused');
  if (invitation.mustUseEmail && identity.email !== invitation.email.toLowerCase())
    throw new AppError('sso.email_mismatch', { email: invitation.email }, 'refused');
  const taken = await db.member.findFirst({
    where: {
      organizationId: invitation.organizationId,
      enterpriseIssuer: identity.issuer,
      enterpriseSubject: identity.subject,
    },
    select: { id: true },
  });
  if (taken) throw new AppError('sso.identity_taken', {}, 'conflict');

  const organization = toOrganization(
    await db.organization.findUniqueOrThrow({ where: { id: invitation.organizationId } }),
  );
  const member = await enrollMember(
    db,
    { invitation, organization },
    {
      email: identity.email,
      firstName: identity.givenName ?? invitation.firstName,
      lastName: identity.familyName ?? invitation.lastName,
      username: null,
      passwordHash: null,
      enterprise: { issuer: identity.issuer, subject: identity.subject },
    },
    now,
  );
  return { member, organization };
}
