// The fields the invite and add dialogs share beyond the catalogue, from the choices read when the
// dialog opens (src/invitations/invite-form-choices.ts, as Slack's forms): how invitees sign in
// when the organization has an enabled identity provider, internal or external membership and the
// partner company when it has companies, and the Enterprise ID of a direct add. Each field's
// problem is shown above it, as the other fields' are.
import { membershipTexts } from '../../chat/rendering/membership-texts.js';
import type { Locale } from '../../i18n/locale.js';
import type { CompanyChoice, EnterpriseLoginChoice } from '../../invitations/invite-form-choices.js';
import { escapeTeamsMarkdown } from '../markdown.js';
import { teamsTexts } from '../teams-texts.js';
import { type Element, small, text } from './adaptive.js';
import { fieldProblem } from './dialog-parts.js';
import type { MemberPropertiesField, MemberPropertiesValues } from './member-properties-inputs.js';

/**
 * The shared fields, the member properties (member-properties-inputs.ts), and `form`: a problem
 * whose field the dialog does not show (told on top).
 */
export type MembershipField = 'signIn' | 'kind' | 'company' | 'enterpriseId' | MemberPropertiesField | 'form';

export interface MembershipValues extends MemberPropertiesValues {
  signIn?: string;
  kind?: string;
  company?: string;
  enterpriseId?: string;
}

type Problems = Partial<Record<MembershipField, string>>;

/**
 * Company choices are listed while they fit well inside Teams' recommended card size (28 KB,
 * counted in UTF-16) with the rest of the dialog; beyond that, the company is typed (its name, or
 * its path when names repeat) and the domain finds it. Characters of titles and values, plus each
 * choice's JSON.
 */
const COMPANY_CHOICES_BUDGET = 5000;
const CHOICE_OVERHEAD = 26;

/**
 * How invitees join: "a password" or "Continue with <label>", the enterprise login chosen first
 * (ArcGIS's default) unless the organization joins with a password; only the enterprise login when
 * the organization allows nothing else.
 */
export function signInInputs(
  login: EnterpriseLoginChoice | null,
  locale: Locale,
  values: MembershipValues,
  problems: Problems,
): Element[] {
  if (!login) return [];
  const texts = membershipTexts(locale);
  const choices = [
    ...(login.joinMode === 'ENTERPRISE' ? [] : [{ title: texts.signInPassword, value: 'password' }]),
    // A choice's title is plain text in Teams: the label is shown as configured.
    { title: texts.signInEnterprise(login.label), value: 'enterprise' },
  ];
  const chosen = choices.some((c) => c.value === values.signIn) ? values.signIn : undefined;
  return [
    ...fieldProblem(problems.signIn),
    {
      type: 'Input.ChoiceSet',
      id: 'signIn',
      label: texts.signInLabel,
      style: 'expanded',
      choices,
      value: chosen ?? (login.joinMode === 'PASSWORD' ? 'password' : 'enterprise'),
    },
    small(texts.signInHint(login.joinMode)),
  ];
}

/** Internal or external, and the partner company (covered first); nothing without companies. */
export function companyInputs(
  companies: readonly CompanyChoice[],
  locale: Locale,
  values: MembershipValues,
  problems: Problems,
): Element[] {
  if (companies.length === 0) return [];
  const texts = membershipTexts(locale);
  const choices = companies.map((c) => ({
    title: c.covered ? c.path : texts.companyNotSecured(c.path),
    value: c.path,
  }));
  const size = choices.reduce((sum, c) => sum + c.title.length + c.value.length + CHOICE_OVERHEAD, 0);
  const common = { id: 'company', label: texts.companyLabel, ...(values.company ? { value: values.company } : {}) };
  return [
    ...fieldProblem(problems.kind),
    {
      type: 'Input.ChoiceSet',
      id: 'kind',
      label: texts.kindLabel,
      style: 'expanded',
      choices: [
        { title: texts.kindInternal, value: 'internal' },
        { title: texts.kindExternal, value: 'external' },
      ],
      value: values.kind === 'external' ? 'external' : 'internal',
    },
    ...fieldProblem(problems.company),
    ...(size <= COMPANY_CHOICES_BUDGET
      ? [{ type: 'Input.ChoiceSet', style: 'compact', choices, ...common }, small(teamsTexts(locale).companyHint)]
      : [{ type: 'Input.Text', maxLength: 1000, ...common }, small(teamsTexts(locale).companyTypedHint)]),
  ];
}

/** The Enterprise ID of a direct add, with the warning that a wrong one makes an unusable account. */
export function enterpriseIdInputs(
  login: EnterpriseLoginChoice | null,
  locale: Locale,
  values: MembershipValues,
  problems: Problems,
): Element[] {
  if (!login) return [];
  const texts = membershipTexts(locale);
  return [
    ...fieldProblem(problems.enterpriseId),
    {
      type: 'Input.Text',
      id: 'enterpriseId',
      label: texts.enterpriseIdLabel,
      maxLength: 255,
      value: values.enterpriseId ?? '',
    },
    text(texts.enterpriseIdHint(escapeTeamsMarkdown(login.label)), { size: 'Small', color: 'Warning' }),
  ];
}
