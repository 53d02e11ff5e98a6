// Add a member by enterprise ID, without an invitation (ArcGIS's "add members using their
// enterprise ID"): active at once, no password of ours; an e-mail tells them to sign in with the
// enterprise login. Their first sign-in must present this ID as its subject (sign-in-member.ts).
import type { Db } from '../db/database.js';
import { refuse, unwrap } from '../errors/app-error.js';
import { checkEmailAddress } from '../forms/email-address.js';
import { checkName } from '../forms/field-checks.js';
import type { Member } from '../generated/prisma/client.js';
import { type Notice, notice } from '../i18n/messages.js';
import { checkMemberProperties, type MemberPropertiesInput } from '../licences/check-member-properties.js';
import { type AddMemberInput, companyRefOf, insertMemberOfCompany } from '../members/add-member.js';
import { resolveAssignment } from '../organizations/catalogue.js';
import type { Actor } from '../permissions/actor.js';
import { assertCanManageInvitations } from '../permissions/policy.js';
import { checkEnterpriseId } from './enterprise-id.js';
import { findProviderRow } from './provider-settings.js';

/** With the same member properties (licences, credits, language) as a direct add with a password. */
export interface AddByEnterpriseIdInput extends Pick<AddMemberInput, 'external' | 'company'>, MemberPropertiesInput {
  email: string;
  firstName: string;
  lastName: string;
  enterpriseId: string;
  role?: string;
  userType?: string;
}

export interface AddedByEnterpriseId {
  member: Member;
  /** The role/type fallbacks, and always the warning that a wrong ID makes an unusable account. */
  warnings: Notice[];
}

export async function addMemberByEnterpriseId(
  db: Db,
  actor: Actor,
  input: AddByEnterpriseIdInput,
): Promise<AddedByEnterpriseId> {
  assertCanManageInvitations(actor);
  const org = actor.organization;
  const noProvider = await enterpriseIdRefusal(db, org.id);
  if (noProvider) throw refuse(noProvider);
  const assignment = resolveAssignment(org.catalogue, input);
  const { role, userType } = unwrap(assignment);
  const value = {
    email: unwrap(checkEmailAddress(input.email, org.allowedDomains)),
    firstName: unwrap(checkName('First name', input.firstName)),
    lastName: unwrap(checkName('Last name', input.lastName)),
    username: null,
    password: '',
    role,
    userType,
    ...(await checkMemberProperties(db, actor, input, [userType])),
  };
  const enterpriseId = unwrap(checkEnterpriseId(input.enterpriseId));
  // External (of a covered company, on the external seats) exactly as a direct add with a password.
  const member = await insertMemberOfCompany(db, actor, value, { enterpriseId }, companyRefOf(input));
  return {
    member,
    warnings: [...(assignment.ok ? assignment.warnings : []), notice('sso.enterprise_id_warning', {})],
  };
}

/**
 * Enterprise IDs are usable only with the organization's identity provider: the refusal when none
 * is configured, or null. The direct add, the import and its dry run all ask this.
 */
export async function enterpriseIdRefusal(db: Db, organizationId: string): Promise<Notice | null> {
  return (await findProviderRow(db, organizationId)) ? null : notice('sso.enterprise_needs_provider', {});
}
