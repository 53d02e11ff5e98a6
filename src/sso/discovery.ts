// The provider's metadata, discovered through <issuer>/.well-known/openid-configuration with
// openid-client, kept a while per provider and discovered again after DISCOVERY_TTL_MS (a
// provider may move its endpoints or keys: Entra ID and Okta rotate signing keys, and
// openid-client refetches the JWKS on an unknown key id). A failed discovery is not kept.
import { createHash } from 'node:crypto';
import * as oidc from 'openid-client';
import { isInsecureLoopback } from './issuer-url.js';
import type { ProviderSettings } from './provider-settings.js';

export const DISCOVERY_TTL_MS = 10 * 60_000;
/** Seconds for each request to the provider (discovery, token, JWKS). */
export const PROVIDER_TIMEOUT_S = 10;

type Cached = { at: number; config: Promise<oidc.Configuration> };
const cache = new Map<string, Cached>();

const cacheKey = (p: ProviderSettings) =>
  createHash('sha256')
    .update(JSON.stringify([p.organizationId, p.issuer, p.clientId, p.clientSecret]))
    .digest('hex');

export function discover(provider: ProviderSettings, now = Date.now()): Promise<oidc.Configuration> {
  const key = cacheKey(provider);
  const cached = cache.get(key);
  if (cached && now - cached.at < DISCOVERY_TTL_MS) return cached.config;
  const config = oidc.discovery(
    new URL(provider.issuer),
    provider.clientId,
    undefined,
    oidc.ClientSecretPost(provider.clientSecret),
    {
      timeout: PROVIDER_TIMEOUT_S,
      // The ID token's signature is checked against the provider's JWKS even though it comes
      // straight from the token endpoint (openid-client would otherwise rely on TLS alone).
      execute: [
        oidc.enableNonRepudiationChecks,
        ...(isInsecureLoopback(provider.issuer) ? [oidc.allowInsecureRequests] : []),
      ],
    },
  );
  cache.set(key, { at: now, config });
  config.catch(() => {
    if (cache.get(key)?.config === config) cache.delete(key);
  });
  return config;
}

/** Forgets a provider's metadata (after a failure that new metadata might fix). */
export function forgetDiscovery(provider: ProviderSettings): void {
  cache.delete(cacheKey(provider));
}
