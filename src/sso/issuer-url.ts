// Which issuer URLs Sesame talks to: https everywhere, http only on a loopback address (a
// provider run on the developer's machine or in the tests). Anything else could be read or
// changed on the way, and the ID tokens with it.
import { isIP } from 'node:net';
import { AppError } from '../errors/app-error.js';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopbackHost(hostname: string): boolean {
  if (LOOPBACK_NAMES.has(hostname)) return true;
  return isIP(hostname) === 4 && hostname.startsWith('127.');
}

/** The issuer as a URL without a trailing slash, or sso.issuer_invalid. */
export function checkIssuer(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new AppError('sso.issuer_invalid', { issuer: text }, 'invalid');
  }
  const secure = url.protocol === 'https:';
  const local = url.protocol === 'http:' && isLoopbackHost(url.hostname);
  if (!(secure || local) || url.username || url.password || url.search || url.hash) {
    throw new AppError('sso.issuer_invalid', { issuer: text }, 'invalid');
  }
  return new URL(url.href.replace(/\/+$/, ''));
}

/** http is allowed for this issuer (openid-client refuses it unless told). */
export const isInsecureLoopback = (issuer: string | URL): boolean => new URL(issuer).protocol === 'http:';
