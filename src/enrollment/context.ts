// What the enrollment routes share: the database, the log, the CSRF key, the rate limiters, and
// how a page is sent (security headers on every one of them).
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { Db } from '../db/database.js';
import type { PagesDatabase } from '../db/pages-database.js';
import { loadAppSecret } from '../http/app-secret.js';
import { type Csrf, createCsrf } from '../http/csrf.js';
import { BodyError, FORM_BODY_LIMIT, readFormBody } from '../http/form-body.js';
import { type BucketOptions, RateLimiter } from '../http/rate-limit.js';
import { preferredLocale, socketAddress } from '../http/request.js';
import { pageHeaders } from '../http/security-headers.js';
import type { Route } from '../http/server.js';
import { discardUnreadBody } from '../http/unread-body.js';
import type { Locale } from '../i18n/locale.js';
import { type InvitationPageLoader, invitationPageLoader } from '../invitations/invitation-page.js';
import type { Logger } from '../log/logger.js';
import type { SecretBox } from '../security/secret-box.js';
import { type Refusal, refusalPage, refusalStatus } from './refusal-page.js';

export interface EnrollmentOptions {
  db: Db;
  /** For the accept page's one read (createPagesDatabase); ended by its owner at shutdown. */
  pages: PagesDatabase;
  log: Logger;
  /** True when the public URL is https: Secure __Host- cookies and HSTS. */
  secure?: boolean;
  /** The service's public URL (PUBLIC_URL): the identity provider's redirect URI is built from it. */
  publicUrl?: string;
  /** Opens the identity providers' client secrets (TOKEN_ENCRYPTION_KEY); no enterprise logins without it. */
  secretBox?: SecretBox;
  /** The client address rate limits count against (default: the socket's peer; see request.ts). */
  clientIp?: (req: IncomingMessage) => string;
  limits?: {
    /** Failed accept-token lookups per client address (default 20, then one a minute); valid links are not counted. */
    tokenGuesses?: BucketOptions;
    /** First-login attempts per client address (default 10, then one a minute). */
    loginAttempts?: BucketOptions;
    /** Largest form body in bytes (default 16 KiB). */
    bodyBytes?: number;
  };
  now?: () => Date;
}

export interface EnrollmentContext {
  db: Db;
  /** The accept page's read (batched: see src/invitations/invitation-page.ts). */
  loadInvitationPage: InvitationPageLoader;
  /** The accept page's brand, next step and inviter's address (src/enrollment/page-brand.ts). */
  log: Logger;
  secure: boolean;
  publicUrl: string | undefined;
  secretBox: SecretBox | undefined;
  clientIp: (req: IncomingMessage) => string;
  tokenGuesses: RateLimiter;
  loginAttempts: RateLimiter;
  bodyBytes: number;
  now: () => Date;
  csrf(): Promise<Csrf>;
}

export const CSRF_SECRET_NAME = 'csrf-hmac-key';

export function createContext(options: EnrollmentOptions): EnrollmentContext {
  const secure = options.secure ?? false;
  let csrf: Promise<Csrf> | undefined;
  return {
    db: options.db,
    loadInvitationPage: invitationPageLoader(options.pages),
    log: options.log,
    secure,
    publicUrl: options.publicUrl?.replace(/\/+$/, ''),
    secretBox: options.secretBox,
    clientIp: options.clientIp ?? socketAddress,
    tokenGuesses: new RateLimiter(options.limits?.tokenGuesses ?? { capacity: 20, refillMs: 60_000 }),
    loginAttempts: new RateLimiter(options.limits?.loginAttempts ?? { capacity: 10, refillMs: 60_000 }),
    bodyBytes: options.limits?.bodyBytes ?? FORM_BODY_LIMIT,
    now: options.now ?? (() => new Date()),
    csrf() {
      // Loaded on first use and kept; a failed load is retried by the next request.
      csrf ??= loadAppSecret(options.db, CSRF_SECRET_NAME).then(
        (key) => createCsrf(key, { secure }),
        (error: unknown) => {
          csrf = undefined;
          throw error;
        },
      );
      return csrf;
    },
  };
}

/** ?lang= or the form's lang first, then Accept-Language when it asks for fr or en, then the fallback. */
export function chooseLocale(asked: string | null | undefined, req: IncomingMessage, fallback: Locale): Locale {
  if (asked === 'fr' || asked === 'en') return asked;
  return preferredLocale(req.headers['accept-language']) ?? fallback;
}

export function sendPage(
  ctx: EnrollmentContext,
  res: ServerResponse,
  status: number,
  body: string,
  extra: OutgoingHttpHeaders = {},
): void {
  res.writeHead(status, {
    ...pageHeaders({ secure: ctx.secure }),
    ...extra,
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

export function sendRefusal(
  ctx: EnrollmentContext,
  res: ServerResponse,
  input: { locale: Locale; refusal: Refusal; hrefFor: (locale: Locale) => string; retryAfterSeconds?: number },
): void {
  const extra: OutgoingHttpHeaders = {};
  if (input.retryAfterSeconds !== undefined) extra['retry-after'] = String(input.retryAfterSeconds);
  // A body we did not read must not be taken for the next request on this connection.
  if (input.refusal === 'too_large' || input.refusal === 'unsupported') extra.connection = 'close';
  sendPage(ctx, res, refusalStatus[input.refusal], refusalPage(input), extra);
}

/**
 * Runs a page's handler; an unexpected error is logged under the route's name (never the path,
 * which may hold a token) and answered with an HTML error page rather than the server's JSON.
 */
export function guarded(
  ctx: EnrollmentContext,
  name: string,
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): Route {
  return async (req, res) => {
    try {
      await handler(req, res);
    } catch (error) {
      ctx.log.error('enrollment page failed', { route: name, error: String(error).slice(0, 500) });
      if (res.headersSent) return void res.end();
      const locale = chooseLocale(undefined, req, 'en');
      sendRefusal(ctx, res, { locale, refusal: 'error', hrefFor: (other) => `?lang=${other}` });
    }
  };
}

/**
 * Reads a form post at the edge: the body (size and type limits), its zod schema, then the CSRF
 * token. On any failure the refusal page is answered here and undefined returned.
 */
export async function readCheckedForm<F extends { csrf?: string | undefined; lang?: Locale | undefined }>(
  ctx: EnrollmentContext,
  req: IncomingMessage,
  res: ServerResponse,
  options: { schema: z.ZodType<F>; route: string; fallbackLocale: Locale; hrefFor: (locale: Locale) => string },
): Promise<{ form: F; csrf: Csrf } | undefined> {
  const refuse = (locale: Locale, refusal: Refusal) =>
    sendRefusal(ctx, res, { locale, refusal, hrefFor: options.hrefFor });
  let body: Record<string, string>;
  try {
    body = await readFormBody(req, ctx.bodyBytes);
  } catch (error) {
    if (!(error instanceof BodyError)) throw error;
    // The refusal closes the connection (see sendRefusal); the rest of the body is read away first.
    await discardUnreadBody(req);
    refuse(
      options.fallbackLocale,
      error.status === 413 ? 'too_large' : error.status === 415 ? 'unsupported' : 'bad_request',
    );
    return undefined;
  }
  const parsed = options.schema.safeParse(body);
  if (!parsed.success) {
    refuse(options.fallbackLocale, 'bad_request');
    return undefined;
  }
  const csrf = await ctx.csrf();
  if (!csrf.verify(req, parsed.data.csrf)) {
    ctx.log.warn('enrollment request refused', { route: options.route, reason: 'csrf' });
    refuse(chooseLocale(parsed.data.lang, req, 'en'), 'forbidden');
    return undefined;
  }
  return { form: parsed.data, csrf };
}
