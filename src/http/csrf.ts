// CSRF protection by signed double submit: a random nonce in an HttpOnly, SameSite=Strict cookie,
// and in the form the HMAC of that nonce under a key only the service knows. A forged form has no
// valid HMAC; a cookie planted by a sibling domain has no matching form field.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { cookies } from './request.js';

export interface CsrfToken {
  /** The form's hidden field value. */
  token: string;
  /** A Set-Cookie header value when the request had no (valid) nonce cookie yet. */
  setCookie?: string;
}

export interface Csrf {
  /** The token for a page; reuses the browser's nonce so several open tabs keep working. */
  issue(req: IncomingMessage): CsrfToken;
  verify(req: IncomingMessage, token: string | undefined): boolean;
}

export const CSRF_FIELD = 'csrf';
const NONCE = /^[A-Za-z0-9_-]{43}$/;

// Nonces are cut from a batch of random bytes: the same CSPRNG output as one randomBytes(32) per
// page, without a call into OpenSSL on every first visit (the accept page is the hot path).
let batch = Buffer.alloc(0);
let used = 0;
function newNonce(): string {
  if (used + 32 > batch.length) {
    batch = randomBytes(32 * 128);
    used = 0;
  }
  used += 32;
  return batch.subarray(used - 32, used).toString('base64url');
}

export function createCsrf(key: Buffer, options: { secure: boolean }): Csrf {
  // __Host- cookies must be Secure, host-only and Path=/: only possible over HTTPS.
  const cookieName = options.secure ? '__Host-sesame-csrf' : 'sesame-csrf';
  const sign = (nonce: string) => createHmac('sha256', key).update(`csrf:${nonce}`).digest('base64url');
  const nonceOf = (req: IncomingMessage) => {
    const nonce = cookies(req)[cookieName];
    return nonce && NONCE.test(nonce) ? nonce : undefined;
  };
  return {
    issue(req) {
      const existing = nonceOf(req);
      if (existing) return { token: sign(existing) };
      const nonce = newNonce();
      const attributes = ['Path=/', 'HttpOnly', 'SameSite=Strict', ...(options.secure ? ['Secure'] : [])];
      return { token: sign(nonce), setCookie: [`${cookieName}=${nonce}`, ...attributes].join('; ') };
    },
    verify(req, token) {
      const nonce = nonceOf(req);
      if (!nonce || !token) return false;
      const expected = Buffer.from(sign(nonce));
      const given = Buffer.from(token);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
