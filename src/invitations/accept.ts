// Accepting an invitation on the enrollment page: the invitee becomes an active member, once.
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import type { Invitation, Member } from '../generated/prisma/client.js';
import { type Notice, notice } from '../i18n/messages.js';
import { hashPassword } from '../members/hash-password.js';
import { checkPassword } from '../members/password-policy.js';
import { checkUsername, usernameFromEmail, usernameVariant } from '../members/username.js';
import { type Organization, toOrganization } from '../organizations/organization.js';
import { enqueue, outboxKinds } from '../outbox/enqueue.js';
import { emitWebhookEvent } from '../webhooks/emit-webhook-event.js';
import { findInvitationByToken } from './accept-token.js';
import { checkEmailAddress } from './email-address.js';
import { checkName } from './invitation-fields.js';

export interface AcceptInput {
  token: string;
  firstName: string;
  lastName: string;
  /** Asked when the organization uses usernames (and none was set on the invitation). */
  username?: string;
  /** Asked only when the invitation lets the invitee choose another address. */
  email?: string;
  password: string;
  passwordConfirmation: string;
}

export interface InvitationForPage {
  invitation: Invitation;
  organization: Organization;
  inviterName: string;
}

/**
 * The invitation a link opens, if it can still be accepted; otherwise an AppError whose code
 * says what happened (accept.unknown / expired / revoked / used). Never reveals an e-mail.
 */
export async function openInvitationLink(db: Db, token: string, now = new Date()): Promise<InvitationForPage> {
  const invitation = await findInvitationByToken(db, token);
  if (!invitation) throw new AppError('accept.unknown', {}, 'not_found');
  if (invitation.status === 'ACCEPTED') throw new AppError('accept.used', {}, 'conflict');
  if (invitation.status === 'REVOKED' || invitation.status === 'CANCELLED')
    throw new AppError('accept.revoked', {}, 'refused');
  if (invitation.status === 'EXPIRED' || invitation.expiresAt <= now)
    throw new AppError('accept.expired', {}, 'refused');
  if (invitation.status !== 'PENDING') throw new AppError('accept.unknown', {}, 'not_found');
  const [org, inviter] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: invitation.organizationId } }),
    db.member.findUniqueOrThrow({ where: { id: invitation.inviterId } }),
  ]);
  const inviterName = `${inviter.firstName} ${inviter.lastName}`.trim() || inviter.email;
  return { invitation, organization: toOrganization(org), inviterName };
}

/** Field errors keyed by form field, so the page can show each next to its field. */
export type FieldErrors = Partial<
  Record<'firstName' | 'lastName' | 'username' | 'email' | 'password' | 'passwordConfirmation', Notice>
>;

export class FormError extends Error {
  constructor(readonly fields: FieldErrors) {
    super('form has errors');
  }
}

export async function acceptInvitation(
  db: Db,
  input: AcceptInput,
  now = new Date(),
): Promise<{ member: Member; organization: Organization }> {
  const { invitation, organization } = await openInvitationLink(db, input.token, now);
  const errors: FieldErrors = {};
  const firstName = checkName('First name', input.firstName);
  const lastName = checkName('Last name', input.lastName);
  if (!firstName.ok) errors.firstName = firstName.error;
  else if (!firstName.value) errors.firstName = notice('name.required', { field: 'First name' });
  if (!lastName.ok) errors.lastName = lastName.error;
  else if (!lastName.value) errors.lastName = notice('name.required', { field: 'Last name' });

  let email = invitation.email;
  if (!invitation.mustUseEmail && input.email?.trim()) {
    const checked = checkEmailAddress(input.email, organization.allowedDomains);
    if (checked.ok) email = checked.value;
    else errors.email = checked.error;
  }

  let username: string | null = invitation.username;
  if (!username && organization.usesUsernames) {
    const checked = checkUsername(input.username ?? '');
    if (checked.ok) username = checked.value;
    else errors.username = input.username?.trim() ? checked.error : notice('username.required', {});
  }
  const passwordCheck = checkPassword(input.password, username ?? usernameFromEmail(email));
  if (!passwordCheck.ok) errors.password = passwordCheck.error;
  else if (input.password !== input.passwordConfirmation) errors.passwordConfirmation = notice('password.mismatch', {});
  if (Object.keys(errors).length > 0) throw new FormError(errors);

  const passwordHash = await hashPassword(input.password);
  const member = await db.$transaction(async (tx) => {
    // Lock the invitation: two submissions of the same form enroll once.
    const [locked] = await tx.$queryRawUnsafe<{ status: string; expires_at: Date }[]>(
      'SELECT status::text, expires_at FROM invitation WHERE id = $1::uuid FOR UPDATE',
      invitation.id,
    );
    if (locked?.status === 'ACCEPTED') throw new AppError('accept.used', {}, 'conflict');
    if (locked?.status !== 'PENDING') throw new AppError('accept.revoked', {}, 'refused');
    if (locked.expires_at <= now) throw new AppError('accept.expired', {}, 'refused');

    const taken = async (name: string) =>
      Boolean(
        (await tx.member.findFirst({
          where: { organizationId: organization.id, username: name },
          select: { id: true },
        })) ??
          (await tx.invitation.findFirst({
            where: { organizationId: organization.id, openUsername: name, NOT: { id: invitation.id } },
            select: { id: true },
          })),
      );
    if (username && username !== invitation.username && (await taken(username))) {
      throw new FormError({ username: notice('username.taken', { username }) });
    }
    if (
      email !== invitation.email &&
      (await tx.member.findFirst({ where: { organizationId: organization.id, email } }))
    ) {
      throw new FormError({ email: notice('email.active_member', { email }) });
    }
    let finalUsername = username ?? usernameFromEmail(email);
    for (let n = 2; !username && (await taken(finalUsername)); n++)
      finalUsername = usernameVariant(usernameFromEmail(email), n);

    const created = await tx.member.create({
      data: {
        organizationId: organization.id,
        email,
        firstName: firstName.ok ? firstName.value : '',
        lastName: lastName.ok ? lastName.value : '',
        username: finalUsername,
        role: invitation.role,
        userType: invitation.userType,
        status: 'ACTIVE',
        passwordHash,
        passwordChangedAt: now,
        invitedById: invitation.inviterId,
      },
    });
    await tx.invitation.update({
      where: { id: invitation.id },
      data: { status: 'ACCEPTED', openEmail: null, openUsername: null, closedAt: now, memberId: created.id },
    });
    // Single use: the status closes every link of this invitation (their hashes stay until the
    // retention clean-up so that a second visit says "already used").
    await recordAuditEvent(
      tx,
      { member: created, organization, channel: 'web', locale: organization.locale },
      {
        action: 'invitation.accepted',
        subjectType: 'invitation',
        subjectId: invitation.id,
        data: { memberId: created.id, email },
      },
    );
    await enqueue(tx, {
      organizationId: organization.id,
      kind: outboxKinds.notification,
      key: `invitation:${invitation.id}:accepted`,
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
      email,
      role: invitation.role,
      userType: invitation.userType,
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
        username: finalUsername,
        firstName: created.firstName,
        lastName: created.lastName,
        groups: invitation.groups,
      },
    });
    return created;
  });
  return { member, organization };
}
