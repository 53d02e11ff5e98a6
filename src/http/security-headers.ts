// Headers every HTML page carries. The pages need nothing but their own stylesheets and the
// organization's logo, all served by Sesame: no script, no image from elsewhere, no frame. The
// URL of an accept page holds its token: no referrer may carry it away, and no cache (shared or
// not) may keep the page.
import type { OutgoingHttpHeaders } from 'node:http';

export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const headers = { secure: build(true), plain: build(false) };

/** The headers of an HTML page (a shared object: copy it before adding to it). */
export const pageHeaders = (options: { secure: boolean }): Readonly<OutgoingHttpHeaders> =>
  options.secure ? headers.secure : headers.plain;

function build(secure: boolean): OutgoingHttpHeaders {
  return {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    'cross-origin-opener-policy': 'same-origin',
    ...(secure ? { 'strict-transport-security': 'max-age=31536000' } : {}),
  };
}
