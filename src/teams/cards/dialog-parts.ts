// What Sesame's Teams dialogs (invite, add a member) share: one choice of (user type · role), as
// Adaptive Cards have no dependent selects, and a problem shown above its field.
import { chatTexts } from '../../chat/rendering/texts.js';
import type { Locale } from '../../i18n/locale.js';
import { type Catalogue, grantableRoles } from '../../organizations/catalogue.js';
import { type Element, text } from './adaptive.js';

/** The value of one allowed (user type, role) pair, as the dialog submits it. */
export const assignmentValue = (userType: string, role: string) => `${userType}/${role}`;

/** Every pair the catalogue allows; the organization's default role is chosen first. */
export function assignmentChoiceSet(catalogue: Catalogue, locale: Locale, value?: string): Element {
  const texts = chatTexts(locale);
  const choices = catalogue.userTypes.flatMap((u) =>
    grantableRoles(catalogue, u.key).map((r) => ({
      title: `${u.names[locale]} · ${r.names[locale]}`,
      value: assignmentValue(u.key, r.key),
    })),
  );
  const defaultType = catalogue.userTypes.find((u) => u.allowedRoles.includes(catalogue.defaultRole));
  return {
    type: 'Input.ChoiceSet',
    id: 'assignment',
    label: `${texts.userTypeLabel} · ${texts.roleLabel}`,
    choices,
    value: value ?? assignmentValue(defaultType?.key ?? '', catalogue.defaultRole),
  };
}

/** The problem found in a field, shown above it (nothing when there is none). */
export const fieldProblem = (problem: string | undefined): Element[] =>
  problem ? [text(problem, { color: 'Attention', size: 'Small' })] : [];
