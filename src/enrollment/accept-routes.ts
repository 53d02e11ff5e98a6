// GET and POST /accept/:token: thin adapters over the page's read (src/invitations/invitation-page.ts) and the domain's
// acceptInvitation (the form).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAppError } from '../errors/app-error.js';
import { requestUrl } from '../http/request.js';
import type { Route } from '../http/server.js';
import type { Locale } from '../i18n/locale.js';
import { renderNotice } from '../i18n/messages.js';
import { acceptInvitation, FormError } from '../invitations/accept.js';
import { confirmChosenAddress } from '../invitations/confirm-chosen-address.js';
import type { ClosedLink } from '../invitations/invitation-page.js';
import { acceptFormPage, acceptPath, asks, closedLinkPage, codeFormPage, joinedPage } from './accept-page.js';
import { chooseLocale, type EnrollmentContext, guarded, readCheckedForm, sendPage, sendRefusal } from './context.js';
import { acceptFormSchema } from './form-schemas.js';
import { invitationPageExtras } from './page-brand.js';

export const ACCEPT_GET = 'GET /accept/*';
export const ACCEPT_POST = 'POST /accept/*';

// A suspended invitation (its company no longer covered) or one waiting for approval again may be
// usable later: 409, not 410.
export const closedStatus: Record<ClosedLink, number> = {
  unknown: 404,
  expired: 410,
  revoked: 410,
  used: 409,
  suspended: 409,
  held: 409,
};
const closedFromCode: Record<string, ClosedLink> = {
  'accept.unknown': 'unknown',
  'accept.expired': 'expired',
  'accept.revoked': 'revoked',
  'accept.used': 'used',
  'accept.suspended': 'suspended',
  'accept.held': 'held',
};

export function acceptRoutes(ctx: EnrollmentContext): Record<string, Route> {
  const hrefs = (token: string) => (locale: Locale) => `${acceptPath(token)}?lang=${locale}`;

  // Failed lookups are what is limited, not the links: a valid link opens from any address, so a
  // guesser behind an office's NAT does not lock its colleagues out of their invitations. Past the
  // allowance, an unknown token is answered 429 instead of 404. What makes guessing hopeless is
  // the token's 256 bits (one chance in 2^256 per try); the limit keeps a guesser's failures slow
  // and visible in the log (reason rate_limited).
  const sendClosed = (req: IncomingMessage, res: ServerResponse, token: string, closed: ClosedLink, locale: Locale) => {
    const ip = ctx.clientIp(req);
    if (closed === 'unknown' && !ctx.tokenGuesses.take(ip)) {
      ctx.log.warn('enrollment request refused', {
        route: req.method === 'POST' ? ACCEPT_POST : ACCEPT_GET,
        reason: 'rate_limited',
      });
      return sendRefusal(ctx, res, {
        locale,
        refusal: 'too_many',
        hrefFor: hrefs(token),
        retryAfterSeconds: ctx.tokenGuesses.retryAfter(ip),
      });
    }
    sendPage(ctx, res, closedStatus[closed], closedLinkPage({ locale, token, closed }));
  };

  return {
    [ACCEPT_GET]: guarded(ctx, ACCEPT_GET, async (req, res) => {
      const url = requestUrl(req);
      const token = url.pathname.slice('/accept/'.length);
      const asked = url.searchParams.get('lang');
      const found = await ctx.loadInvitationPage(token, ctx.now());
      if ('closed' in found) return sendClosed(req, res, token, found.closed, chooseLocale(asked, req, 'en'));
      const extras = invitationPageExtras(found.open);
      const csrf = (await ctx.csrf()).issue(req);
      const locale = chooseLocale(asked, req, found.open.organization.locale);
      sendPage(
        ctx,
        res,
        200,
        acceptFormPage({ locale, token, csrf: csrf.token, page: found.open, extras }),
        csrf.setCookie ? { 'set-cookie': csrf.setCookie } : {},
      );
    }),

    [ACCEPT_POST]: guarded(ctx, ACCEPT_POST, async (req, res) => {
      const url = requestUrl(req);
      const token = url.pathname.slice('/accept/'.length);
      const fallbackLocale = chooseLocale(url.searchParams.get('lang'), req, 'en');
      const checked = await readCheckedForm(ctx, req, res, {
        schema: acceptFormSchema,
        route: ACCEPT_POST,
        fallbackLocale,
        hrefFor: hrefs(token),
      });
      if (!checked) return;
      const { form, csrf } = checked;

      const found = await ctx.loadInvitationPage(token, ctx.now());
      if ('closed' in found) return sendClosed(req, res, token, found.closed, chooseLocale(form.lang, req, 'en'));
      const page = found.open;
      const extras = invitationPageExtras(page);
      const { brand, nextStep } = extras;
      const locale = chooseLocale(form.lang, req, page.organization.locale);
      // The password form is not offered for this invitation: a post of it is not taken either.
      if (page.sso && !page.sso.passwordToo) {
        ctx.log.warn('enrollment request refused', { route: ACCEPT_POST, reason: 'password_not_offered' });
        return sendRefusal(ctx, res, { locale, refusal: 'forbidden', hrefFor: hrefs(token) });
      }
      const asked = asks(page);
      const values = { firstName: form.firstName, lastName: form.lastName, username: form.username, email: form.email };
      const answer = (status: number, body: (csrfToken: string) => string) => {
        const issued = csrf.issue(req);
        sendPage(ctx, res, status, body(issued.token), issued.setCookie ? { 'set-cookie': issued.setCookie } : {});
      };
      try {
        if (form.step === 'verify') {
          const { member, organization } = await confirmChosenAddress(ctx.db, { token, code: form.code }, ctx.now());
          ctx.log.info('invitation accepted', {
            route: ACCEPT_POST,
            invitationId: page.invitationId,
            memberId: member.id,
          });
          return sendPage(
            ctx,
            res,
            200,
            joinedPage({ locale, organization: organization.name, username: member.username, brand, nextStep }),
          );
        }
        const outcome = await acceptInvitation(
          ctx.db,
          {
            token,
            firstName: form.firstName,
            lastName: form.lastName,
            username: asked.username ? form.username : undefined,
            email: asked.email ? form.email : undefined,
            password: form.password,
            passwordConfirmation: form.passwordConfirmation,
            locale,
          },
          ctx.now(),
        );
        if (outcome.status === 'verification_sent') {
          ctx.log.info('enrollment address code sent', { route: ACCEPT_POST, invitationId: page.invitationId });
          return answer(200, (csrfToken) =>
            codeFormPage({ locale, token, csrf: csrfToken, email: outcome.email, brand }),
          );
        }
        ctx.log.info('invitation accepted', {
          route: ACCEPT_POST,
          invitationId: page.invitationId,
          memberId: outcome.member.id,
        });
        sendPage(
          ctx,
          res,
          200,
          joinedPage({
            locale,
            organization: outcome.organization.name,
            username: outcome.member.username,
            brand,
            nextStep,
          }),
        );
      } catch (error) {
        if (error instanceof FormError) {
          const codeProblem = error.fields.code;
          if (form.step === 'verify' && codeProblem) {
            const message = renderNotice(locale, codeProblem);
            return answer(422, (csrfToken) =>
              codeFormPage({ locale, token, csrf: csrfToken, email: form.email, error: message, brand }),
            );
          }
          // The values come back (never the passwords); a fresh page, with the same CSRF token.
          return answer(422, (csrfToken) =>
            acceptFormPage({ locale, token, csrf: csrfToken, page, values, errors: error.fields, extras }),
          );
        }
        const closed = isAppError(error) ? closedFromCode[error.code] : undefined;
        if (closed) return sendClosed(req, res, token, closed, locale);
        throw error;
      }
    }),
  };
}
