// The Teams set-up the environment describes (see teamsMode in src/config/env.ts). Sesame keeps the
// Bot Framework names its users already have; the Teams SDK calls them CLIENT_ID, CLIENT_SECRET
// and TENANT_ID (and MANAGED_IDENTITY_CLIENT_ID).
import type { CloudEnvironment } from '@microsoft/teams.api';
import type { Env } from '../config/env.js';

export interface TeamsConfig {
  /** MICROSOFT_APP_ID (the SDK's CLIENT_ID). Without it the bot runs unauthenticated, locally. */
  appId?: string;
  /** MICROSOFT_APP_PASSWORD (CLIENT_SECRET). */
  appPassword?: string;
  /** MICROSOFT_APP_TENANT_ID (TENANT_ID): the tenant of a single-tenant bot. */
  tenantId?: string;
  /** MICROSOFT_APP_MANAGED_IDENTITY (MANAGED_IDENTITY_CLIENT_ID): the bot's tokens from a managed identity, no secret. */
  managedIdentityClientId?: string;
  /** Overrides of the cloud's endpoints (a sovereign cloud; a local identity provider in tests). */
  cloud?: Partial<CloudEnvironment>;
  /** The bot's outbound token from elsewhere than its secret (tests: a fixed token, offline). */
  token?: (scope: string | string[], tenantId?: string) => string | Promise<string>;
}

export const teamsConfig = (env: Env): TeamsConfig => ({
  appId: env.MICROSOFT_APP_ID,
  appPassword: env.MICROSOFT_APP_PASSWORD,
  tenantId: env.MICROSOFT_APP_TENANT_ID,
  managedIdentityClientId: env.MICROSOFT_APP_MANAGED_IDENTITY,
});
