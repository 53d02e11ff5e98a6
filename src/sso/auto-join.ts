// Automatic join: someone who signs in through the provider with a verified address in one of
// the organization's auto-join domains joins without having been invited. It goes through an
// ordinary enterprise invitation (made in the owner's name, channel "system"), so seat
// accounting and manager approval apply: with a free seat the member is enrolled at once, past
// the limit the invitation waits for a manager like any other.
import type { Db } from '../db/database.js';
import { refuse } from '../errors/app-error.js';
import type { Member } from '../generated/prisma/client.js';
import { enrollMember } from '../invitations/enroll-member.js';
import { invite } from '../invitations/invite.js';
import { resolveActor } from '../members/resolve-actor.js';
import type { Organization } from '../organizations/organization.js';
import type { EnterpriseIdentity } from './finish-sign-in.js';
import type { ProviderSettings } from './provider-settings.js';

export type AutoJoinOutcome = { status: 'joined'; member: Member } | { status: 'held' } | { status: 'not_allowed' };

export function mayAutoJoin(
  provider: ProviderSettings,
  identity: EnterpriseIdentity,
): identity is EnterpriseIdentity & { email: string } {
  if (!provider.autoJoin || !identity.email || !identity.emailVerified) return false;
  const domain = identity.email.slice(identity.email.lastIndexOf('@') + 1);
  return provider.autoJoinDomains.includes(domain);
}

export async function autoJoin(
  db: Db,
  input: { organization: Organization; provider: ProviderSettings; identity: EnterpriseIdentity },
  now: Date,
): Promise<AutoJoinOutcome> {
  const { organization, provider, identity } = input;
  if (!mayAutoJoin(provider, identity)) return { status: 'not_allowed' };
  const owner = await resolveActor(db, { organization, channel: 'system' });
  const made = await invite(db, owner, { emails: [identity.email], enterprise: true });
  const result = made.results[0];
  if (!result?.invitationId) throw refuse(result?.error ?? { code: 'sso.no_account', params: {} });
  const invitation = await db.invitation.findUniqueOrThrow({ where: { id: result.invitationId } });
  if (invitation.status === 'AWAITING_APPROVAL') return { status: 'held' };
  const member = await enrollMember(
    db,
    { invitation, organization },
    {
      email: identity.email,
      firstName: identity.givenName ?? '',
      lastName: identity.familyName ?? '',
      username: null,
      passwordHash: null,
      enterprise: { issuer: identity.issuer, subject: identity.subject },
    },
    now,
  );
  return { status: 'joined', member };
}
