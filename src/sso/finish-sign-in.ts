// The provider's callback: takes the sign-in once (state + browser cookie), exchanges the code
// (PKCE verifier), and verifies the ID token through openid-client: signature against the
// provider's JWKS, issuer, audience, expiry and nonce. The e-mail is read from the ID token, or
// from the UserInfo endpoint when the provider keeps the ID token thin (Okta, oidc-provider).
import * as oidc from 'openid-client';
import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import type { SsoLogin } from '../generated/prisma/client.js';
import type { SecretBox } from '../security/secret-box.js';
import { discover, forgetDiscovery } from './discovery.js';
import { loadProvider, type ProviderSettings } from './provider-settings.js';
import { takeSignIn } from './sign-in-state.js';

export interface EnterpriseIdentity {
  issuer: string;
  subject: string;
  /** Lower-cased; undefined when the provider sent none. */
  email: string | undefined;
  emailVerified: boolean;
  givenName: string | undefined;
  familyName: string | undefined;
}

export interface FinishedSignIn {
  login: SsoLogin;
  provider: ProviderSettings;
  identity: EnterpriseIdentity;
}

/** Why a callback failed, for the log (never a claim or a token). */
export type CallbackFailure = 'state' | 'cancelled' | 'provider_down' | 'token';

export class SignInFailed extends AppError {
  constructor(
    readonly failure: CallbackFailure,
    readonly login?: SsoLogin,
  ) {
    super(
      failure === 'state'
        ? 'sso.state_invalid'
        : failure === 'cancelled'
          ? 'sso.cancelled'
          : failure === 'provider_down'
            ? 'sso.provider_down'
            : 'sso.token_refused',
      {},
      'refused',
    );
  }
}

export async function finishSignIn(
  db: Db,
  input: { callbackUrl: URL; browserSecret: string | undefined },
  options: { secretBox?: SecretBox; now: Date },
): Promise<FinishedSignIn> {
  const state = input.callbackUrl.searchParams.get('state') ?? '';
  const login = await takeSignIn(db, { state, browserSecret: input.browserSecret }, options.now);
  if (!login) throw new SignInFailed('state');
  if (input.callbackUrl.searchParams.has('error')) throw new SignInFailed('cancelled', login);
  const provider = await loadProvider(db, login.organizationId, options.secretBox);

  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  let config: oidc.Configuration;
  try {
    config = await discover(provider);
    tokens = await oidc.authorizationCodeGrant(config, input.callbackUrl, {
      pkceCodeVerifier: login.codeVerifier,
      expectedState: state,
      expectedNonce: login.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    throw new SignInFailed(isUnreachable(error) ? 'provider_down' : 'token', login);
  }
  const claims = tokens.claims();
  if (!claims) throw new SignInFailed('token', login);
  let email = claims.email;
  let emailVerified = verified(claims);
  let givenName = claims.given_name;
  let familyName = claims.family_name;
  if (typeof email !== 'string') {
    try {
      // For the subject the ID token named: openid-client refuses UserInfo about anyone else.
      const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
      email = info.email;
      emailVerified = verified(info);
      givenName ??= info.given_name;
      familyName ??= info.family_name;
    } catch (error) {
      if (isUnreachable(error)) forgetDiscovery(provider);
      throw new SignInFailed(isUnreachable(error) ? 'provider_down' : 'token', login);
    }
  }
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim().slice(0, 100) : undefined);
  return {
    login,
    provider,
    identity: {
      issuer: claims.iss,
      subject: claims.sub,
      email: typeof email === 'string' ? email.trim().toLowerCase() : undefined,
      emailVerified,
      givenName: text(givenName),
      familyName: text(familyName),
    },
  };
}

/**
 * The provider vouches for the address: `email_verified`, or Entra ID's `xms_edov` (the address's
 * domain is verified by the tenant; Entra ID sends no `email_verified`).
 */
const verified = (claims: Record<string, unknown>) =>
  claims.email_verified === true || claims.xms_edov === true || claims.xms_edov === '1';

/** A network failure or a 5xx (the provider is down), as opposed to an answer that failed checks. */
function isUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return true;
  if (error instanceof TypeError && /fetch failed/i.test(error.message)) return true;
  const status = (error as { status?: unknown; response?: { status?: unknown } }).response?.status;
  if (typeof status === 'number' && status >= 500) return true;
  return error.cause instanceof Error && isUnreachable(error.cause);
}
