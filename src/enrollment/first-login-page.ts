// The first-login page: a member added with a temporary password chooses their own.

import type { Locale } from '../i18n/locale.js';
import { renderNotice, translate } from '../i18n/messages.js';
import type { FieldErrors } from '../invitations/accept.js';
import { errorSummary, field, hidden, passwordRules } from './form-fields.js';
import { html } from './html.js';
import { type Frame, layout, messagePage } from './layout.js';
import { nextStepBox } from './next-step.js';
import type { NextStep, PageBrand } from './page-brand.js';
import { pageTexts } from './texts.js';

export const firstLoginPath = (organizationId: string) => `/first-login?org=${encodeURIComponent(organizationId)}`;
const frameFor = (locale: Locale, organizationId: string, title: string, brand?: PageBrand): Frame => ({
  locale,
  title,
  hrefFor: (other) => `${firstLoginPath(organizationId)}&lang=${other}`,
  brand,
});

export function firstLoginFormPage(input: {
  locale: Locale;
  organization: { id: string; name: string };
  csrf: string;
  login?: string;
  /** The domain's field errors (password, passwordConfirmation). */
  errors?: FieldErrors;
  /** Bad credentials: one message that says nothing about which part was wrong. */
  loginFailed?: boolean;
  brand?: PageBrand;
}): string {
  const { locale } = input;
  const texts = pageTexts[locale];
  const newPasswordError = input.errors?.password ? renderNotice(locale, input.errors.password) : undefined;
  const confirmationError = input.errors?.passwordConfirmation
    ? renderNotice(locale, input.errors.passwordConfirmation)
    : undefined;
  const loginError = input.loginFailed ? translate(locale, 'login.failed', {}) : undefined;
  const summary = [
    ...(loginError ? [{ field: 'login', message: loginError }] : []),
    ...(newPasswordError ? [{ field: 'newPassword', message: newPasswordError }] : []),
    ...(confirmationError ? [{ field: 'passwordConfirmation', message: confirmationError }] : []),
  ];
  return layout(
    frameFor(locale, input.organization.id, texts.firstLoginTitle, input.brand),
    html`<p class="eyebrow">${texts.firstLoginEyebrow}</p>
<h1>${texts.firstLoginTitle}</h1>
<p class="lead">${texts.firstLoginLead(input.brand?.name ?? input.organization.name)}</p>
<p class="muted">${texts.required}</p>
${errorSummary(summary, texts)}
<form method="post" action="${firstLoginPath(input.organization.id)}" novalidate>
${hidden('csrf', input.csrf)}${hidden('lang', locale)}
${field({ name: 'login', label: texts.login, type: 'text', autocomplete: 'username', value: input.login ?? '', error: loginError, maxLength: 254, verbatim: true }, texts)}
${field({ name: 'temporaryPassword', label: texts.temporaryPassword, type: 'password', autocomplete: 'current-password', hint: texts.temporaryPasswordHint }, texts)}
${field({ name: 'newPassword', label: texts.newPassword, type: 'password', autocomplete: 'new-password', hintHtml: passwordRules(texts), error: newPasswordError }, texts)}
${field({ name: 'passwordConfirmation', label: texts.passwordConfirmation, type: 'password', autocomplete: 'new-password', hint: texts.passwordConfirmationHint, error: confirmationError }, texts)}
<button type="submit">${texts.submitFirstLogin}</button>
</form>`,
  );
}

export function passwordChangedPage(input: {
  locale: Locale;
  organization: { id: string; name: string };
  username: string;
  brand?: PageBrand;
  nextStep?: NextStep;
}): string {
  const texts = pageTexts[input.locale];
  const organization = input.brand?.name ?? input.organization.name;
  return layout(
    { locale: input.locale, title: texts.passwordChangedTitle, brand: input.brand },
    html`<div class="status-icon ok" aria-hidden="true">✓</div>
<h1>${texts.passwordChangedTitle}</h1>
<p class="lead">${texts.passwordChangedLead(organization)}</p>
${nextStepBox({ locale: input.locale, organization, username: input.username, nextStep: input.nextStep })}`,
  );
}

export function unknownOrganizationPage(input: { locale: Locale; organizationId: string }): string {
  const texts = pageTexts[input.locale];
  return messagePage(frameFor(input.locale, input.organizationId, texts.unknownTitle), {
    tone: 'error',
    heading: texts.unknownTitle,
    paragraphs: [texts.firstLoginUnknown],
  });
}
