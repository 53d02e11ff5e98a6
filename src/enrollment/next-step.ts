// The "next step" box of the pages that end an enrollment (joined, password changed): how to
// sign in, and where. With the organization's sign-in URL a button goes there (and a link to its
// getting-started guide when it has one); without, the page says plainly that the organization
// will tell the member where to sign in, rather than leave them looking for it.
import type { Locale } from '../i18n/locale.js';
import { type Html, html } from './html.js';
import type { NextStep } from './page-brand.js';
import { pageTexts } from './texts.js';

export function nextStepBox(input: {
  locale: Locale;
  organization: string;
  /** Who signs in with a password; none for an enterprise login. */
  username?: string;
  nextStep?: NextStep;
}): Html {
  const texts = pageTexts[input.locale];
  const signInUrl = input.nextStep?.signInUrl;
  const guideUrl = signInUrl ? input.nextStep?.gettingStartedUrl : null;
  return html`<div class="next">
<h2>${texts.nextStep}</h2>
${input.username ? html`<p>${texts.signInWith} <strong class="username">${input.username}</strong> ${texts.signInPassword}</p>` : ''}
${
  signInUrl
    ? html`<p><a class="button" href="${signInUrl}">${texts.signInButton(input.organization)}</a></p>
${guideUrl ? html`<p><a href="${guideUrl}">${texts.gettingStarted}</a></p>` : ''}`
    : html`<p>${texts.noSignInUrl(input.organization)}</p>`
}
</div>`;
}
