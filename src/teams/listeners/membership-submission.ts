// What the invite and add dialogs' shared fields (src/teams/cards/membership-inputs.ts) submit:
// read at the edge, turned into the domain's input, and the domain's refusals about them placed
// above their field, so that the admin corrects the dialog instead of starting over.
import { z } from 'zod';
import { membershipTexts } from '../../chat/rendering/membership-texts.js';
import { isAppError } from '../../errors/app-error.js';
import type { Locale } from '../../i18n/locale.js';
import type { InviteFormChoices } from '../../invitations/invite-form-choices.js';
import type { Logger } from '../../log/logger.js';
import type { MembershipField, MembershipValues } from '../cards/membership-inputs.js';
import { teamsErrorText } from '../reply.js';

/** The shared fields of a submission; all optional: a dialog shows only those that apply. */
export const membershipSubmission = {
  signIn: z.enum(['password', 'enterprise']).optional(),
  kind: z.enum(['internal', 'external']).default('internal'),
  company: z.string().max(1000).default(''),
  enterpriseId: z.string().max(1000).default(''),
};

type Submitted = { kind: 'internal' | 'external'; company: string };

/**
 * Internal or external, for the domain: the company is named only for an external member (the
 * domain reads a company as "external"), and an external member without one is the domain's
 * refusal to tell.
 */
export const membershipOf = (values: Submitted): { external: boolean; company?: string } =>
  values.kind === 'external' ? { external: true, company: values.company.trim() || undefined } : { external: false };

/**
 * What the edge refuses before the domain: a company chosen for an internal member (Adaptive Cards
 * cannot hide the company when "internal" is chosen). The dialog comes back with the company
 * cleared, so that sending it again as it is invites an internal member.
 */
export function companyForInternal(
  values: Submitted,
  locale: Locale,
): { problems: Partial<Record<MembershipField, string>>; values: Partial<MembershipValues> } | null {
  if (values.kind === 'external' || !values.company.trim()) return null;
  return { problems: { company: membershipTexts(locale).companyForInternal }, values: { company: '' } };
}

/** The fields a refusal is about, in the order they are looked for in the dialog. */
const fieldsOf: Record<string, MembershipField[]> = {
  'company.not_found': ['company'],
  'company.ambiguous': ['company'],
  'company.not_covered': ['company'],
  'company.not_covered_alone': ['company'],
  'company.external_needs_company': ['company'],
  'company.external_seats_full': ['kind'],
  'sso.enterprise_needs_provider': ['signIn', 'enterpriseId'],
  'sso.password_join_disabled': ['signIn'],
  'sso.enterprise_id_invalid': ['enterpriseId'],
  'sso.enterprise_id_taken': ['enterpriseId'],
  'licence.unknown': ['licences'],
  'licence.not_compatible': ['licences'],
  'licence.none_left': ['licences'],
  'credits.invalid': ['credits'],
  'permission.set_credits': ['credits'],
  'language.invalid': ['language'],
};

/** The shared fields a dialog shows, from the choices it is drawn with. */
export function shownFields(choices: InviteFormChoices, dialog: 'invite' | 'add'): MembershipField[] {
  const login: MembershipField[] = choices.enterpriseLogin ? [dialog === 'invite' ? 'signIn' : 'enterpriseId'] : [];
  return [
    ...login,
    ...(choices.companies.length > 0 ? (['kind', 'company'] as const) : []),
    ...(choices.licences.length > 0 ? (['licences'] as const) : []),
    ...(choices.canSetCredits ? (['credits'] as const) : []),
    'language',
  ];
}

/**
 * A domain refusal about a shared field, as the problem to show above it (on top of the dialog
 * when the field is not shown, e.g. the provider was disabled meanwhile); null for the others,
 * which the listener answers as before.
 */
export function membershipRefusal(
  error: unknown,
  shown: readonly MembershipField[],
  locale: Locale,
  log: Logger,
): Partial<Record<MembershipField, string>> | null {
  const fields = isAppError(error) ? fieldsOf[error.code] : undefined;
  if (!isAppError(error) || !fields) return null;
  const field = fields.find((f) => shown.includes(f)) ?? 'form';
  // The shared text names the CLI's --company option; the dialog has its own words.
  const problem =
    error.code === 'company.external_needs_company'
      ? membershipTexts(locale).companyNeeded
      : teamsErrorText(error, locale, log, 'dialog');
  return { [field]: problem };
}
