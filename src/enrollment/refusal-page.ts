// Pages for requests the service refuses before any domain work: too many tries, a form without
// a valid CSRF token, a body too large or unreadable, an unexpected error.
import type { Locale } from '../i18n/locale.js';
import { html } from './html.js';
import { messagePage } from './layout.js';
import { pageTexts } from './texts.js';

export type Refusal = 'too_many' | 'forbidden' | 'too_large' | 'unsupported' | 'bad_request' | 'error';

export const refusalStatus: Record<Refusal, number> = {
  too_many: 429,
  forbidden: 403,
  too_large: 413,
  unsupported: 415,
  bad_request: 400,
  error: 500,
};

export function refusalPage(input: {
  locale: Locale;
  refusal: Refusal;
  /** This page's URL in the other language; also the "reload" link of a refused form. */
  hrefFor: (locale: Locale) => string;
  retryAfterSeconds?: number;
}): string {
  const texts = pageTexts[input.locale];
  const reload = html`<p><a href="${input.hrefFor(input.locale)}">${texts.reload}</a></p>`;
  const page = (() => {
    switch (input.refusal) {
      case 'too_many':
        return {
          heading: texts.tooManyTitle,
          body: texts.tooMany(Math.max(1, Math.ceil((input.retryAfterSeconds ?? 60) / 60))),
        };
      case 'forbidden':
        return { heading: texts.forbiddenTitle, body: texts.forbidden, extra: reload };
      case 'too_large':
        return { heading: texts.tooLargeTitle, body: texts.tooLarge, extra: reload };
      case 'unsupported':
      case 'bad_request':
        return { heading: texts.badRequestTitle, body: texts.badRequest, extra: reload };
      case 'error':
        return { heading: texts.errorTitle, body: texts.error };
    }
  })();
  return messagePage(
    { locale: input.locale, title: page.heading, hrefFor: input.hrefFor },
    {
      tone: input.refusal === 'error' ? 'error' : 'warn',
      heading: page.heading,
      paragraphs: [page.body],
      extra: page.extra,
    },
  );
}
