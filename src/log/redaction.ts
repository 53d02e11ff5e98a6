// The fields a log line must never carry, whatever a caller passes: credentials (tokens,
// passwords, secrets, authorization headers, cookies) and content (e-mail bodies, message texts,
// payloads, addresses). Callers log ids and counts; this list is the net under that rule.
// Pino matches these paths exactly (case included) at the top level and up to two levels down.

const SECRET_KEYS = [
  'token',
  'accessToken',
  'refreshToken',
  'botToken',
  'appToken',
  'acceptToken',
  'password',
  'temporaryPassword',
  'newPassword',
  'passwordHash',
  'secret',
  'clientSecret',
  'signingSecret',
  'apiKey',
  'authorization',
  'Authorization',
  'cookie',
  'set-cookie',
];

const CONTENT_KEYS = ['payload', 'body', 'rawBody', 'html', 'text', 'blocks', 'email'];

export const REDACTED = '[redacted]';

/** Pino `redact` paths: each key where it is, and one or two objects down (headers.authorization). */
export const redactedPaths: string[] = [...SECRET_KEYS, ...CONTENT_KEYS].flatMap((key) => {
  const segment = /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `["${key}"]`;
  const top = segment.startsWith('.') ? key : segment;
  return [top, `*${segment}`, `*.*${segment}`];
});

/**
 * Credentials that can hide in free text (an error's message, a URL): bearer values, Slack's
 * tokens (xoxb-, xoxp-, xapp-...), JWTs (Teams, Microsoft Entra), SendGrid keys.
 */
const SECRET_IN_TEXT = [
  /\b(Bearer|Basic)\s+[\w.~+/-]{8,}=*/g,
  /\bx(ox[abposr]|app)-[\w-]+/g,
  /\beyJ[\w-]+\.[\w-]+\.[\w-]*/g,
  /\bSG\.[\w-]{16,}\.[\w-]{16,}/g,
];

export function scrubText(text: string): string {
  return SECRET_IN_TEXT.reduce((scrubbed, pattern) => scrubbed.replace(pattern, REDACTED), text);
}

/** The fields with their top-level texts scrubbed (where error messages are passed). */
export function scrubFields(fields: Record<string, unknown>): Record<string, unknown> {
  const scrubbed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields))
    scrubbed[key] = typeof value === 'string' ? scrubText(value) : value;
  return scrubbed;
}
