// GET /sso/start and GET /sso/callback: thin adapters over src/sso. The start binds the sign-in
// to this browser with a cookie (HttpOnly, SameSite=Lax so that it comes back with the
// provider's top-level redirect, Secure and __Host- under https); the callback takes the sign-in
// once and ends on a page. Logs name the invitation or the member, never a token or a claim.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAppError } from '../errors/app-error.js';
import { cookies, requestUrl } from '../http/request.js';
import { pageHeaders } from '../http/security-headers.js';
import type { Route } from '../http/server.js';
import type { Locale } from '../i18n/locale.js';
import type { ClosedLink } from '../invitations/invitation-page.js';
import { finishSignIn, SignInFailed } from '../sso/finish-sign-in.js';
import { joinWithEnterpriseLogin } from '../sso/join-with-enterprise-login.js';
import { signInMember } from '../sso/sign-in-member.js';
import { SIGN_IN_TTL_MS } from '../sso/sign-in-state.js';
import { startSignIn } from '../sso/start-sign-in.js';
import { acceptPath, closedLinkPage } from './accept-page.js';
import { closedStatus } from './accept-routes.js';
import { chooseLocale, type EnrollmentContext, guarded, sendPage, sendRefusal } from './context.js';
import { loadOrganizationPageBrand } from './page-brand.js';
import {
  enterpriseJoinedPage,
  heldPage,
  SSO_CALLBACK_PATH,
  SSO_START_PATH,
  signedInPage,
  ssoRefusalPage,
} from './sso-page.js';

export const SSO_START = `GET ${SSO_START_PATH}`;
export const SSO_CALLBACK = `GET ${SSO_CALLBACK_PATH}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const refusalStatus: Record<string, number> = {
  'sso.state_invalid': 400,
  'sso.cancelled': 400,
  'sso.provider_down': 502,
  'sso.token_refused': 403,
  'sso.email_mismatch': 403,
  'sso.email_unverified': 403,
  'sso.identity_taken': 409,
  'sso.subject_mismatch': 403,
  'sso.no_account': 403,
  'sso.not_configured': 404,
};
const closedFromCode: Record<string, ClosedLink> = {
  'accept.unknown': 'unknown',
  'accept.expired': 'expired',
  'accept.revoked': 'revoked',
  'accept.used': 'used',
  'accept.suspended': 'suspended',
  'accept.held': 'held',
};

export function ssoRoutes(ctx: EnrollmentContext): Record<string, Route> {
  const cookieName = ctx.secure ? '__Host-sesame-sso' : 'sesame-sso';
  const cookie = (value: string, maxAgeSeconds: number) =>
    [`${cookieName}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeSeconds}`]
      .concat(ctx.secure ? ['Secure'] : [])
      .join('; ');
  const redirectUri = () => `${ctx.publicUrl}${SSO_CALLBACK_PATH}`;

  /** Past the accept page's allowance of failed lookups: 429, like the accept page. */
  const limited = (req: IncomingMessage, res: ServerResponse, route: string, locale: Locale): boolean => {
    const ip = ctx.clientIp(req);
    if (ctx.tokenGuesses.take(ip)) return false;
    ctx.log.warn('enrollment request refused', { route, reason: 'rate_limited' });
    sendRefusal(ctx, res, {
      locale,
      refusal: 'too_many',
      hrefFor: (other) => `?lang=${other}`,
      retryAfterSeconds: ctx.tokenGuesses.retryAfter(ip),
    });
    return true;
  };
  const unavailable = (res: ServerResponse, locale: Locale) =>
    sendPage(ctx, res, 404, ssoRefusalPage({ locale, code: 'sso.not_configured', params: {} }));

  return {
    [SSO_START]: guarded(ctx, SSO_START, async (req, res) => {
      const url = requestUrl(req);
      const asked = url.searchParams.get('lang');
      const token = url.searchParams.get('token');
      const org = url.searchParams.get('org');
      let target: { organizationId: string; invitationId: string | null; locale: Locale };
      if (token !== null) {
        const found = await ctx.loadInvitationPage(token, ctx.now());
        if ('closed' in found) {
          const locale = chooseLocale(asked, req, 'en');
          if (found.closed === 'unknown' && limited(req, res, SSO_START, locale)) return;
          return sendPage(
            ctx,
            res,
            closedStatus[found.closed],
            closedLinkPage({ locale, token, closed: found.closed }),
          );
        }
        const page = found.open;
        const locale = chooseLocale(asked, req, page.organization.locale);
        // Not an enterprise invitation (or the provider was turned off): the accept page says what to do.
        if (!page.sso) return redirect(ctx, res, `${acceptPath(token)}?lang=${locale}`);
        target = { organizationId: page.organization.id, invitationId: page.invitationId, locale };
      } else if (org && UUID.test(org)) {
        target = { organizationId: org, invitationId: null, locale: chooseLocale(asked, req, 'en') };
      } else {
        return sendRefusal(ctx, res, {
          locale: chooseLocale(asked, req, 'en'),
          refusal: 'bad_request',
          hrefFor: (l) => `?lang=${l}`,
        });
      }
      if (!ctx.publicUrl || !ctx.secretBox) return unavailable(res, target.locale);
      let started: Awaited<ReturnType<typeof startSignIn>>;
      try {
        started = await startSignIn(
          ctx.db,
          { ...target, redirectUri: redirectUri() },
          { secretBox: ctx.secretBox, now: ctx.now() },
        );
      } catch (error) {
        if (isAppError(error) && error.code === 'sso.not_configured') return unavailable(res, target.locale);
        if (isAppError(error)) throw error;
        ctx.log.warn('enterprise login unavailable', { route: SSO_START, reason: 'provider_down' });
        return sendPage(
          ctx,
          res,
          502,
          ssoRefusalPage({ locale: target.locale, code: 'sso.provider_down', params: {} }),
        );
      }
      ctx.log.info('enterprise login started', { route: SSO_START, invitationId: target.invitationId ?? undefined });
      redirect(ctx, res, started.authorizationUrl.href, cookie(started.browserSecret, SIGN_IN_TTL_MS / 1000));
    }),

    [SSO_CALLBACK]: guarded(ctx, SSO_CALLBACK, async (req, res) => {
      const url = requestUrl(req);
      const fallback = chooseLocale(undefined, req, 'en');
      if (!ctx.publicUrl || !ctx.secretBox) return unavailable(res, fallback);
      // The URL the provider redirected to, as registered (PUBLIC_URL), with its parameters.
      const callbackUrl = new URL(`${redirectUri()}${url.search}`);
      const clear = { 'set-cookie': cookie('', 0) };
      let locale = fallback;
      try {
        const finished = await finishSignIn(
          ctx.db,
          { callbackUrl, browserSecret: cookies(req)[cookieName] },
          { secretBox: ctx.secretBox, now: ctx.now() },
        );
        // The language the invitee chose on the accept page (kept with the sign-in).
        locale = finished.login.locale;
        const label = finished.provider.label;
        if (finished.login.invitationId) {
          const joined = await joinWithEnterpriseLogin(
            ctx.db,
            { invitationId: finished.login.invitationId, provider: finished.provider, identity: finished.identity },
            ctx.now(),
          );
          ctx.log.info('invitation accepted', {
            route: SSO_CALLBACK,
            invitationId: finished.login.invitationId,
            memberId: joined.member.id,
            method: 'enterprise',
          });
          return sendPage(
            ctx,
            res,
            200,
            enterpriseJoinedPage({
              locale,
              organization: joined.organization.name,
              label,
              ...(await loadOrganizationPageBrand(ctx.db, joined.organization)),
            }),
            clear,
          );
        }
        const signedIn = await signInMember(
          ctx.db,
          { organizationId: finished.login.organizationId, identity: finished.identity, provider: finished.provider },
          ctx.now(),
        );
        if (signedIn.status === 'held') {
          ctx.log.info('enterprise sign-in', { route: SSO_CALLBACK, outcome: 'held_for_approval' });
          const { brand } = await loadOrganizationPageBrand(ctx.db, signedIn.organization);
          return sendPage(ctx, res, 202, heldPage({ locale, organization: signedIn.organization.name, brand }), clear);
        }
        if (signedIn.status === 'joined') {
          ctx.log.info('enterprise sign-in', {
            route: SSO_CALLBACK,
            memberId: signedIn.member.id,
            outcome: 'auto_joined',
          });
          return sendPage(
            ctx,
            res,
            200,
            enterpriseJoinedPage({
              locale,
              organization: signedIn.organization.name,
              label,
              ...(await loadOrganizationPageBrand(ctx.db, signedIn.organization)),
            }),
            clear,
          );
        }
        ctx.log.info('enterprise sign-in', {
          route: SSO_CALLBACK,
          memberId: signedIn.member.id,
          firstSignIn: signedIn.firstSignIn,
        });
        const branded = await loadOrganizationPageBrand(ctx.db, signedIn.organization);
        sendPage(
          ctx,
          res,
          200,
          signedInPage({ locale, organization: signedIn.organization.name, label, ...branded }),
          clear,
        );
      } catch (error) {
        if (error instanceof SignInFailed) {
          if (error.login) locale = error.login.locale;
          ctx.log.warn('enterprise login refused', { route: SSO_CALLBACK, reason: error.failure });
          if (error.failure === 'state' && limited(req, res, SSO_CALLBACK, locale)) return;
        } else if (isAppError(error)) {
          ctx.log.warn('enterprise login refused', { route: SSO_CALLBACK, reason: error.code });
        }
        if (!isAppError(error)) throw error;
        const closed = closedFromCode[error.code];
        if (closed)
          return sendPage(ctx, res, closedStatus[closed], closedLinkPage({ locale, token: '', closed }), clear);
        const status = refusalStatus[error.code];
        if (status === undefined) throw error;
        sendPage(ctx, res, status, ssoRefusalPage({ locale, code: error.code, params: error.params as never }), clear);
      }
    }),
  };
}

function redirect(ctx: EnrollmentContext, res: ServerResponse, location: string, setCookie?: string): void {
  res.writeHead(303, {
    ...pageHeaders({ secure: ctx.secure }),
    location,
    'content-length': 0,
    ...(setCookie ? { 'set-cookie': setCookie } : {}),
  });
  res.end();
}
