// The HTML shell shared by every e-mail: nested tables and inline styles, the one layout that
// renders alike in Outlook, Gmail, Apple Mail and phone clients (no <style> block, no flexbox).
// Every argument is HTML already escaped by the caller (names end in `Html`); a colour is a
// checked #rrggbb (src/brand/contrast.ts), never free text.
import type { Locale } from '../../i18n/locale.js';
import { escapeHtml } from '../escape.js';
import { DEFAULT_COLOR, type EmailBrand, sentWithSesame } from './email-brand.js';

const font = 'font-family:Arial,Helvetica,sans-serif;';
const text = `${font}font-size:16px;line-height:24px;color:#1f2933;`;

export function frame(parts: {
  lang: Locale;
  titleHtml: string;
  /** The preview line mail clients show next to the subject; hidden in the message. */
  preheaderHtml: string;
  headerHtml: string;
  rows: string[];
  footerHtml: string;
  /** The organization's logo and the "Sent with Sesame" line; none on Sesame's notices to its own members. */
  brand?: EmailBrand;
}): string {
  const { brand } = parts;
  return `<!DOCTYPE html>
<html lang="${parts.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<title>${parts.titleHtml}</title>
</head>
<body style="margin:0;padding:0;background-color:#f4f5f7;">
<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;">${parts.preheaderHtml}</div>
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="background-color:#f4f5f7;">
<tr>
<td align="center" style="padding:24px 12px;">
<table role="presentation" width="600" cellspacing="0" cellpadding="0" border="0" style="width:100%;max-width:600px;background-color:#ffffff;border:1px solid #e1e4e8;border-radius:8px;">
${brand?.logoUrl ? logoRow(brand.logoUrl, brand.name) : ''}<tr>
<td style="padding:24px 32px 8px 32px;${font}font-size:20px;line-height:28px;font-weight:bold;color:#1f2933;">${parts.headerHtml}</td>
</tr>
${parts.rows.join('\n')}
<tr>
<td style="padding:16px 32px 24px 32px;border-top:1px solid #e1e4e8;${font}font-size:13px;line-height:20px;color:#616e7c;">${parts.footerHtml}</td>
</tr>
${brand?.sesameFooter ? sentWithRow(parts.lang) : ''}
</table>
</td>
</tr>
</table>
</body>
</html>
`;
}

/** The logo above the heading: at most 48 pixels high, its name as the text of a blocked image. */
const logoRow = (url: string, name: string) => `<tr>
<td style="padding:24px 32px 0 32px;"><img src="${escapeHtml(url)}" alt="${escapeHtml(name)}" height="48" style="display:block;height:48px;width:auto;max-width:240px;border:0;${font}font-size:20px;font-weight:bold;color:#1f2933;"></td>
</tr>
`;

const sentWithRow = (lang: Locale) => `<tr>
<td align="center" style="padding:0 32px 16px 32px;${font}font-size:12px;line-height:16px;color:#616e7c;">${escapeHtml(sentWithSesame[lang])}</td>
</tr>
`;

export const paragraph = (html: string): string => `<tr>
<td style="padding:8px 32px;${text}">${html}</td>
</tr>`;

/** A quoted block (the admin's message). */
export const quote = (captionHtml: string, bodyHtml: string): string => `<tr>
<td style="padding:8px 32px;">
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0">
<tr>
<td style="padding:12px 16px;background-color:#f4f5f7;border-left:4px solid #9aa5b1;${text}">
<p style="margin:0 0 8px 0;font-size:14px;color:#616e7c;">${captionHtml}</p>
<p style="margin:0;">${bodyHtml}</p>
</td>
</tr>
</table>
</td>
</tr>`;

/** A "bulletproof" button: a link styled inside a coloured table cell. */
export const button = (hrefHtml: string, labelHtml: string, color: string = DEFAULT_COLOR): string => `<tr>
<td align="left" style="padding:16px 32px;">
<table role="presentation" cellspacing="0" cellpadding="0" border="0">
<tr>
<td align="center" bgcolor="${color}" style="border-radius:6px;background-color:${color};">
<a href="${hrefHtml}" target="_blank" style="display:inline-block;padding:12px 28px;${font}font-size:16px;line-height:24px;font-weight:bold;color:#ffffff;text-decoration:none;border-radius:6px;">${labelHtml}</a>
</td>
</tr>
</table>
</td>
</tr>`;

/** The plain link under the button, for clients that block buttons or images. */
export const plainLink = (introHtml: string, hrefHtml: string, color: string = DEFAULT_COLOR): string => `<tr>
<td style="padding:8px 32px;${font}font-size:14px;line-height:20px;color:#616e7c;">${introHtml}<br>
<a href="${hrefHtml}" target="_blank" style="color:${color};word-break:break-all;">${hrefHtml}</a></td>
</tr>`;
