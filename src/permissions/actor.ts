// Who is acting, in which organization, from which channel. Every domain operation that
// changes something takes an Actor; permissions are checked against it in the domain.
import type { Member } from '../generated/prisma/client.js';
import type { Locale } from '../i18n/locale.js';
import type { Organization } from '../organizations/organization.js';

export type Channel = 'cli' | 'slack' | 'teams' | 'web' | 'system';

export interface Actor {
  member: Member;
  organization: Organization;
  channel: Channel;
  /** The language to answer in (the member's chat locale, or the organization's). */
  locale: Locale;
}
