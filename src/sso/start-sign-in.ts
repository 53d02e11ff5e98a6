// Sends a browser to the organization's identity provider: authorization code flow with PKCE
// (S256), a state bound to the browser (the caller sets the cookie) and a nonce for the ID token.
import * as oidc from 'openid-client';
import type { Db } from '../db/database.js';
import type { Locale } from '../i18n/locale.js';
import type { SecretBox } from '../security/secret-box.js';
import { discover } from './discovery.js';
import { loadProvider } from './provider-settings.js';
import { randomSecret, saveSignIn } from './sign-in-state.js';

export interface StartedSignIn {
  /** Where to send the browser. */
  authorizationUrl: URL;
  /** The value of the cookie that binds the state to this browser. */
  browserSecret: string;
}

export async function startSignIn(
  db: Db,
  input: { organizationId: string; invitationId: string | null; locale: Locale; redirectUri: string },
  options: { secretBox?: SecretBox; now: Date },
): Promise<StartedSignIn> {
  const provider = await loadProvider(db, input.organizationId, options.secretBox);
  const config = await discover(provider);
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const browserSecret = randomSecret();
  await saveSignIn(db, { ...input, state, nonce, codeVerifier, browserSecret }, options.now);
  const authorizationUrl = oidc.buildAuthorizationUrl(config, {
    redirect_uri: input.redirectUri,
    scope: provider.scopes.join(' '),
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ui_locales: input.locale,
  });
  return { authorizationUrl, browserSecret };
}
