// The step that makes an invitee a member, once: shared by the plain accept and by the
// confirmation of a chosen address. Checks again, under the invitation's lock, what may have
// changed since the form was read; a unique violation (a race with another enrollment or
// invitation) comes back as a field error, never as an error page.
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import { FormError } from '../forms/form-error.js';
import { usernameFromEmail, usernameVariant } from '../forms/username.js';
import { type Invitation, type Member, Prisma } from '../generated/prisma/client.js';
import { notice } from '../i18n/messages.js';
import { memberProperties } from '../licences/member-properties.js';
import type { Organization } from '../organizations/organization.js';
import { enqueue, outboxKinds } from '../outbox/enqueue.js';
import { outboxKey, outboxKeys } from '../outbox/outbox-keys.js';
import { emitWebhookEvent } from '../webhooks/emit-webhook-event.js';
import { addressIsTaken } from './choosable-address.js';
import { invitationKind } from './invitation-kind.js';

export interface Enrollee {
  email: string;
  firstName: string;
  lastName: string;
  /** Chosen on the form (null: the invitation's, or one made from the address). */
  username: string | null;
  passwordHash: string;
}

/** Who joins through the identity provider: the enterprise identity, and no password of ours. */
export type EnterpriseEnrollee = Omit<Enrollee, 'passwordHash'> & {
  passwordHash: null;
  enterprise: { issuer: string; subject: string };
};

type Tx = Prisma.TransactionClient;

export async function enrollMember(
  db: Db,
  target: { invitation: Invitation; organization: Organization },
  who: Enrollee | EnterpriseEnrollee,
  now: Date,
  beforeCreate?: (tx: Tx) => Promise<void>,
): Promise<Member> {
  const { invitation, organization } = target;
  try {
    return await db.$transaction(async (tx) => {
      // Lock the invitation: two submissions of the same form enroll once.
      const [locked] = await tx.$queryRawUnsafe<{ status: string; expires_at: Date; suspended: boolean }[]>(
        'SELECT status::text, expires_at, suspended FROM invitation WHERE id = $1::uuid FOR UPDATE',
        invitation.id,
      );
      if (locked?.status === 'ACCEPTED') throw new AppError('accept.used', {}, 'conflict');
      if (locked?.status !== 'PENDING') throw new AppError('accept.revoked', {}, 'refused');
      if (locked.expires_at <= now) throw new AppError('accept.expired', {}, 'refused');
      if (locked.suspended) throw new AppError('accept.suspended', {}, 'refused');
      await beforeCreate?.(tx);

      const username = who.username ?? invitation.username;
      if (
        username &&
        username !== invitation.username &&
        (await usernameTaken(tx, organization.id, username, invitation.id))
      ) {
        throw new FormError({ username: notice('username.taken', { username }) });
      }
      if (who.email !== invitation.email && (await addressIsTaken(tx, organization.id, who.email, invitation.id))) {
        throw new FormError({ email: notice('email.not_choosable', { email: who.email }) });
      }
      let finalUsername = username ?? usernameFromEmail(who.email);
      for (let n = 2; !username && (await usernameTaken(tx, organization.id, finalUsername, invitation.id)); n++)
        finalUsername = usernameVariant(usernameFromEmail(who.email), n);

      const created = await tx.member.create({
        data: {
          organizationId: organization.id,
          email: who.email,
          firstName: who.firstName,
          lastName: who.lastName,
          username: finalUsername,
          role: invitation.role,
          userType: invitation.userType,
          status: 'ACTIVE',
          passwordHash: who.passwordHash,
          passwordChangedAt: who.passwordHash ? now : null,
          enterpriseIssuer: 'enterprise' in who ? who.enterprise.issuer : null,
          enterpriseSubject: 'enterprise' in who ? who.enterprise.subject : null,
          invitedById: invitation.inviterId,
          // An external invitation makes an external member of its company (on the external seats).
          external: invitation.external,
          companyId: invitation.companyId,
          companyName: invitation.companyName,
          // The member properties set at invite: its reserved licences become the member's.
          licences: invitation.licences,
          credits: invitation.credits,
          creditsUnlimited: invitation.creditsUnlimited,
          language: invitation.language,
        },
      });
      await tx.invitation.update({
        where: { id: invitation.id },
        data: { status: 'ACCEPTED', openEmail: null, openUsername: null, closedAt: now, memberId: created.id },
      });
      await announce(tx, invitation, organization, created);
      return created;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      // Someone took the address or the username between the checks and the insert.
      const target = JSON.stringify(error.meta ?? {});
      throw new FormError(
        target.includes('username')
          ? { username: notice('username.taken', { username: who.username ?? '' }) }
          : { email: notice('email.not_choosable', { email: who.email }) },
      );
    }
    throw error;
  }
}

async function usernameTaken(tx: Tx, organizationId: string, name: string, invitationId: string): Promise<boolean> {
  return Boolean(
    (await tx.member.findFirst({ where: { organizationId, username: name }, select: { id: true } })) ??
      (await tx.invitation.findFirst({
        where: { organizationId, openUsername: name, NOT: { id: invitationId } },
        select: { id: true },
      })),
  );
}

/** The audit event, the inviter's notification and the webhooks of an enrollment. */
async function announce(tx: Tx, invitation: Invitation, organization: Organization, created: Member) {
  // Single use: the status closes every link of this invitation (their hashes stay until the
  // retention clean-up so that a second visit says "already used").
  await recordAuditEvent(
    tx,
    { member: created, organization, channel: 'web', locale: organization.locale },
    {
      action: 'invitation.accepted',
      subjectType: 'invitation',
      subjectId: invitation.id,
      data: { memberId: created.id, email: created.email, invitedEmail: invitation.email },
    },
  );
  await enqueue(tx, {
    organizationId: organization.id,
    kind: outboxKinds.notification,
    key: outboxKey(outboxKeys.invitationAccepted, { invitationId: invitation.id }),
    payload: {
      type: 'invitation.accepted',
      invitationId: invitation.id,
      memberId: created.id,
      recipientId: invitation.inviterId,
    },
  });
  const data = {
    invitationId: invitation.id,
    memberId: created.id,
    email: created.email,
    role: invitation.role,
    userType: invitation.userType,
    ...invitationKind(invitation),
    ...memberProperties(invitation),
  };
  await emitWebhookEvent(tx, {
    organizationId: organization.id,
    type: 'invitation.accepted',
    subjectId: invitation.id,
    data,
  });
  await emitWebhookEvent(tx, {
    organizationId: organization.id,
    type: 'member.enrolled',
    subjectId: created.id,
    data: {
      ...data,
      username: created.username,
      firstName: created.firstName,
      lastName: created.lastName,
      groups: invitation.groups,
    },
  });
}
