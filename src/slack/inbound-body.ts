// The body of a request to POST /slack/events, read and checked before Bolt sees it. Bolt's
// receiver assumes a parsed body is an object: a signed `null` (or `payload=null`) made it throw
// outside any handler and took the whole process down. Here the body is read once (Bolt reuses it:
// `rawBody`), and only the shapes Slack sends go on: a JSON object with a `type` (Events API), a
// form with a JSON object in `payload` (interactions), a slash command form, or Slack's ssl_check.
import type { IncomingMessage } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { readLimited } from '../http/read-limited.js';

/** Bolt's own default limit; Slack's payloads are far smaller. */
export const SLACK_BODY_LIMIT = 4 * 1024 * 1024;

const JSON_TYPE = 'application/json';
/** Bolt compares this one exactly (with "; charset=utf-8" it would not parse the form). */
const FORM_TYPE = 'application/x-www-form-urlencoded';

export type BodyVerdict = 'ok' | 400 | 413 | 415;

/** Reads the body into `req.rawBody` (where Bolt looks first) and says whether Bolt may have it. */
export async function checkSlackBody(req: IncomingMessage): Promise<BodyVerdict> {
  const type = req.headers['content-type'];
  const mediaType = type?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== JSON_TYPE && mediaType !== FORM_TYPE) return 415;
  // Bolt reads a form only under this exact type; Slack never adds a charset to it.
  if (mediaType === FORM_TYPE && type !== FORM_TYPE) return 415;
  let bytes: Buffer | undefined;
  try {
    bytes = await readLimited(req, SLACK_BODY_LIMIT);
  } catch {
    // The client went away mid-body: nobody is left to answer.
    return 400;
  }
  if (!bytes) return 413;
  Object.assign(req, { rawBody: bytes });
  const text = bytes.toString('utf8');
  return (mediaType === FORM_TYPE ? isSlackForm(text) : isTypedObject(parseJson(text))) ? 'ok' : 400;
}

function isSlackForm(text: string): boolean {
  const form = parseQuery(text);
  if (form.ssl_check === '1') return true;
  if (form.payload !== undefined) {
    return typeof form.payload === 'string' && isTypedObject(parseJson(form.payload));
  }
  return typeof form.command === 'string' && typeof form.team_id === 'string' && typeof form.user_id === 'string';
}

/** Events and interactions alike are objects naming their type. */
function isTypedObject(body: unknown): boolean {
  return isPlainObject(body) && typeof body.type === 'string';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
