// The frame of every enrollment page: language, title, stylesheet, the language switch.
import type { Locale } from '../i18n/locale.js';
import { type Html, html } from './html.js';
import { stylesheetHref } from './stylesheet.js';
import { pageTexts } from './texts.js';

export interface Frame {
  locale: Locale;
  title: string;
  /**
   * The URL of this page in the other language (the switch's links). None on the pages that end
   * a form (joined, password changed): reloading them would not show them again.
   */
  hrefFor?: (locale: Locale) => string;
}

export function layout(frame: Frame, content: Html): string {
  const texts = pageTexts[frame.locale];
  const { hrefFor } = frame;
  const switchTo = (locale: Locale, href: (locale: Locale) => string) =>
    locale === frame.locale
      ? html`<li><span aria-current="true" lang="${locale}">${pageTexts[locale].languageName}</span></li>`
      : html`<li><a href="${href(locale)}" lang="${locale}" hreflang="${locale}">${pageTexts[locale].languageName}</a></li>`;
  return html`<!doctype html>
<html lang="${texts.htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>${frame.title} · ${texts.brand}</title>
<link rel="stylesheet" href="${stylesheetHref}">
</head>
<body>
<header class="top">
<span class="brand">${texts.brand}</span>
${hrefFor ? html`<nav class="lang" aria-label="${texts.languageSwitch}"><ul>${switchTo('en', hrefFor)}${switchTo('fr', hrefFor)}</ul></nav>` : ''}
</header>
<main id="main"><div class="card">
${content}
</div></main>
</body>
</html>
`.value;
}

/** A page that says what happened and what to do: unknown or closed links, refused requests. */
export function messagePage(
  frame: Frame,
  content: { tone: 'ok' | 'warn' | 'error'; heading: string; paragraphs: string[]; extra?: Html },
): string {
  const icon = content.tone === 'ok' ? '✓' : '!';
  return layout(
    frame,
    html`<div class="status-icon ${content.tone}" aria-hidden="true">${icon}</div>
<h1>${content.heading}</h1>
${content.paragraphs.map((p) => html`<p>${p}</p>`)}
${content.extra}`,
  );
}
