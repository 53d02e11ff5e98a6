// The HTML shell shared by every e-mail: nested tables and inline styles, the one layout that
// renders alike in Outlook, Gmail, Apple Mail and phone clients (no <style> block, no flexbox).
// Every argument is HTML already escaped by the caller (names end in `Html`).
import type { Locale } from '../../i18n/locale.js';

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
}): string {
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
<tr>
<td style="padding:24px 32px 8px 32px;${font}font-size:20px;line-height:28px;font-weight:bold;color:#1f2933;">${parts.headerHtml}</td>
</tr>
${parts.rows.join('\n')}
<tr>
<td style="padding:16px 32px 24px 32px;border-top:1px solid #e1e4e8;${font}font-size:13px;line-height:20px;color:#616e7c;">${parts.footerHtml}</td>
</tr>
</table>
</td>
</tr>
</table>
</body>
</html>
`;
}

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
export const button = (hrefHtml: string, labelHtml: string): string => `<tr>
<td align="left" style="padding:16px 32px;">
<table role="presentation" cellspacing="0" cellpadding="0" border="0">
<tr>
<td align="center" bgcolor="#1a56db" style="border-radius:6px;background-color:#1a56db;">
<a href="${hrefHtml}" target="_blank" style="display:inline-block;padding:12px 28px;${font}font-size:16px;line-height:24px;font-weight:bold;color:#ffffff;text-decoration:none;border-radius:6px;">${labelHtml}</a>
</td>
</tr>
</table>
</td>
</tr>`;

/** The plain link under the button, for clients that block buttons or images. */
export const plainLink = (introHtml: string, hrefHtml: string): string => `<tr>
<td style="padding:8px 32px;${font}font-size:14px;line-height:20px;color:#616e7c;">${introHtml}<br>
<a href="${hrefHtml}" target="_blank" style="color:#1a56db;word-break:break-all;">${hrefHtml}</a></td>
</tr>`;
