// Sesame's Teams settings as the Teams SDK receives them: Sesame's variable names (the SDK's own,
// CLIENT_ID and the like, are never read behind its back), a client secret or a managed identity.
import { afterEach, describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config/env.js';
import { createLogger } from '../../src/log/logger.js';
import { teamsConfig } from '../../src/teams/teams-config.js';
import { createSdkApp } from '../../src/teams/teams-sdk-app.js';

const APP_ID = '6f1c2a9e-1234-4abc-8def-0123456789ab';
const TENANT = '9b4f1a2e-5c7d-4e3f-8a1b-2c3d4e5f6a7b';
const credentialsFor = (env: NodeJS.ProcessEnv) =>
  createSdkApp(teamsConfig(parseEnv(env)), createLogger('silent')).credentials as Record<string, unknown> | undefined;

const sdkNames = ['CLIENT_ID', 'CLIENT_SECRET', 'TENANT_ID', 'MANAGED_IDENTITY_CLIENT_ID'] as const;
afterEach(() => {
  for (const name of sdkNames) delete process.env[name];
});

describe('the Teams settings', () => {
  it('give the SDK the client secret of MICROSOFT_APP_PASSWORD', () => {
    const credentials = credentialsFor({
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: 'secret',
      MICROSOFT_APP_TENANT_ID: TENANT,
    });
    expect(credentials).toMatchObject({ clientId: APP_ID, clientSecret: 'secret', tenantId: TENANT });
  });

  it('use a managed identity instead of a secret when MICROSOFT_APP_MANAGED_IDENTITY is set', () => {
    const own = credentialsFor({
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_TENANT_ID: TENANT,
      MICROSOFT_APP_MANAGED_IDENTITY: APP_ID,
    });
    expect(own).toEqual({ clientId: APP_ID, tenantId: TENANT });
    const system = credentialsFor({
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_TENANT_ID: TENANT,
      MICROSOFT_APP_MANAGED_IDENTITY: 'system',
    });
    expect(system).toMatchObject({
      clientId: APP_ID,
      managedIdentityClientId: 'system',
      managedIdentityType: 'system',
    });
    expect(() =>
      parseEnv({
        MICROSOFT_APP_ID: APP_ID,
        MICROSOFT_APP_TENANT_ID: TENANT,
        MICROSOFT_APP_PASSWORD: 'secret',
        MICROSOFT_APP_MANAGED_IDENTITY: 'system',
      }),
    ).toThrow('Invalid configuration: MICROSOFT_APP_MANAGED_IDENTITY=(set): set either it or MICROSOFT_APP_PASSWORD');
  });

  it("never take the SDK's own variables: without MICROSOFT_APP_ID the bot has no credentials", () => {
    Object.assign(process.env, {
      CLIENT_ID: APP_ID,
      CLIENT_SECRET: 'from-elsewhere',
      TENANT_ID: TENANT,
      MANAGED_IDENTITY_CLIENT_ID: 'system',
    });
    expect(credentialsFor({})).toBeUndefined();
  });
});
