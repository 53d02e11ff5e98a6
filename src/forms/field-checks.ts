// Field rules shared by the single invite, the import, the direct add and the enrollment pages:
// names, an invitation's message, groups.
import { fail, ok, type Result } from '../errors/result.js';
import { notice } from '../i18n/messages.js';
import { checkEdgeText } from '../text/edge-text.js';

export const NAME_MAX = 100;
export const MESSAGE_MAX = 2000;
export const GROUP_MAX = 100;

export function checkName(field: 'First name' | 'Last name', raw: string | undefined): Result<string> {
  // Surrounding blanks (a pasted line break) are trimmed; one inside the name is refused.
  const value = (raw ?? '').trim();
  const clean = checkEdgeText(field, value);
  if (!clean.ok) return clean;
  return value.length > NAME_MAX ? fail(notice('name.too_long', { field, max: NAME_MAX })) : ok(value);
}

export function checkMessage(raw: string | undefined | null): Result<string | null> {
  const value = (raw ?? '').trim();
  const clean = checkEdgeText('Message', value, 'lines');
  if (!clean.ok) return clean;
  if (value.length > MESSAGE_MAX) return fail(notice('message.too_long', { max: MESSAGE_MAX }));
  return ok(value || null);
}

export function checkGroups(raw: readonly string[] | undefined): Result<string[]> {
  const groups = [...new Set((raw ?? []).map((g) => g.trim()).filter(Boolean))];
  for (const group of groups) {
    const clean = checkEdgeText('Group', group);
    if (!clean.ok) return clean;
  }
  const bad = groups.find((g) => g.length > GROUP_MAX);
  return bad ? fail(notice('group.invalid', { group: bad })) : ok(groups);
}
