// The company of an external member, checked when the invite or add form is submitted, before its
// answer: a refusal (not covered, unknown, ambiguous) is shown on the company field, where the
// admin can choose again. The check is the domain's own (coveredCompany, the rule the invitation
// and the add apply again under the organization's lock); the chosen option carries the company's
// id, turned into its path through the form's choices.
//
// "Internal" chosen means internal: Slack cannot empty a select, so the kind radio is how an
// admin takes a company back, and a company left by an older draw of the form is ignored.
import type { WebClient } from '@slack/web-api';
import { membershipTexts } from '../../chat/rendering/membership-texts.js';
import { coveredCompany } from '../../companies/external-company.js';
import type { Db } from '../../db/database.js';
import { AppError, isAppError } from '../../errors/app-error.js';
import type { Locale } from '../../i18n/locale.js';
import { renderNotice } from '../../i18n/messages.js';
import { inviteFormChoices } from '../../invitations/invite-form-choices.js';
import { membershipBlockIds } from '../blocks/membership-blocks.js';
import { identify, withinBudget } from '../identify.js';
import type { MembershipFields } from '../view-state.js';

export type CheckedMembership =
  | { ok: true; input: { external?: true; company?: string } }
  | { ok: false; errors: Record<string, string> };

/**
 * Who submits a form, needed before its answer (their permissions, their language): users.info
 * gets part of Slack's 3 s only (chat.slack_slow past it).
 */
export async function submitter(db: Db, client: WebClient, request: { teamId: string; userId: string }) {
  const who = await withinBudget(identify(db, client, request));
  if (!who.linked) throw new AppError('chat.not_linked', {}, 'forbidden');
  return who.actor;
}

export async function checkMembership(
  db: Db,
  client: WebClient,
  request: { teamId: string; userId: string },
  fields: MembershipFields,
  locale: Locale,
): Promise<CheckedMembership> {
  if (!fields.external) return { ok: true, input: {} };
  // The company's errors go on its field; a form drawn before "External" was chosen has none yet.
  const place = fields.companyShown ? membershipBlockIds.company : membershipBlockIds.kind;
  let shownIn = locale;
  try {
    const actor = await submitter(db, client, request);
    shownIn = actor.locale;
    const choices = await inviteFormChoices(db, actor);
    const ref = fields.companyName ?? choices.companies.find((company) => company.id === fields.companyId)?.path;
    if (!ref) return { ok: false, errors: { [place]: membershipTexts(shownIn).companyNeeded } };
    await coveredCompany(db, actor.organization.id, ref);
    return { ok: true, input: { external: true, company: ref } };
  } catch (error) {
    if (!isAppError(error)) throw error;
    // Slack shows a field's error as plain text, within 2,000 characters.
    return { ok: false, errors: { [place]: renderNotice(shownIn, error).slice(0, 2000) } };
  }
}
