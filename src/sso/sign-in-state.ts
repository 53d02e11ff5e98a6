// The state of a sign-in sent to the provider, kept in sso_login until the callback consumes it:
// the state and the browser cookie are random and only their SHA-256 is stored. The callback
// takes the row once (UPDATE ... WHERE used_at IS NULL), so a replayed callback finds nothing.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database.js';
import type { SsoLogin } from '../generated/prisma/client.js';
import type { Locale } from '../i18n/locale.js';

export const SIGN_IN_TTL_MS = 10 * 60_000;

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();
export const randomSecret = () => randomBytes(32).toString('base64url');

export async function saveSignIn(
  db: Db,
  input: {
    state: string;
    browserSecret: string;
    organizationId: string;
    invitationId: string | null;
    nonce: string;
    codeVerifier: string;
    locale: Locale;
  },
  now: Date,
): Promise<void> {
  // Rows of abandoned sign-ins go with the next one (the index on expires_at keeps it cheap).
  await db.ssoLogin.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - SIGN_IN_TTL_MS) } } });
  await db.ssoLogin.create({
    data: {
      stateHash: sha256(input.state),
      browserHash: sha256(input.browserSecret),
      organizationId: input.organizationId,
      invitationId: input.invitationId,
      nonce: input.nonce,
      codeVerifier: input.codeVerifier,
      locale: input.locale,
      expiresAt: new Date(now.getTime() + SIGN_IN_TTL_MS),
    },
  });
}

/** The sign-in this state started in this browser, taken once; undefined if none (any reason). */
export async function takeSignIn(
  db: Db,
  input: { state: string; browserSecret: string | undefined },
  now: Date,
): Promise<SsoLogin | undefined> {
  if (!input.state || !input.browserSecret) return undefined;
  const stateHash = sha256(input.state);
  const taken = await db.ssoLogin.updateMany({
    where: { stateHash, browserHash: sha256(input.browserSecret), usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (taken.count !== 1) return undefined;
  return (await db.ssoLogin.findUnique({ where: { stateHash } })) ?? undefined;
}
