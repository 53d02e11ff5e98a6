// The enterprise-login parts of the enrollment pages: the "Continue with <label>" block of the
// accept page, and the pages the provider's callback ends on.
import type { Locale } from '../i18n/locale.js';
import { type MessageCode, type MessageParams, translate } from '../i18n/messages.js';
import { joinedPage } from './accept-page.js';
import { type Html, html } from './html.js';
import { messagePage } from './layout.js';
import { nextStepBox } from './next-step.js';
import type { NextStep, PageBrand } from './page-brand.js';
import { ssoTexts } from './sso-texts.js';

export const SSO_START_PATH = '/sso/start';
export const SSO_CALLBACK_PATH = '/sso/callback';

export const ssoStartHref = (token: string, locale: Locale) =>
  `${SSO_START_PATH}?${new URLSearchParams({ token, lang: locale })}`;

/** The accept page's button (a link: the browser leaves for the provider). */
export function continueWith(input: {
  locale: Locale;
  token: string;
  label: string;
  email: string | undefined;
  passwordToo: boolean;
}): Html {
  const texts = ssoTexts[input.locale];
  return html`<div class="enterprise">
<p>${texts.enterpriseLead(input.label)}${input.email ? html` ${texts.emailRequired(input.email)}` : ''}</p>
<p><a class="button" href="${ssoStartHref(input.token, input.locale)}">${texts.continueWith(input.label)}</a></p>
${input.passwordToo ? html`<p class="muted">${texts.orPassword}</p>` : ''}
</div>`;
}

/** Joined, or signed in for the first time, through the enterprise login: the next step is the product. */
export function enterpriseJoinedPage(input: {
  locale: Locale;
  organization: string;
  label: string;
  brand?: PageBrand;
  nextStep?: NextStep;
}): string {
  return joinedPage({ ...input, lead: ssoTexts[input.locale].joinedLead(input.label) });
}

/** An automatic join waiting for a manager (no seat left): in the organization's brand, like the others. */
export function heldPage(input: { locale: Locale; organization: string; brand?: PageBrand }): string {
  const texts = ssoTexts[input.locale];
  const organization = input.brand?.name ?? input.organization;
  return messagePage(
    { locale: input.locale, title: texts.heldTitle(organization), brand: input.brand },
    { tone: 'ok', heading: texts.heldTitle(organization), paragraphs: [texts.held] },
  );
}

export function signedInPage(input: {
  locale: Locale;
  organization: string;
  label: string;
  brand?: PageBrand;
  nextStep?: NextStep;
}): string {
  const texts = ssoTexts[input.locale];
  const organization = input.brand?.name ?? input.organization;
  return messagePage(
    { locale: input.locale, title: texts.signedInTitle(organization), brand: input.brand },
    {
      tone: 'ok',
      heading: texts.signedInTitle(organization),
      paragraphs: [texts.signedInLead(input.label)],
      extra: nextStepBox({ locale: input.locale, organization, nextStep: input.nextStep }),
    },
  );
}

/** A refusal of the callback: what happened (a domain message) and, when known, the way back. */
export function ssoRefusalPage<C extends MessageCode>(input: {
  locale: Locale;
  code: C;
  params: MessageParams<C>;
  backHref?: string;
}): string {
  const texts = ssoTexts[input.locale];
  const heading =
    input.code === 'sso.email_mismatch'
      ? texts.mismatchTitle
      : input.code === 'sso.provider_down'
        ? texts.providerDownTitle
        : input.code === 'sso.not_configured'
          ? texts.unavailableTitle
          : texts.refusedTitle;
  return messagePage(
    { locale: input.locale, title: heading },
    {
      tone: 'warn',
      heading,
      paragraphs: [translate(input.locale, input.code, input.params)],
      extra: input.backHref ? html`<p><a href="${input.backHref}">${texts.startAgain}</a></p>` : undefined,
    },
  );
}
