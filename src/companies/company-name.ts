// A company's name: what may be typed, and the key that makes names unique within their parent.
import { AppError } from '../errors/app-error.js';
import { findTextFlaw } from '../text/edge-text.js';

export const COMPANY_NAME_MAX = 100;
/** `sesame companies move <name> --parent none` puts a company at the top level. */
export const NO_PARENT = 'none';

/** Names are compared trimmed, case-insensitively, with inner blanks collapsed. */
export const companyNameKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** The name as stored (trimmed, inner blanks collapsed), or the refusal. */
export function checkCompanyName(raw: string): string {
  // Control characters (a tab, a line break) are refused before blanks are collapsed, as in every
  // other name (src/text/edge-text.ts).
  const flawed = findTextFlaw(raw.trim()) !== undefined;
  const name = raw.trim().replace(/\s+/g, ' ');
  if (flawed || !name || name.length > COMPANY_NAME_MAX || name.includes('/')) {
    throw new AppError('company.name_invalid', { max: COMPANY_NAME_MAX }, 'invalid');
  }
  if (companyNameKey(name) === NO_PARENT) throw new AppError('company.name_reserved', { name }, 'invalid');
  return name;
}
