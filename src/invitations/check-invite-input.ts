// The checks of an invite form that need no database (the chat modals and dialogs show them on
// their fields before anything is sent): addresses, role and user type, groups and message.
// What only the database knows (an existing member, an open invitation) is told after the invite.

import { checkEmailAddress } from '../forms/email-address.js';
import { checkGroups, checkMessage } from '../forms/field-checks.js';
import type { Notice } from '../i18n/messages.js';
import { notice } from '../i18n/messages.js';
import { resolveAssignment } from '../organizations/catalogue.js';
import type { Organization } from '../organizations/organization.js';
import type { InviteInput } from './invite.js';

export type InviteField = 'emails' | 'role' | 'groups' | 'message';

/** Splits what people paste: commas, semicolons, spaces, new lines. */
export const splitAddressList = (text: string) => text.split(/[\s,;]+/).filter(Boolean);

export function checkInviteInput(
  organization: Pick<Organization, 'catalogue' | 'allowedDomains'>,
  input: InviteInput,
): { field: InviteField; problems: Notice[] }[] {
  const found: { field: InviteField; problems: Notice[] }[] = [];
  const add = (field: InviteField, problem: Notice) => {
    const entry = found.find((f) => f.field === field);
    if (entry) entry.problems.push(problem);
    else found.push({ field, problems: [problem] });
  };
  if (input.emails.length === 0) add('emails', notice('email.required', {}));
  for (const email of input.emails) {
    const checked = checkEmailAddress(email, organization.allowedDomains);
    if (!checked.ok) add('emails', checked.error);
  }
  const assignment = resolveAssignment(organization.catalogue, input);
  if (!assignment.ok) add('role', assignment.error);
  const groups = checkGroups(input.groups);
  if (!groups.ok) add('groups', groups.error);
  const message = checkMessage(input.message);
  if (!message.ok) add('message', message.error);
  return found;
}
