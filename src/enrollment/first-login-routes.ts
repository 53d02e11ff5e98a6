// GET and POST /first-login?org=<id>: a member added with a temporary password chooses their own,
// through the domain's changeTemporaryPassword.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAppError } from '../errors/app-error.js';
import { requestUrl } from '../http/request.js';
import type { Route } from '../http/server.js';
import type { Locale } from '../i18n/locale.js';
import { FormError } from '../invitations/accept.js';
import { changeTemporaryPassword } from '../members/change-temporary-password.js';
import { findOrganization } from '../organizations/organization.js';
import { chooseLocale, type EnrollmentContext, guarded, readCheckedForm, sendPage, sendRefusal } from './context.js';
import {
  firstLoginFormPage,
  firstLoginPath,
  passwordChangedPage,
  unknownOrganizationPage,
} from './first-login-page.js';
import { firstLoginFormSchema, organizationIdSchema } from './form-schemas.js';
import { loadOrganizationPageBrand } from './page-brand.js';

export const FIRST_LOGIN_GET = 'GET /first-login';
export const FIRST_LOGIN_POST = 'POST /first-login';

export function firstLoginRoutes(ctx: EnrollmentContext): Record<string, Route> {
  /** The organization the link names, or the "not valid" page (answered here, then undefined). */
  async function organizationOf(req: IncomingMessage, res: ServerResponse, locale: Locale) {
    const ref = requestUrl(req).searchParams.get('org') ?? '';
    const id = organizationIdSchema.safeParse(ref);
    const organization = id.success
      ? await findOrganization(ctx.db, id.data).catch((error: unknown) => {
          if (isAppError(error) && error.code === 'org.not_found') return undefined;
          throw error;
        })
      : undefined;
    if (!organization) {
      sendPage(ctx, res, 404, unknownOrganizationPage({ locale, organizationId: ref }));
      return undefined;
    }
    return { organization, ...(await loadOrganizationPageBrand(ctx.db, organization)) };
  }
  const hrefs = (organizationId: string) => (locale: Locale) => `${firstLoginPath(organizationId)}&lang=${locale}`;

  return {
    [FIRST_LOGIN_GET]: guarded(ctx, FIRST_LOGIN_GET, async (req, res) => {
      const asked = requestUrl(req).searchParams.get('lang');
      const found = await organizationOf(req, res, chooseLocale(asked, req, 'en'));
      if (!found) return;
      const { organization, brand } = found;
      const csrf = (await ctx.csrf()).issue(req);
      const locale = chooseLocale(asked, req, organization.locale);
      sendPage(
        ctx,
        res,
        200,
        firstLoginFormPage({ locale, organization, csrf: csrf.token, brand }),
        csrf.setCookie ? { 'set-cookie': csrf.setCookie } : {},
      );
    }),

    [FIRST_LOGIN_POST]: guarded(ctx, FIRST_LOGIN_POST, async (req, res) => {
      const url = requestUrl(req);
      const orgRef = url.searchParams.get('org') ?? '';
      const fallbackLocale = chooseLocale(url.searchParams.get('lang'), req, 'en');
      const ip = ctx.clientIp(req);
      if (!ctx.loginAttempts.allows(ip)) {
        ctx.log.warn('enrollment request refused', { route: FIRST_LOGIN_POST, reason: 'rate_limited' });
        return sendRefusal(ctx, res, {
          locale: fallbackLocale,
          refusal: 'too_many',
          hrefFor: hrefs(orgRef),
          retryAfterSeconds: ctx.loginAttempts.retryAfter(ip),
        });
      }
      const checked = await readCheckedForm(ctx, req, res, {
        schema: firstLoginFormSchema,
        route: FIRST_LOGIN_POST,
        fallbackLocale,
        hrefFor: hrefs(orgRef),
      });
      if (!checked) return;
      const { form, csrf } = checked;
      const found = await organizationOf(req, res, chooseLocale(form.lang, req, 'en'));
      if (!found) return;
      const { organization, brand, nextStep } = found;
      const locale = chooseLocale(form.lang, req, organization.locale);
      // Every attempt counts: each one costs a password hash, and guessing is what this limits.
      ctx.loginAttempts.take(ip);
      try {
        const { username } = await changeTemporaryPassword(ctx.db, {
          organizationId: organization.id,
          login: form.login,
          temporaryPassword: form.temporaryPassword,
          newPassword: form.newPassword,
          passwordConfirmation: form.passwordConfirmation,
        });
        ctx.log.info('temporary password changed', { route: FIRST_LOGIN_POST, organizationId: organization.id });
        sendPage(ctx, res, 200, passwordChangedPage({ locale, organization, username, brand, nextStep }));
      } catch (error) {
        const loginFailed = isAppError(error) && error.code === 'login.failed';
        if (!(error instanceof FormError) && !loginFailed) throw error;
        const issued = csrf.issue(req);
        sendPage(
          ctx,
          res,
          422,
          firstLoginFormPage({
            locale,
            organization,
            csrf: issued.token,
            login: form.login,
            errors: error instanceof FormError ? error.fields : undefined,
            loginFailed,
            brand,
          }),
          issued.setCookie ? { 'set-cookie': issued.setCookie } : {},
        );
      }
    }),
  };
}
