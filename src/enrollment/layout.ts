// The frame of every enrollment page: language, title, stylesheet, the language switch.
import { themePath } from '../brand/brand-urls.js';
import type { Locale } from '../i18n/locale.js';
import { type Html, html } from './html.js';
import type { PageBrand } from './page-brand.js';
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
  /**
   * The organization's name, logo and colour, on the pages that know the organization; the
   * others (unknown or closed links, refusals) say nothing of it and show Sesame.
   */
  brand?: PageBrand;
}

export function layout(frame: Frame, content: Html): string {
  const texts = pageTexts[frame.locale];
  const { hrefFor, brand } = frame;
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
<title>${frame.title} · ${brand?.name ?? texts.brand}</title>
<link rel="stylesheet" href="${stylesheetHref}">
${brand?.color ? html`<link rel="stylesheet" href="${themePath(brand.color)}">` : ''}
${brand?.logoUrl ? html`<link rel="icon" href="${brand.logoUrl}">` : ''}
</head>
<body>
<header class="top">
${brandMark(brand, texts.brand)}
${hrefFor ? html`<nav class="lang" aria-label="${texts.languageSwitch}"><ul>${switchTo('en', hrefFor)}${switchTo('fr', hrefFor)}</ul></nav>` : ''}
</header>
<main id="main"><div class="card">
${content}
</div></main>
${brand?.sesameFooter ? html`<footer class="sent-with">${texts.sentWith}</footer>` : ''}
</body>
</html>
`.value;
}

/** The organization's logo (its name as the alternative text), else its name; Sesame's mark without one. */
function brandMark(brand: PageBrand | undefined, sesame: string) {
  if (!brand) return html`<span class="brand">${sesame}</span>`;
  if (brand.logoUrl) return html`<img class="brand-logo" src="${brand.logoUrl}" alt="${brand.name}">`;
  return html`<span class="brand-name">${brand.name}</span>`;
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
