// The checks of an "add a member" form that need no database (the chat modal and dialog show
// them on their fields): e-mail, names, username, role and user type. What only the database
// knows (an existing member, a username taken, no free seat) is told after the attempt.

import { checkEmailAddress } from '../forms/email-address.js';
import { checkName } from '../forms/field-checks.js';
import { checkUsername } from '../forms/username.js';
import type { Notice } from '../i18n/messages.js';
import { resolveAssignment } from '../organizations/catalogue.js';
import type { Organization } from '../organizations/organization.js';

export type AddMemberField = 'email' | 'firstName' | 'lastName' | 'username' | 'role';

export interface AddMemberForm {
  email: string;
  firstName: string;
  lastName: string;
  username?: string;
  role?: string;
  userType?: string;
  /** A person of a partner company (an external member); naming a company implies it. */
  external?: boolean;
  /** The partner company (name or path): the domain checks it exists and is covered. */
  company?: string;
}

export function checkAddMemberInput(
  organization: Pick<Organization, 'catalogue' | 'allowedDomains'>,
  input: AddMemberForm,
): { field: AddMemberField; problems: Notice[] }[] {
  const checks: [AddMemberField, { ok: boolean; error?: Notice }][] = [
    ['email', checkEmailAddress(input.email, organization.allowedDomains)],
    ['firstName', checkName('First name', input.firstName)],
    ['lastName', checkName('Last name', input.lastName)],
    ['role', resolveAssignment(organization.catalogue, input)],
  ];
  if (input.username?.trim()) checks.push(['username', checkUsername(input.username)]);
  return checks.flatMap(([field, result]) => (result.ok || !result.error ? [] : [{ field, problems: [result.error] }]));
}
