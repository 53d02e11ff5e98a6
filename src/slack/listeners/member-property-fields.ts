// The member properties of an invite or add form (issue 17: add-on licences, credits, language),
// checked when the form is submitted, before its answer, so that a refusal is shown on its field:
// first the credits and the language as typed or chosen; then, with licences or credits, the
// domain's own check for the chosen user type (checkMemberProperties: an unknown or incompatible
// licence, the right to allocate credits), and whether any of each licence is left
// (licenceShortfall, the rule the invite and the add apply again under the organization's lock; an
// open invitation the add supersedes gives its own back). Within an invite of several addresses,
// those beyond what is left are refused one by one in the summary, as every channel reports them.
import type { WebClient } from '@slack/web-api';
import type { Db } from '../../db/database.js';
import { isAppError } from '../../errors/app-error.js';
import type { Locale } from '../../i18n/locale.js';
import { renderNotice } from '../../i18n/messages.js';
import { checkMemberProperties, type MemberPropertiesInput } from '../../licences/check-member-properties.js';
import { licenceShortfall } from '../../licences/licence-room.js';
import { parseCredits, parseLanguage } from '../../licences/member-settings.js';
import { resolveAssignment } from '../../organizations/catalogue.js';
import { assertCanManageInvitations } from '../../permissions/policy.js';
import { licencesBlockId, memberPropertyBlockIds } from '../blocks/member-properties-blocks.js';
import type { MemberPropertiesFields, MembershipFields } from '../view-state.js';
import { checkMembership, submitter } from './membership-fields.js';

export type CheckedMemberProperties =
  | { ok: true; input: MemberPropertiesInput }
  | { ok: false; errors: Record<string, string> };

type Fields = MemberPropertiesFields & { userType?: string; role?: string };

/**
 * The company (membership-fields.ts) and the member properties, checked together before the
 * answer: every refusal on its field, or what they add to the form's input.
 */
export async function checkMembershipAndProperties(
  db: Db,
  client: WebClient,
  request: { teamId: string; userId: string },
  fields: Fields & MembershipFields,
  locale: Locale,
  /** The address a direct add is for (see checkMemberPropertyFields). */
  addedEmail?: string,
): Promise<
  | { ok: true; input: { external?: true; company?: string } & MemberPropertiesInput }
  | { ok: false; errors: Record<string, string> }
> {
  const membership = await checkMembership(db, client, request, fields, locale);
  const properties = await checkMemberPropertyFields(db, client, request, fields, locale, addedEmail);
  if (membership.ok && properties.ok) return { ok: true, input: { ...membership.input, ...properties.input } };
  return {
    ok: false,
    errors: { ...(membership.ok ? {} : membership.errors), ...(properties.ok ? {} : properties.errors) },
  };
}

/** Slack shows a field's error as plain text, within 2,000 characters. */
const shown = (text: string) => text.slice(0, 2000);

export async function checkMemberPropertyFields(
  db: Db,
  client: WebClient,
  request: { teamId: string; userId: string },
  fields: Fields,
  locale: Locale,
  /** The address a direct add is for: an open invitation to it gives its licences back. */
  addedEmail?: string,
): Promise<CheckedMemberProperties> {
  const input: MemberPropertiesInput = {
    ...(fields.licences.length > 0 ? { licences: fields.licences } : {}),
    ...(fields.credits ? { credits: fields.credits } : {}),
    ...(fields.language ? { language: fields.language } : {}),
  };
  const credits = parseCredits(fields.credits);
  const language = parseLanguage(fields.language);
  const errors: Record<string, string> = {};
  if (!credits.ok) errors[memberPropertyBlockIds.credits] = shown(renderNotice(locale, credits.error));
  if (!language.ok) errors[memberPropertyBlockIds.language] = shown(renderNotice(locale, language.error));
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (!input.licences && !input.credits) return { ok: true, input };
  let shownIn = locale;
  try {
    const actor = await submitter(db, client, request);
    shownIn = actor.locale;
    assertCanManageInvitations(actor);
    const assignment = resolveAssignment(actor.organization.catalogue, fields);
    // A role or user type refused is shown by the form's own checks; the domain refuses it again.
    if (!assignment.ok) return { ok: true, input };
    const { licences } = await checkMemberProperties(db, actor, input, [assignment.value.userType]);
    const noneLeft = licences.length > 0 ? await licenceShortfall(db, actor, licences, addedEmail) : null;
    if (noneLeft) throw noneLeft;
    return { ok: true, input };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { ok: false, errors: { [placeOf(error.code, fields)]: shown(renderNotice(shownIn, error)) } };
  }
}

/** Each refusal on its field; what concerns the asker (Slack slow, no permission) on the first property asked. */
function placeOf(code: string, fields: Fields): string {
  if (code.startsWith('credits.') || code === 'permission.set_credits') return memberPropertyBlockIds.credits;
  if (code.startsWith('language.')) return memberPropertyBlockIds.language;
  if (fields.licences.length > 0) return fields.licencesBlockId ?? licencesBlockId(fields.userType);
  return memberPropertyBlockIds.credits;
}
