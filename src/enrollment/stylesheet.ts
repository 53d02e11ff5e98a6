// The stylesheet, read once, served with a year-long cache: its URL carries a hash of its content
// (?v=...), so a changed stylesheet is a new URL and no browser keeps an old one.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Route } from '../http/server.js';

const css = readFileSync(new URL('./enroll.css', import.meta.url));
const version = createHash('sha256').update(css).digest('hex').slice(0, 12);

export const STYLESHEET_PATH = '/assets/enroll.css';
/** The stylesheet's text, for pages written to a file (sesame org preview). */
export const stylesheetText = (): string => css.toString('utf8');
export const stylesheetHref = `${STYLESHEET_PATH}?v=${version}`;

export const serveStylesheet: Route = async (_req, res) => {
  res.writeHead(200, {
    'content-type': 'text/css; charset=utf-8',
    'content-length': css.length,
    'cache-control': 'public, max-age=31536000, immutable',
    'x-content-type-options': 'nosniff',
  });
  res.end(css);
};
