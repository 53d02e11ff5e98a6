// Invite one or many e-mail addresses with the same role, user type and options.

import { lockOrganization } from '../companies/company-tree.js';
import { coveredCompany } from '../companies/external-company.js';
import type { Db } from '../db/database.js';
import { AppError, refuse, unwrap } from '../errors/app-error.js';
import { checkEmailAddress } from '../forms/email-address.js';
import { checkGroups, checkMessage, checkName } from '../forms/field-checks.js';
import { checkUsername } from '../forms/username.js';
import type { Notice } from '../i18n/messages.js';
import { checkMemberProperties, type MemberPropertiesInput } from '../licences/check-member-properties.js';
import { resolveAssignment } from '../organizations/catalogue.js';
import type { Actor } from '../permissions/actor.js';
import { assertCanManageInvitations } from '../permissions/policy.js';
import { enterpriseInvitations, markEnterprise } from '../sso/enterprise-invitations.js';
import { type NewInvitation, writeInvitations } from './write-invitations.js';

/**
 * Time a single invite may hold its transaction, and wait for one. A long list (thousands of
 * addresses from a script) is one set-based write, but on a busy embedded database it can outlast
 * Prisma's 5 s default, which would refuse the whole list.
 */
const INVITE_TRANSACTION = { timeout: 60_000, maxWait: 10_000 };
export interface InviteInput extends MemberPropertiesInput {
  emails: string[];
  role?: string;
  userType?: string;
  firstName?: string;
  lastName?: string;
  /** Only with a single address: a username is one person's. */
  username?: string;
  groups?: string[];
  message?: string;
  /** True (default): the invitee must enroll with this address; false: they may choose another. */
  mustUseEmail?: boolean;
  /** Joins through the organization's identity provider (default: only when it is the only way). */
  enterprise?: boolean;
  /** Invites people of a partner company (external members); naming a company implies it. */
  external?: boolean;
  /** The partner company (name or path) the external invitees join for: it must be covered. */
  company?: string;
}

export type InviteOutcome = 'invited' | 'held' | 'already_invited' | 'refused';

export interface InviteResult {
  results: { email: string; outcome: InviteOutcome; invitationId?: string; error?: Notice }[];
  /** Notices about the whole request (e.g. an unknown role replaced by the default one). */
  warnings: Notice[];
  seatRequestId?: string;
}

export async function invite(db: Db, actor: Actor, input: InviteInput): Promise<InviteResult> {
  assertCanManageInvitations(actor);
  const org = actor.organization;
  const assignment = resolveAssignment(org.catalogue, input);
  const { role, userType } = unwrap(assignment);
  const common = {
    firstName: unwrap(checkName('First name', input.firstName)),
    lastName: unwrap(checkName('Last name', input.lastName)),
    groups: unwrap(checkGroups(input.groups)),
    message: unwrap(checkMessage(input.message)),
    mustUseEmail: input.mustUseEmail ?? true,
    role,
    userType,
    // Licences (for this one user type), credits and language: the same for every address.
    ...(await checkMemberProperties(db, actor, input, [userType])),
  };
  const addresses = [...new Set(input.emails.map((e) => e.trim()).filter(Boolean))];
  const username = input.username?.trim() ? unwrap(checkUsername(input.username)) : null;
  const enterprise = await enterpriseInvitations(db, org.id, input.enterprise);
  const companyRef = input.company?.trim();
  if (input.external && !companyRef) throw new AppError('company.external_needs_company', {}, 'invalid');
  if (username && addresses.length > 1) throw refuse({ code: 'username.invalid', params: { username } }, 'invalid');

  const results: InviteResult['results'] = [];
  const rows: NewInvitation[] = [];
  const seen = new Set<string>();
  for (const raw of addresses.length > 0 ? addresses : ['']) {
    const checked = checkEmailAddress(raw, org.allowedDomains);
    if (!checked.ok) results.push({ email: raw, outcome: 'refused', error: checked.error });
    else if (!seen.has(checked.value)) {
      seen.add(checked.value);
      rows.push({ ...common, email: checked.value, username });
    }
  }

  let seatRequestId: string | undefined;
  if (rows.length > 0) {
    const written = await db.$transaction(async (tx) => {
      // The company is checked under the organization's lock: it cannot stop being covered
      // between the check and the write.
      let company = null;
      if (companyRef) {
        await lockOrganization(tx, org.id);
        company = await coveredCompany(tx, org.id, companyRef);
      }
      const done = await writeInvitations(tx, { actor, rows: rows.map((row) => ({ ...row, company })) });
      if (enterprise)
        await markEnterprise(
          tx,
          done.created.map((created) => created.id),
        );
      return done;
    }, INVITE_TRANSACTION);
    for (const created of written.created) {
      results.push({
        email: created.email,
        outcome: created.status === 'PENDING' ? 'invited' : 'held',
        invitationId: created.id,
      });
    }
    for (const existing of written.alreadyInvited) {
      results.push({ email: existing.email, outcome: 'already_invited', invitationId: existing.id });
    }
    for (const refused of written.refused) {
      results.push({ email: rows[refused.index]?.email ?? '', outcome: 'refused', error: refused.error });
    }
    seatRequestId = written.seatRequestId;
  }
  return { results, warnings: assignment.ok ? assignment.warnings : [], seatRequestId };
}
