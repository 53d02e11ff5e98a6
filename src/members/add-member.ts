// Add a member directly, without an invitation: an account with a temporary password that
// must be changed at first login (ArcGIS's "add members without sending invitations").
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { lockOrganization } from '../companies/company-tree.js';
import { coveredCompany, type ExternalCompany } from '../companies/external-company.js';
import type { Db } from '../db/database.js';
import { AppError, refuse, unwrap } from '../errors/app-error.js';
import { fail } from '../errors/result.js';
import { checkEmailAddress } from '../forms/email-address.js';
import { checkName } from '../forms/field-checks.js';
import { checkPassword } from '../forms/password-policy.js';
import { checkUsername, usernameFromEmail, usernameVariant } from '../forms/username.js';
import type { Member } from '../generated/prisma/client.js';
import { Prisma } from '../generated/prisma/client.js';
import { type Notice, notice } from '../i18n/messages.js';
import {
  checkMemberProperties,
  type MemberPropertiesInput,
  type MemberPropertiesValue,
} from '../licences/check-member-properties.js';
import { openLicenceRoom } from '../licences/licence-room.js';
import { memberProperties } from '../licences/member-properties.js';
import { creditColumns } from '../licences/member-settings.js';
import { resolveAssignment } from '../organizations/catalogue.js';
import { enqueue, outboxKinds } from '../outbox/enqueue.js';
import { outboxKey, outboxKeys } from '../outbox/outbox-keys.js';
import type { Actor } from '../permissions/actor.js';
import { assertCanManageInvitations } from '../permissions/policy.js';
import { seatUsage } from '../seats/seat-usage.js';
import { emitMemberAdded } from '../webhooks/member-added.js';
import { hashPassword } from './hash-password.js';

export interface AddMemberInput extends MemberPropertiesInput {
  email: string;
  firstName: string;
  lastName: string;
  password: string;
  username?: string;
  role?: string;
  userType?: string;
  /** A person of a partner company (an external member); naming a company implies it. */
  external?: boolean;
  /** The partner company (name or path): it must be covered. */
  company?: string;
}

export interface AddMemberResult {
  member: Member;
  warnings: Notice[];
}

export interface ValidatedMember extends Partial<MemberPropertiesValue> {
  email: string;
  firstName: string;
  lastName: string;
  username: string | null;
  password: string;
  role: string;
  userType: string;
}

/** Everything that can be checked without the database; throws the first problem. */
export function validateNewMember(actor: Actor, input: AddMemberInput): { value: ValidatedMember; warnings: Notice[] } {
  const org = actor.organization;
  const assignment = resolveAssignment(org.catalogue, input);
  const { role, userType } = unwrap(assignment);
  const email = unwrap(checkEmailAddress(input.email, org.allowedDomains));
  const username = input.username?.trim() ? unwrap(checkUsername(input.username)) : null;
  const password = unwrap(
    input.password
      ? checkPassword(input.password, username ?? usernameFromEmail(email))
      : fail(notice('password.required', {})),
  );
  return {
    value: {
      email,
      username,
      password,
      role,
      userType,
      firstName: unwrap(checkName('First name', input.firstName)),
      lastName: unwrap(checkName('Last name', input.lastName)),
    },
    warnings: assignment.ok ? assignment.warnings : [],
  };
}

export async function addMember(db: Db, actor: Actor, input: AddMemberInput): Promise<AddMemberResult> {
  assertCanManageInvitations(actor);
  const validated = validateNewMember(actor, input);
  const value = { ...validated.value, ...(await checkMemberProperties(db, actor, input, [validated.value.userType])) };
  const { warnings } = validated;
  const companyRef = companyRefOf(input);
  // Hash before the transaction: scrypt is deliberately slow and must not hold the lock.
  const passwordHash = await hashPassword(value.password);
  const member = await insertMemberOfCompany(db, actor, value, passwordHash, companyRef);
  return { member, warnings };
}

/**
 * The partner company a direct add names (by password or by enterprise ID), trimmed; undefined for
 * an internal member. An external member must name one.
 */
export function companyRefOf(input: Pick<AddMemberInput, 'external' | 'company'>): string | undefined {
  const companyRef = input.company?.trim();
  if (input.external && !companyRef) throw new AppError('company.external_needs_company', {}, 'invalid');
  return companyRef || undefined;
}

/**
 * One transaction: the named company found and checked for coverage, then the member inserted and
 * announced by its member.added webhook.
 */
export function insertMemberOfCompany(
  db: Db,
  actor: Actor,
  value: ValidatedMember,
  credential: string | { enterpriseId: string },
  companyRef: string | undefined,
): Promise<Member> {
  return db.$transaction(async (tx) => {
    // Checked under the organization's lock, like an external invitation's company.
    let company = null;
    if (companyRef) {
      await lockOrganization(tx, actor.organization.id);
      company = await coveredCompany(tx, actor.organization.id, companyRef);
    }
    const member = await insertMember(tx, actor, value, credential, company);
    await emitMemberAdded(tx, member);
    return member;
  });
}

/**
 * Inserts one validated member (used by the direct add and by the import's rows with a password).
 * With an enterprise ID instead of a password hash, the member is active with no password and
 * signs in through the organization's identity provider (src/sso). Its member.added webhook is the
 * caller's: one at a time (insertMemberOfCompany), or set-based for an import's rows.
 */
export async function insertMember(
  tx: Prisma.TransactionClient,
  actor: Actor,
  value: ValidatedMember,
  credential: string | { enterpriseId: string },
  /** An external member of this (covered) company, on the external seats. */
  company: ExternalCompany | null = null,
): Promise<Member> {
  const passwordHash = typeof credential === 'string' ? credential : null;
  const enterpriseId = typeof credential === 'string' ? null : credential.enterpriseId;
  const orgId = actor.organization.id;
  const [org] = await tx.$queryRawUnsafe<{ seat_limit: number; external_seat_limit: number }[]>(
    'SELECT seat_limit, external_seat_limit FROM organization WHERE id = $1::uuid FOR UPDATE',
    orgId,
  );
  const seatLimit = (company ? org?.external_seat_limit : org?.seat_limit) ?? 0;
  if (await tx.member.findUnique({ where: { organizationId_email: { organizationId: orgId, email: value.email } } })) {
    throw new AppError('email.active_member', { email: value.email }, 'conflict');
  }
  const username = value.username ?? (await freeUsername(tx, orgId, usernameFromEmail(value.email)));
  if (value.username && (await usernameTaken(tx, orgId, value.username))) {
    throw new AppError('username.taken', { username: value.username }, 'conflict');
  }
  // A member cannot be held for approval like an invitation: a direct add needs a free seat.
  // An open invitation to the same address is superseded (and gives its seat back).
  const open = await tx.invitation.findFirst({ where: { organizationId: orgId, openEmail: value.email } });
  const usage = await seatUsage(tx, orgId, company ? 'external' : 'internal');
  // The superseded invitation gives back a seat of its own kind only (a suspended one held none).
  const freed = open?.status === 'PENDING' && open.external === Boolean(company) && !open.suspended ? 1 : 0;
  if (usage.used - freed >= seatLimit) {
    if (company) throw new AppError('company.external_seats_full', { limit: seatLimit, used: usage.used }, 'refused');
    throw new AppError('seats.full', { limit: seatLimit }, 'refused');
  }
  // Its licences are taken under the same lock; the superseded invitation gives its own back.
  if (value.licences?.length) {
    const refusal = (await openLicenceRoom(tx, orgId, open?.licences ?? []))(value.licences);
    if (refusal) throw refuse(refusal);
  }
  await tx.invitation.updateMany({
    where: { organizationId: orgId, openEmail: value.email },
    data: {
      status: 'CANCELLED',
      openEmail: null,
      openUsername: null,
      closedAt: new Date(),
      closedReason: 'added directly',
    },
  });
  try {
    const member = await tx.member.create({
      data: {
        organizationId: orgId,
        email: value.email,
        firstName: value.firstName,
        lastName: value.lastName,
        username,
        role: value.role,
        userType: value.userType,
        status: passwordHash ? 'MUST_CHANGE_PASSWORD' : 'ACTIVE',
        passwordHash,
        enterpriseId,
        invitedById: actor.member.id,
        external: Boolean(company),
        companyId: company?.id ?? null,
        companyName: company?.name ?? null,
        licences: value.licences ?? [],
        ...creditColumns(value.credits),
        language: value.language ?? null,
      },
    });
    await recordAuditEvent(tx, actor, {
      action: 'member.added',
      subjectType: 'member',
      subjectId: member.id,
      data: {
        email: member.email,
        username,
        role: value.role,
        userType: value.userType,
        ...(enterpriseId ? { enterpriseId } : {}),
        kind: company ? 'external' : 'internal',
        company: company?.name ?? null,
        ...memberProperties(member),
      },
    });
    await enqueue(tx, {
      organizationId: orgId,
      kind: outboxKinds.memberAddedEmail,
      key: outboxKey(outboxKeys.memberAddedEmail, { memberId: member.id }),
      payload: { memberId: member.id },
    });
    return member;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      if (enterpriseId && JSON.stringify(error.meta ?? {}).includes('enterprise_id'))
        throw new AppError('sso.enterprise_id_taken', { id: enterpriseId }, 'conflict');
      throw new AppError('username.taken', { username }, 'conflict');
    }
    throw error;
  }
}

async function usernameTaken(tx: Prisma.TransactionClient, orgId: string, username: string): Promise<boolean> {
  const [member, invitation] = await Promise.all([
    tx.member.findFirst({ where: { organizationId: orgId, username }, select: { id: true } }),
    tx.invitation.findFirst({ where: { organizationId: orgId, openUsername: username }, select: { id: true } }),
  ]);
  return Boolean(member || invitation);
}

async function freeUsername(tx: Prisma.TransactionClient, orgId: string, base: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const candidate = attempt === 1 ? base : usernameVariant(base, attempt);
    if (!(await usernameTaken(tx, orgId, candidate))) return candidate;
  }
}
