// `sso test`: the provider's discovery document and its signing keys are reachable and usable,
// without signing anyone in. Says what failed, never the secret.
import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import type { Actor } from '../permissions/actor.js';
import { assertOwner } from '../permissions/policy.js';
import type { SecretBox } from '../security/secret-box.js';
import { discover, forgetDiscovery, PROVIDER_TIMEOUT_S } from './discovery.js';
import { loadProvider } from './provider-settings.js';

export interface ProviderCheck {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwksUri: string;
  signingKeys: number;
}

export async function testProvider(db: Db, actor: Actor, options: { secretBox?: SecretBox }): Promise<ProviderCheck> {
  assertOwner(actor);
  const provider = await loadProvider(db, actor.organization.id, options.secretBox);
  forgetDiscovery(provider);
  const unreachable = (what: string) => new AppError('sso.unreachable', { issuer: provider.issuer, what }, 'refused');
  let metadata: ReturnType<Awaited<ReturnType<typeof discover>>['serverMetadata']>;
  try {
    metadata = (await discover(provider)).serverMetadata();
  } catch (error) {
    throw unreachable(`discovery: ${describe(error)}`);
  }
  if (!metadata.authorization_endpoint || !metadata.token_endpoint || !metadata.jwks_uri)
    throw unreachable('discovery: authorization_endpoint, token_endpoint or jwks_uri missing');
  let keys: unknown;
  try {
    const response = await fetch(metadata.jwks_uri, {
      signal: AbortSignal.timeout(PROVIDER_TIMEOUT_S * 1000),
      headers: { accept: 'application/json' },
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    keys = ((await response.json()) as { keys?: unknown }).keys;
  } catch (error) {
    throw unreachable(`JWKS: ${describe(error)}`);
  }
  const signing = Array.isArray(keys) ? keys.filter((k) => (k as { use?: string }).use !== 'enc') : [];
  if (signing.length === 0) throw unreachable('JWKS: no signing key');
  return {
    issuer: metadata.issuer,
    authorizationEndpoint: metadata.authorization_endpoint,
    tokenEndpoint: metadata.token_endpoint,
    jwksUri: metadata.jwks_uri,
    signingKeys: signing.length,
  };
}

/** A short reason: the error's class and message, never a body or a secret. */
export function describe(error: unknown): string {
  if (!(error instanceof Error)) return 'failed';
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`.replace(/\s+/g, ' ').slice(0, 160);
}
