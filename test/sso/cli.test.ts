// `sesame sso ...`, `invite --enterprise` and `add --enterprise-id` as an admin types them, against
// a real OpenID Provider on loopback. The secret never comes back out.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cli, cliFor } from '../cli/run-cli.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { startProvider, type TestProvider } from './provider.js';

let db: TestDatabase;
let sesame: Cli;
let provider: TestProvider;
const key = randomBytes(32).toString('base64');
const env = { TOKEN_ENCRYPTION_KEY: key, PUBLIC_URL: 'https://sesame.acme.example', EMAIL_TRANSPORT: 'file' };
const run = (args: string[], options: { input?: string } = {}) => sesame(args, { env, ...options });

beforeAll(async () => {
  db = await createTestDatabase();
  sesame = await cliFor({ DATABASE_URL: db.url });
  provider = await startProvider({ redirectUri: 'https://sesame.acme.example/sso/callback' });
  const created = await run(['org', 'create', '--name', 'Acme', '--seats', '10', '--owner', 'owner@acme.example']);
  expect(created.code, created.stderr).toBe(0);
});
afterAll(async () => {
  await provider?.close();
  await sesame?.cleanup();
  await db?.close();
});

describe('sesame sso', { timeout: 120_000 }, () => {
  it('refuses enterprise invitations and adds before a provider is configured', async () => {
    const invited = await run(['invite', 'early@acme.example', '--enterprise']);
    expect(invited.code).toBe(1);
    expect(invited.stderr).toContain('Enterprise invitations need an identity provider');
    const added = await run([
      'add',
      'early@acme.example',
      '--first-name',
      'E',
      '--last-name',
      'A',
      '--enterprise-id',
      'x1',
    ]);
    expect(added.code).toBe(1);
  });

  it('configures, shows without the secret, tests, invites, adds by enterprise ID and corrects the ID', async () => {
    const plainHttp = await run([
      'sso',
      'configure',
      '--issuer',
      'http://idp.acme.example',
      '--client-id',
      'c',
      '--client-secret',
      's',
    ]);
    expect(plainHttp.code).toBe(1);
    expect(plainHttp.stderr).toContain('expected an https:// URL');

    const configured = await run(
      [
        'sso',
        'configure',
        '--issuer',
        provider.issuer,
        '--client-id',
        provider.clientId,
        '--client-secret',
        '-',
        '--label',
        'Acme SSO',
        '--join',
        'enterprise',
      ],
      { input: `${provider.clientSecret}\n` },
    );
    expect(configured.code, configured.stderr).toBe(0);
    expect(configured.stdout).toContain(
      'Redirect URI to register at the provider: https://sesame.acme.example/sso/callback',
    );

    const shown = await run(['sso', 'show']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('Acme SSO');
    expect(shown.stdout).toContain(provider.issuer);
    expect(shown.stdout).not.toContain(provider.clientSecret);
    const json = await run(['sso', 'show', '--json']);
    expect(json.json()).toMatchObject({
      provider: { label: 'Acme SSO', joinMode: 'ENTERPRISE', clientSecretSet: true },
    });
    expect(json.stdout).not.toContain(provider.clientSecret);
    // At rest too: the secret is sealed.
    const row = await db.prisma.identityProvider.findFirstOrThrow();
    expect(JSON.stringify(row.clientSecret)).not.toContain(provider.clientSecret);

    const tested = await run(['sso', 'test']);
    expect(tested.code, tested.stderr).toBe(0);
    expect(tested.stdout).toContain('1 signing key(s)');

    const invited = await run(['invite', 'bob@acme.example', '--enterprise']);
    expect(invited.code, invited.stderr).toBe(0);
    const invitation = await db.prisma.invitation.findFirstOrThrow({ where: { email: 'bob@acme.example' } });
    expect(invitation.enterprise).toBe(true);

    const added = await run([
      'add',
      'carol@acme.example',
      '--first-name',
      'Carol',
      '--last-name',
      'Diaz',
      '--enterprise-id',
      '00u1abcd',
      '--credits',
      '250',
      '--member-language',
      'fr',
    ]);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('carol@acme.example added with the enterprise ID 00u1abcd');
    expect(added.stderr).toContain('cannot be used until an administrator corrects it');
    const carol = await db.prisma.member.findFirstOrThrow({ where: { email: 'carol@acme.example' } });
    expect(carol).toMatchObject({ status: 'ACTIVE', passwordHash: null, enterpriseId: '00u1abcd' });
    // The member properties are kept, as with a password (they were dropped before).
    expect(carol).toMatchObject({ credits: 250, language: 'fr' });

    const neither = await run(['add', 'dan@acme.example', '--first-name', 'D', '--last-name', 'E']);
    expect(neither.code).toBe(2);

    const corrected = await run(['sso', 'set-id', 'carol@acme.example', '00u1abce']);
    expect(corrected.code, corrected.stderr).toBe(0);
    expect((await db.prisma.member.findUniqueOrThrow({ where: { id: carol.id } })).enterpriseId).toBe('00u1abce');

    const french = await run([
      '--lang',
      'fr',
      'add',
      'erin@acme.example',
      '--first-name',
      'E',
      '--last-name',
      'R',
      '--enterprise-id',
      '42',
    ]);
    expect(french.stderr).toContain('Sinon, le compte est créé sans pouvoir être utilisé');

    const disabled = await run(['sso', 'disable']);
    expect(disabled.code, disabled.stderr).toBe(0);
    expect((await run(['sso', 'show', '--json'])).json()).toMatchObject({ provider: { enabled: false } });
  });

  it('says what failed when the provider cannot be reached', async () => {
    const configured = await run(['sso', 'configure', '--issuer', provider.issuer, '--client-id', provider.clientId]);
    expect(configured.code, configured.stderr).toBe(0);
    provider.down();
    try {
      const tested = await run(['sso', 'test']);
      expect(tested.code).toBe(1);
      expect(tested.stderr).toContain('could not be reached or answered wrongly (discovery');
    } finally {
      provider.up();
    }
  });
});
