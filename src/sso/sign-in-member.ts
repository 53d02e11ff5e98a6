// A member's sign-in through the identity provider (no invitation): a member already linked to
// this enterprise identity is recognised; a member added by enterprise ID is linked at the first
// sign-in, only if the provider's subject is the ID the admin gave. Anyone else joins only by
// automatic join (auto-join.ts), when the organization turned it on.
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import type { Member } from '../generated/prisma/client.js';
import { type Organization, toOrganization } from '../organizations/organization.js';
import { autoJoin } from './auto-join.js';
import type { EnterpriseIdentity } from './finish-sign-in.js';
import type { ProviderSettings } from './provider-settings.js';

export interface SignedInMember {
  member: Member;
  organization: Organization;
  firstSignIn: boolean;
}

/** Signed in; or, with automatic join, joined now or waiting for a manager's approval. */
export type MemberSignIn =
  | ({ status: 'signed_in' } & SignedInMember)
  | { status: 'joined'; member: Member; organization: Organization }
  | { status: 'held'; organization: Organization };

export async function signInMember(
  db: Db,
  input: { organizationId: string; identity: EnterpriseIdentity; provider: ProviderSettings },
  now: Date,
): Promise<MemberSignIn> {
  const { organizationId, identity } = input;
  const organization = toOrganization(await db.organization.findUniqueOrThrow({ where: { id: organizationId } }));
  const linked = await db.member.findFirst({
    where: { organizationId, enterpriseIssuer: identity.issuer, enterpriseSubject: identity.subject },
  });
  if (linked) return { status: 'signed_in', member: linked, organization, firstSignIn: false };

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
  if (member) return { status: 'signed_in', member, organization, firstSignIn: true };

  // Someone with this member's address whose subject is not the ID the admin typed.
  const waiting =
    identity.email && identity.emailVerified
      ? await db.member.findFirst({
          where: { organizationId, email: identity.email, enterpriseId: { not: null }, enterpriseSubject: null },
          select: { id: true },
        })
      : null;
  if (waiting) throw new AppError('sso.subject_mismatch', {}, 'refused');
  const joined = await autoJoin(db, { organization, provider: input.provider, identity }, now);
  if (joined.status === 'joined') return { status: 'joined', member: joined.member, organization };
  if (joined.status === 'held') return { status: 'held', organization };
  throw new AppError('sso.no_account', {}, 'refused');
}
