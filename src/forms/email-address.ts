// E-mail address rules shared by every way of inviting or adding someone.
import { z } from 'zod';
import { fail, ok, type Result } from '../errors/result.js';
import { notice } from '../i18n/messages.js';
import { checkEdgeText } from '../text/edge-text.js';

const emailShape = z.email({ pattern: z.regexes.html5Email });

/** Trims and lower-cases: addresses are compared case-insensitively within an organization. */
export const normalizeEmail = (raw: string) => raw.trim().toLowerCase();

export function checkEmailAddress(raw: string | undefined, allowedDomains: readonly string[] = []): Result<string> {
  const email = normalizeEmail(raw ?? '');
  if (!email) return fail(notice('email.required', {}));
  // Before the shape: the message names the character instead of echoing it.
  const clean = checkEdgeText('E-mail address', email);
  if (!clean.ok) return clean;
  // Apostrophes (straight or typographic) are valid in RFC 5322 but refused, as ArcGIS does:
  // they break too many systems downstream. Say so rather than "malformed".
  if (/['\u2019]/.test(email)) return fail(notice('email.apostrophe', { email }));
  if (email.length > 254 || !emailShape.safeParse(email).success || !/\.[a-z]{2,}$/.test(email)) {
    return fail(notice('email.malformed', { email }));
  }
  if (allowedDomains.length > 0 && !isInAllowedDomains(email, allowedDomains)) {
    return fail(notice('email.domain_not_allowed', { email, domains: allowedDomains.join(', ') }));
  }
  return ok(email);
}

/** A domain allows itself and its subdomains (example.com allows eu.example.com). */
export function isInAllowedDomains(email: string, allowedDomains: readonly string[]): boolean {
  const domain = email.slice(email.lastIndexOf('@') + 1);
  return allowedDomains.some((allowed) => {
    const d = allowed.trim().toLowerCase().replace(/^@/, '');
    return domain === d || domain.endsWith(`.${d}`);
  });
}
