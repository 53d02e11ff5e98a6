// Usernames: 6 to 128 letters, digits, ".", "_" or "@" (ArcGIS's rule), compared
// case-insensitively and stored lower-cased.
import { fail, ok, type Result } from '../errors/result.js';
import { notice } from '../i18n/messages.js';
import { checkEdgeText } from '../text/edge-text.js';

const USERNAME = /^[A-Za-z0-9._@]{6,128}$/;

export function checkUsername(raw: string): Result<string> {
  const username = raw.trim();
  // Before the shape: the message names the character instead of echoing it.
  const clean = checkEdgeText('Username', username);
  if (!clean.ok) return clean;
  if (!USERNAME.test(username)) return fail(notice('username.invalid', { username }));
  return ok(username.toLowerCase());
}

/**
 * The username given to someone who has none: derived from the e-mail, which is already unique
 * in the organization, so collisions only come from the character clean-up and are rare.
 */
export function usernameFromEmail(email: string): string {
  const cleaned = email.toLowerCase().replace(/[^a-z0-9._@]/g, '_');
  return cleaned.padEnd(6, '_').slice(0, 128);
}

/** The next candidate when `base` is taken: base_2, base_3... kept within 128 characters. */
export function usernameVariant(base: string, n: number): string {
  const suffix = `_${n}`;
  return base.slice(0, 128 - suffix.length) + suffix;
}
