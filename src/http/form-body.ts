// Reads an HTML form's body (application/x-www-form-urlencoded) with a size limit. Anything else
// is refused before it is buffered: a page's form never needs more than a few hundred bytes.
import type { IncomingMessage } from 'node:http';
import { readLimited } from './read-limited.js';

export const FORM_BODY_LIMIT = 16 * 1024;

export class BodyError extends Error {
  constructor(readonly status: 413 | 415 | 400) {
    super(status === 413 ? 'request body too large' : status === 415 ? 'unsupported content type' : 'bad body');
  }
}

export async function readFormBody(req: IncomingMessage, limit = FORM_BODY_LIMIT): Promise<Record<string, string>> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') throw new BodyError(415);
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new BodyError(413);

  const bytes = await readLimited(req, limit);
  if (!bytes) throw new BodyError(413);
  // URLSearchParams decodes "+" and %XX like browsers encode them; a repeated name keeps its last value.
  return Object.fromEntries(new URLSearchParams(bytes.toString('utf8')));
}
