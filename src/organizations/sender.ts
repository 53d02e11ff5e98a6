// Who an e-mail to an invitee or a new member comes from, and who their reply reaches. The address
// is always the operator's verified SendGrid sender (SENDGRID_FROM_EMAIL): only the name and the
// reply-to change, so that mail providers keep trusting the sender while the invitee sees a person.
//   - from name: the organization's own (org set from-name), else "<inviter's name> via <organization>",
//     else the organization's name alone (an inviter with no name, or no longer a member);
//   - reply-to: the organization's own address (org set reply-to), else the inviter's.
import type { Address } from '../email/outgoing-email.js';

export interface Person {
  email: string;
  firstName: string;
  lastName: string;
}

export interface SenderSettings {
  emailFromName: string | null;
  emailReplyTo: string | null;
}

export const fullName = (person: Pick<Person, 'firstName' | 'lastName'>): string =>
  [person.firstName, person.lastName]
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' ');

/** "Jeanne Dupont (jeanne@acme.example)", or the address alone when the name is not known. */
export const withAddress = (name: string, email: string): string =>
  !name.trim() || name === email ? email : `${name} (${email})`;

export const nameWithAddress = (person: Person): string => withAddress(fullName(person), person.email);

/** Longest from name: mail clients cut longer ones anyway. */
const FROM_NAME_MAX = 100;

export function senderOf(
  settings: SenderSettings,
  organizationName: string,
  person: Person | null,
): { fromName: string; replyTo?: Address } {
  const name = person ? fullName(person) : '';
  // "via" reads the same in English and French.
  const fromName = settings.emailFromName ?? (name ? `${name} via ${organizationName}` : organizationName);
  const replyTo = settings.emailReplyTo
    ? { email: settings.emailReplyTo }
    : person
      ? { email: person.email, ...(name ? { name } : {}) }
      : undefined;
  return { fromName: fromName.slice(0, FROM_NAME_MAX), ...(replyTo ? { replyTo } : {}) };
}
