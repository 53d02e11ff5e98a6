// Automatic join, once on, is turned off from the CLI with `sso configure --no-auto-join` (before,
// `sso configure` kept it on and only `sso disable` stopped it, with every enterprise login). The
// change is audited, said in the answer, and documented in French too.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cli, cliFor } from '../cli/run-cli.js';
import { newOrganization } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let db: TestDatabase;
let sesame: Cli;
let organizationId: string;
const env = {
  TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  PUBLIC_URL: 'https://sesame.acme.example',
  EMAIL_TRANSPORT: 'file',
};
// The provider is not reached by `sso configure`: its issuer URL is only checked.
const provider = ['--issuer', 'https://login.acme.example', '--client-id', 'sesame'];

const configure = async (...flags: string[]) => {
  const run = await sesame(['sso', 'configure', ...provider, ...flags], { env });
  expect(run.code, run.stderr).toBe(0);
  return run.stdout;
};
const settings = async () =>
  db.prisma.identityProvider.findUniqueOrThrow({
    where: { organizationId },
    select: { autoJoin: true, autoJoinDomains: true, enabled: true },
  });

beforeAll(async () => {
  db = await createTestDatabase();
  sesame = await cliFor({ DATABASE_URL: db.url });
  organizationId = (await newOrganization(db.prisma)).organization.id;
});
afterAll(async () => {
  await sesame?.cleanup();
  await db?.close();
});

describe('sesame sso configure --auto-join / --no-auto-join', { timeout: 120_000 }, () => {
  it('turns automatic join on, keeps it when not named, then turns it off (audited)', async () => {
    expect(await configure('--client-secret', 's3cret', '--auto-join', '--domain', 'acme.example')).toContain(
      'Automatic join is on for acme.example.',
    );
    expect(await settings()).toEqual({ autoJoin: true, autoJoinDomains: ['acme.example'], enabled: true });

    await configure('--label', 'Acme SSO');
    expect((await settings()).autoJoin).toBe(true);

    const off = await configure('--no-auto-join');
    expect(off).toContain('Automatic join is off: only invited people join.');
    // Only automatic join stops: enterprise logins stay on, and the domains are kept for later.
    expect(await settings()).toEqual({ autoJoin: false, autoJoinDomains: ['acme.example'], enabled: true });
    const [audit] = await db.prisma.auditEvent.findMany({
      where: { organizationId, action: 'sso.configured' },
      orderBy: { id: 'desc' },
      take: 1,
    });
    expect(audit?.data).toMatchObject({ autoJoin: false, autoJoinWas: true });
    expect(JSON.stringify(audit?.data)).not.toContain('s3cret');

    const shown = await sesame(['sso', 'show', '--lang', 'fr'], { env });
    expect(shown.stdout).toMatch(/adhésion automatique +non/);
    const french = await sesame(['sso', 'configure', ...provider, '--no-auto-join', '--lang', 'fr'], { env });
    expect(french.stdout.replace(/\u00a0/g, ' ')).toContain(
      "L'adhésion automatique est désactivée : seules les personnes invitées rejoignent l'organisation.",
    );
  });

  it('documents both flags in English and French', async () => {
    const help = await sesame(['sso', 'configure', '--help']);
    expect(help.stdout).toContain('--no-auto-join');
    expect(help.stdout).toContain('turn automatic join off');
    const aide = await sesame(['sso', 'configure', '--help', '--lang', 'fr']);
    expect(aide.stdout.replace(/\u00a0/g, ' ')).toContain("désactiver l'adhésion automatique");
  });
});
