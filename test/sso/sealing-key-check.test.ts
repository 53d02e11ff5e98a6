// The service refuses to start without TOKEN_ENCRYPTION_KEY while an identity provider is enabled:
// its client secret could not be opened and every enterprise sign-in would fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealingKeyProblem } from '../../src/sso/sealing-key-check.js';
import { newOrganization } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe('the sealing key at start-up', () => {
  it('is not asked for while no provider is enabled, and is asked for once one is', async () => {
    expect(await sealingKeyProblem(t.prisma, {})).toBeUndefined();
    const { owner } = await newOrganization(t.prisma);
    await t.prisma.identityProvider.create({
      data: {
        organizationId: owner.organization.id,
        issuer: 'https://login.example.com',
        clientId: 'sesame',
        clientSecret: {},
        label: 'Acme SSO',
      },
    });
    const problem = await sealingKeyProblem(t.prisma, {});
    expect(problem).toContain('TOKEN_ENCRYPTION_KEY is not set, but 1 organization(s) have an identity provider');
    expect(problem).toContain('sesame sso disable');
    expect(await sealingKeyProblem(t.prisma, { TOKEN_ENCRYPTION_KEY: 'set' })).toBeUndefined();

    await t.prisma.identityProvider.update({
      where: { organizationId: owner.organization.id },
      data: { enabled: false },
    });
    expect(await sealingKeyProblem(t.prisma, {})).toBeUndefined();
  });
});
