// The member properties an invite or a direct add asks for (licences, credits, language), checked
// before anything is written; the first problem refuses the whole operation. The licences' room is
// checked later, under the organization's lock, by the writer that takes them.
import type { Db } from '../db/database.js';
import { unwrap } from '../errors/app-error.js';
import type { Locale } from '../i18n/locale.js';
import type { Actor } from '../permissions/actor.js';
import { assertCanSetCredits } from '../permissions/policy.js';
import { resolveLicences } from './assign-licences.js';
import { readLicences } from './licence-catalogue.js';
import { type CreditAllocation, parseCredits, parseLanguage } from './member-settings.js';

export interface MemberPropertiesInput {
  /** Licences by key or name, in either language. */
  licences?: string[];
  /** A whole number or "unlimited"; only administrators may set it. */
  credits?: string;
  /** fr or en. */
  language?: string;
}

export interface MemberPropertiesValue {
  licences: string[];
  credits: CreditAllocation | null;
  language: Locale | null;
}

export async function checkMemberProperties(
  db: Db,
  actor: Actor,
  input: MemberPropertiesInput,
  /** The user types of the people they go to (several for a mixed batch). */
  userTypes: string[],
): Promise<MemberPropertiesValue> {
  const credits = unwrap(parseCredits(input.credits));
  if (credits !== null) assertCanSetCredits(actor);
  const language = unwrap(parseLanguage(input.language));
  const asked = (input.licences ?? []).map((l) => l.trim()).filter(Boolean);
  const licences =
    asked.length === 0
      ? []
      : unwrap(
          resolveLicences(
            await readLicences(db, actor.organization.id),
            actor.organization.catalogue,
            asked,
            userTypes,
          ),
        );
  return { licences, credits, language };
}
