// Small readers of the request that every page needs: cookies, client address, query, language.
import type { IncomingMessage } from 'node:http';
import type { Locale } from '../i18n/locale.js';

export function cookies(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) out[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  return out;
}

/**
 * The address rate limits are counted against: the socket's peer. Behind a reverse proxy every
 * request comes from the proxy, so the service must then be given a `clientIp` that reads the
 * proxy's header (X-Forwarded-For is only trustworthy when the proxy overwrites it).
 */
export const socketAddress = (req: IncomingMessage): string => req.socket.remoteAddress ?? 'unknown';

export function requestUrl(req: IncomingMessage): URL {
  return new URL(req.url ?? '/', 'http://localhost');
}

/**
 * French or English when Accept-Language asks for one of them (the first by preference, q
 * values honoured); undefined when it asks for neither, so the caller falls back.
 */
export function preferredLocale(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  let best: { locale: Locale; q: number } | undefined;
  for (const item of header.split(',')) {
    const [range = '', ...params] = item.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    const primary = range.split('-')[0];
    if ((primary === 'fr' || primary === 'en') && Number.isFinite(q) && q > 0 && (!best || q > best.q)) {
      best = { locale: primary, q };
    }
  }
  return best?.locale;
}

/**
 * The client's address as the reverse proxy in front of Sesame saw it: the last entry of
 * X-Forwarded-For is the one that proxy added (earlier entries come from the client and can be
 * forged). Without the header, the socket's peer.
 */
export const forwardedAddress = (req: IncomingMessage): string => {
  const header = req.headers['x-forwarded-for'];
  const value = Array.isArray(header) ? header.join(',') : header;
  const last = value?.split(',').pop()?.trim();
  return last || socketAddress(req);
};
