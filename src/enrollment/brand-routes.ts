// GET /brand/<organization id>/logo?v=<hash> and GET /brand/theme/<rrggbb>.css: the files that
// brand the pages and e-mails, served by Sesame itself (no third party sees who opens them).
// Both URLs change with their content (the logo's hash, the colour), so they are cached for a
// year; a logo asked for without its current hash (an old e-mail) is answered with today's logo
// and a short cache. An SVG logo gets a policy that forbids scripts and loads of any kind, in
// case someone opens it on its own (pages show it through <img>, where no script runs anyway).
import type { ServerResponse } from 'node:http';
import { LOGO_ROUTE } from '../brand/brand-urls.js';
import { requestUrl } from '../http/request.js';
import type { Route } from '../http/server.js';
import { readLogo } from '../organizations/brand.js';
import { type EnrollmentContext, guarded } from './context.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const YEAR = 'public, max-age=31536000, immutable';
const SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

/** A shade of the brand colour for hover and the button's edge. */
const darker = (hex: string) =>
  `#${[1, 3, 5]
    .map((i) =>
      Math.round(Number.parseInt(hex.slice(i, i + 2), 16) * 0.75)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;

export const themeCss = (color: string): string =>
  `:root{--accent:${color};--accent-dark:${darker(color)};--focus:${color}}\n`;

export function brandRoutes(ctx: EnrollmentContext): Record<string, Route> {
  return {
    // Browsers ask for it on every page now that the pages may show images: no icon, no error.
    'GET /favicon.ico': async (_req, res) => send(res, 204, { 'cache-control': 'public, max-age=86400' }),
    [LOGO_ROUTE]: guarded(ctx, LOGO_ROUTE, async (req, res) => {
      const url = requestUrl(req);
      const theme = /^\/brand\/theme\/([0-9a-f]{6})\.css$/.exec(url.pathname);
      if (theme) {
        const css = themeCss(`#${theme[1]}`);
        return send(res, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': YEAR }, css);
      }
      const logo = /^\/brand\/([^/]+)\/logo$/.exec(url.pathname);
      const organizationId = logo?.[1] ?? '';
      const found = UUID.test(organizationId) ? await readLogo(ctx.db, organizationId) : null;
      if (!found)
        return send(
          res,
          404,
          { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
          'Not found\n',
        );
      const etag = `"${found.hash}"`;
      const headers = {
        'content-type': found.type,
        etag,
        'cache-control': url.searchParams.get('v') === found.hash ? YEAR : 'public, max-age=300',
        // Mail clients and webmails load it from their own pages.
        'cross-origin-resource-policy': 'cross-origin',
        ...(found.type === 'image/svg+xml' ? { 'content-security-policy': SVG_POLICY } : {}),
      };
      if (req.headers['if-none-match'] === etag) return send(res, 304, headers);
      send(res, 200, headers, found.bytes);
    }),
  };
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body?: string | Uint8Array) {
  const bytes = body === undefined ? undefined : typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(status, {
    ...headers,
    'x-content-type-options': 'nosniff',
    ...(bytes ? { 'content-length': bytes.length } : {}),
  });
  res.end(bytes);
}
