// Accepting an invitation on the enrollment page: the invitee becomes an active member, once.
import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import { checkEmailAddress } from '../forms/email-address.js';
import { checkName } from '../forms/field-checks.js';
import { type FieldErrors, FormError } from '../forms/form-error.js';
import { checkPassword } from '../forms/password-policy.js';
import { checkUsername, usernameFromEmail } from '../forms/username.js';
import type { Invitation, Member } from '../generated/prisma/client.js';
import type { Locale } from '../i18n/locale.js';
import { notice } from '../i18n/messages.js';
import { hashPassword } from '../members/hash-password.js';
import { type Organization, toOrganization } from '../organizations/organization.js';
import { joinMethods } from '../sso/join-methods.js';
import { findProviderRow } from '../sso/provider-settings.js';
import { findInvitationByToken } from './accept-token.js';
import { askForChosenAddressCode } from './ask-chosen-address-code.js';
import { addressIsTaken } from './choosable-address.js';
import { enrollMember } from './enroll-member.js';

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
  /** The page's language: the code for another address is e-mailed in it. */
  locale?: Locale;
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
  assertLinkOpen(invitation, now);
  const [org, inviter] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: invitation.organizationId } }),
    db.member.findUniqueOrThrow({ where: { id: invitation.inviterId } }),
  ]);
  const inviterName = `${inviter.firstName} ${inviter.lastName}`.trim() || inviter.email;
  return { invitation, organization: toOrganization(org), inviterName };
}

/**
 * Refuses an invitation whose link cannot be used now, with the code of its page: the accept page
 * and the enterprise login's callback (src/sso/join-with-enterprise-login.ts) decide alike, so an
 * invitation that expired or went back to a manager while the invitee was at the identity
 * provider is said to be so, not withdrawn.
 */
export function assertLinkOpen(invitation: Pick<Invitation, 'status' | 'expiresAt' | 'suspended'>, now: Date): void {
  if (invitation.status === 'ACCEPTED') throw new AppError('accept.used', {}, 'conflict');
  if (invitation.status === 'REVOKED' || invitation.status === 'CANCELLED')
    throw new AppError('accept.revoked', {}, 'refused');
  if (invitation.status === 'EXPIRED' || invitation.expiresAt <= now)
    throw new AppError('accept.expired', {}, 'refused');
  // A link sent before its invitation went back to waiting for a manager (src/companies/follow-coverage.ts).
  if (invitation.status === 'AWAITING_APPROVAL') throw new AppError('accept.held', {}, 'refused');
  if (invitation.status !== 'PENDING') throw new AppError('accept.unknown', {}, 'not_found');
  // An external invitation whose company is no longer covered (src/companies/follow-coverage.ts).
  if (invitation.suspended) throw new AppError('accept.suspended', {}, 'refused');
}

// What acceptInvitation refuses with, for the pages that call it (defined in src/forms/).
export { type FieldErrors, FormError } from '../forms/form-error.js';

/** Enrolled, or (another address was chosen) waiting for the code sent to that address. */
export type AcceptOutcome =
  | { status: 'enrolled'; member: Member; organization: Organization }
  | { status: 'verification_sent'; email: string; organization: Organization };

export async function acceptInvitation(db: Db, input: AcceptInput, now = new Date()): Promise<AcceptOutcome> {
  const { invitation, organization } = await openInvitationLink(db, input.token, now);
  // An enterprise invitation takes a password only when the organization allows both ways.
  if (invitation.enterprise && !joinMethods(invitation, await findProviderRow(db, organization.id)).password)
    throw new AppError('sso.password_not_offered', {}, 'refused');
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
    if (!checked.ok) errors.email = checked.error;
    else if (
      checked.value !== invitation.email &&
      (await addressIsTaken(db, organization.id, checked.value, invitation.id))
    ) {
      errors.email = notice('email.not_choosable', { email: checked.value });
    } else email = checked.value;
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

  const enrollee = {
    email,
    firstName: firstName.ok ? firstName.value : '',
    lastName: lastName.ok ? lastName.value : '',
    username: username === invitation.username ? null : username,
    passwordHash: await hashPassword(input.password),
  };
  if (email !== invitation.email) {
    // Nobody joins with an address they have not shown they own: the account waits for the code.
    await askForChosenAddressCode(
      db,
      invitation,
      enrollee,
      input.locale ?? invitation.language ?? organization.locale,
      now,
    );
    return { status: 'verification_sent', email, organization };
  }
  const member = await enrollMember(db, { invitation, organization }, enrollee, now);
  return { status: 'enrolled', member, organization };
}
