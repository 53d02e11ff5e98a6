// The accept page: the invitation's form, its success, and the pages of links that no longer work.

import type { Locale } from '../i18n/locale.js';
import { renderNotice, translate } from '../i18n/messages.js';
import type { FieldErrors } from '../invitations/accept.js';
import type { ClosedLink, InvitationPageData } from '../invitations/invitation-page.js';
import { withAddress } from '../organizations/sender.js';
import { errorSummary, field, hidden, passwordRules } from './form-fields.js';
import { html } from './html.js';
import { type Frame, layout, messagePage } from './layout.js';
import { nextStepBox } from './next-step.js';
import type { InvitationPageExtras, NextStep, PageBrand } from './page-brand.js';
import { continueWith } from './sso-page.js';
import { pageTexts } from './texts.js';

export const acceptPath = (token: string) => `/accept/${token}`;
const frameFor = (locale: Locale, token: string, title: string, brand?: PageBrand): Frame => ({
  locale,
  title,
  hrefFor: (other) => `${acceptPath(token)}?lang=${other}`,
  brand,
});

export interface AcceptValues {
  firstName: string;
  lastName: string;
  username: string;
  email: string;
}

export const ACCEPT_FIELDS = [
  'firstName',
  'lastName',
  'username',
  'email',
  'password',
  'passwordConfirmation',
] as const;

/** The fields this invitation asks besides the names and the password. */
export const asks = (page: InvitationPageData) => ({
  username: page.organization.usesUsernames && !page.username,
  email: !page.mustUseEmail,
});

export function acceptFormPage(input: {
  locale: Locale;
  token: string;
  csrf: string;
  page: InvitationPageData;
  values?: AcceptValues;
  errors?: FieldErrors;
  /** The organization's brand and the inviter's address. */
  extras?: InvitationPageExtras;
}): string {
  const { locale, page, extras } = input;
  const texts = pageTexts[locale];
  const org = extras?.brand.name ?? page.organization.name;
  const inviter = extras ? withAddress(page.inviterName, extras.inviterEmail) : page.inviterName;
  const asked = asks(page);
  const values = input.values ?? {
    firstName: page.firstName,
    lastName: page.lastName,
    username: '',
    email: page.email,
  };
  const error = (name: keyof FieldErrors) => {
    const notice = input.errors?.[name];
    return notice ? renderNotice(locale, notice) : undefined;
  };
  const shown = new Set<string>(['firstName', 'lastName', 'password', 'passwordConfirmation']);
  if (asked.username) shown.add('username');
  if (asked.email) shown.add('email');
  const summary = ACCEPT_FIELDS.flatMap((name) => {
    const message = error(name);
    return message ? [{ field: shown.has(name) ? name : undefined, message }] : [];
  });
  const passwordForm = passwordFormOf(input, { values, error, summary });

  return layout(
    frameFor(locale, input.token, texts.joinTitle(org), extras?.brand),
    html`<p class="eyebrow">${texts.invitation}</p>
<h1>${texts.joinTitle(org)}</h1>
<p class="lead">${texts.invitedBy(inviter, org)} ${texts.invitedAs(page.roleNames[locale])}</p>
${page.company ? html`<p>${texts.externalFor(page.company)}</p>` : ''}
${page.username ? html`<p class="fixed-email">${texts.usernameReserved} <strong class="username">${page.username}</strong></p>` : ''}
${page.sso ? continueWith({ locale, token: input.token, label: page.sso.label, email: page.mustUseEmail ? page.email : undefined, passwordToo: page.sso.passwordToo }) : ''}
${page.sso && !page.sso.passwordToo ? '' : passwordForm}`,
  );
}

/** The password form of the accept page (all of it, when there is no enterprise login). */
function passwordFormOf(
  input: { locale: Locale; token: string; csrf: string; page: InvitationPageData },
  parts: {
    values: AcceptValues;
    error: (name: keyof FieldErrors) => string | undefined;
    summary: { field: string | undefined; message: string }[];
  },
) {
  const { locale, page } = input;
  const texts = pageTexts[locale];
  const asked = asks(page);
  const { values, error, summary } = parts;
  return html`<p class="muted">${texts.createAccount} ${texts.required}</p>
${errorSummary(summary, texts)}
<form method="post" action="${acceptPath(input.token)}" novalidate>
${hidden('csrf', input.csrf)}${hidden('lang', locale)}
<div class="row">
${field({ name: 'firstName', label: texts.firstName, type: 'text', autocomplete: 'given-name', value: values.firstName, error: error('firstName'), maxLength: 100 }, texts)}
${field({ name: 'lastName', label: texts.lastName, type: 'text', autocomplete: 'family-name', value: values.lastName, error: error('lastName'), maxLength: 100 }, texts)}
</div>
${asked.username ? field({ name: 'username', label: texts.username, type: 'text', autocomplete: 'username', value: values.username, hint: texts.usernameHint, error: error('username'), maxLength: 128, verbatim: true }, texts) : ''}
${
  asked.email
    ? field(
        {
          name: 'email',
          label: texts.email,
          type: 'email',
          autocomplete: 'email',
          value: values.email,
          hint: texts.emailHint,
          error: error('email'),
          maxLength: 254,
          verbatim: true,
        },
        texts,
      )
    : html`<p class="fixed-email">${texts.emailFixed} <strong>${page.email}</strong></p>`
}
${field({ name: 'password', label: texts.password, type: 'password', autocomplete: 'new-password', hintHtml: passwordRules(texts), error: error('password') }, texts)}
${field({ name: 'passwordConfirmation', label: texts.passwordConfirmation, type: 'password', autocomplete: 'new-password', hint: texts.passwordConfirmationHint, error: error('passwordConfirmation') }, texts)}
<button type="submit">${texts.submitAccept}</button>
</form>`;
}

/** The second step when another address was chosen: the code e-mailed to it. */
export function codeFormPage(input: {
  locale: Locale;
  token: string;
  csrf: string;
  email: string;
  error?: string;
  brand?: PageBrand;
}): string {
  const texts = pageTexts[input.locale];
  const summary = input.error ? [{ field: 'code', message: input.error }] : [];
  return layout(
    frameFor(input.locale, input.token, texts.codeTitle, input.brand),
    html`<h1>${texts.codeTitle}</h1>
<p class="lead">${texts.codeLead(input.email)}</p>
${errorSummary(summary, texts)}
<form method="post" action="${acceptPath(input.token)}" novalidate>
${hidden('csrf', input.csrf)}${hidden('lang', input.locale)}${hidden('step', 'verify')}${hidden('email', input.email)}
${field({ name: 'code', label: texts.codeLabel, type: 'text', autocomplete: 'one-time-code', value: '', hint: texts.codeHint, error: input.error, maxLength: 12, verbatim: true }, texts)}
<button type="submit">${texts.submitCode}</button>
</form>
<p><a href="${acceptPath(input.token)}?lang=${input.locale}">${texts.startAgain}</a></p>`,
  );
}

/** "You joined": with a password (its username), or through an enterprise login (its lead instead). */
export function joinedPage(input: {
  locale: Locale;
  organization: string;
  username?: string;
  lead?: string;
  brand?: PageBrand;
  nextStep?: NextStep;
}): string {
  const texts = pageTexts[input.locale];
  const organization = input.brand?.name ?? input.organization;
  return layout(
    { locale: input.locale, title: texts.joinedTitle(organization), brand: input.brand },
    html`<div class="status-icon ok" aria-hidden="true">✓</div>
<h1>${texts.joinedTitle(organization)}</h1>
<p class="lead">${input.lead ?? texts.joinedLead}</p>
${nextStepBox({ locale: input.locale, organization, username: input.username, nextStep: input.nextStep })}`,
  );
}

const closedPages = {
  unknown: { title: 'unknownTitle', code: 'accept.unknown', tone: 'error' },
  expired: { title: 'expiredTitle', code: 'accept.expired', tone: 'warn' },
  revoked: { title: 'revokedTitle', code: 'accept.revoked', tone: 'warn' },
  used: { title: 'usedTitle', code: 'accept.used', tone: 'ok' },
  suspended: { title: 'suspendedTitle', code: 'accept.suspended', tone: 'warn' },
  held: { title: 'heldTitle', code: 'accept.held', tone: 'warn' },
} as const;

/** Says what happened to the link and what to do; names no e-mail address, no organization. */
export function closedLinkPage(input: { locale: Locale; token: string; closed: ClosedLink }): string {
  const texts = pageTexts[input.locale];
  const page = closedPages[input.closed];
  const heading = texts[page.title];
  return messagePage(frameFor(input.locale, input.token, heading), {
    tone: page.tone,
    heading,
    paragraphs: [translate(input.locale, page.code, {})],
  });
}
