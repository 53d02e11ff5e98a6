// sesame org brand, org set for the sender and the next step, and org preview, end to end: the
// real executable in a child process (issue 18).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PNG } from '../brand/samples.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { type Cli, cliFor } from './run-cli.js';

let db: TestDatabase;
let sesame: Cli;
const org = ['--org', 'Brandco'];

beforeAll(async () => {
  db = await createTestDatabase();
  sesame = await cliFor({ DATABASE_URL: db.url });
  const created = await sesame([
    'org',
    'create',
    '--name',
    'Brandco',
    '--seats',
    '5',
    '--owner',
    'jeanne@brandco.example',
  ]);
  expect(created.code, created.stderr).toBe(0);
  await db.prisma.member.updateMany({ data: { firstName: 'Jeanne', lastName: 'Dupont' } });
}, 120_000);
afterAll(async () => {
  await sesame?.cleanup();
  await db?.close();
});

describe('sesame org brand and org preview', { timeout: 120_000 }, () => {
  it('brands the organization from files, refuses what cannot be used with the reason, and resets', async () => {
    await writeFile(join(sesame.cwd, 'logo.png'), SAMPLE_PNG);
    // A script in an SVG named .png: typed from its bytes, refused for the script.
    await writeFile(
      join(sesame.cwd, 'evil.png'),
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );

    const branded = await sesame([
      'org',
      'brand',
      '--logo',
      'logo.png',
      '--color',
      '#0B6E4F',
      '--display-name',
      'Brand & Co',
      '--json',
      ...org,
    ]);
    expect(branded.code, branded.stderr).toBe(0);
    const json = branded.json<{ color: string; displayName: string; logo: { type: string; url: string } }>();
    expect(json).toMatchObject({ color: '#0b6e4f', displayName: 'Brand & Co', sesameFooter: true });
    expect(json.logo.type).toBe('image/png');
    expect(json.logo.url).toMatch(/^http:\/\/localhost:3000\/brand\/[0-9a-f-]{36}\/logo\?v=[0-9a-f]{16}$/);

    const light = await sesame(['org', 'brand', '--color', '#ffcc00', ...org]);
    expect(light.code).toBe(1);
    expect(light.stderr).toMatch(/#ffcc00 is too light .* contrast is 1\.\d\d:1, and WCAG AA asks at least 4\.5:1/);
    const evil = await sesame(['org', 'brand', '--logo', 'evil.png', '--lang', 'fr', ...org]);
    expect(evil.code).toBe(1);
    expect(evil.stderr).toContain('Ce logo SVG est refusé : il contient un script.');
    const missing = await sesame(['org', 'brand', '--logo', 'nowhere.png', ...org]);
    expect(missing.stderr).toContain('The logo file nowhere.png could not be read');

    const shown = await sesame(['org', 'brand', ...org]);
    expect(shown.stdout).toContain('What invitees see:');
    expect(shown.stdout).toMatch(/Display name\s+Brand & Co/);
    expect(shown.stdout).toMatch(/Sender name\s+"<inviter's name> via Brand & Co" \(default\)/);

    const reset = await sesame(['org', 'brand', '--reset', '--json', ...org]);
    expect(reset.json()).toEqual({ displayName: null, color: null, logo: null, sesameFooter: true });
  });

  it('sets the sender and the next step, and previews the e-mails and the pages', async () => {
    for (const [key, value] of [
      ['reply-to', 'help@brandco.example'],
      ['sign-in-url', 'https://app.brandco.example/login'],
    ]) {
      const set = await sesame(['org', 'set', key as string, value as string, ...org]);
      expect(set.code, set.stderr).toBe(0);
    }
    const bad = await sesame(['org', 'set', 'sign-in-url', 'http://app.brandco.example', ...org]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('expected an https:// address');
    await sesame(['org', 'brand', '--color', '#0b6e4f', '--display-name', 'Brand & Co', ...org]);

    const out = join(sesame.cwd, 'preview');
    const invitation = await sesame(['org', 'preview', 'invitation', '--out', out, '--json', ...org]);
    expect(invitation.code, invitation.stderr).toBe(0);
    expect(invitation.json<{ files: string[] }>().files.map((f) => f.slice(out.length + 1))).toEqual([
      'invitation.eml',
      'invitation.html',
    ]);
    const eml = await readFile(join(out, 'invitation.eml'), 'utf8');
    expect(eml).toContain('From: "Jeanne Dupont via Brand & Co" <sesame@localhost.localdomain>');
    expect(eml).toContain('Reply-To: <help@brandco.example>');
    expect(eml).toContain('To: "Alex Martin" <alex.martin@example.com>');
    expect(eml).toContain('Jeanne Dupont (jeanne@brandco.example) invited you to join Brand & Co');
    const html = await readFile(join(out, 'invitation.html'), 'utf8');
    expect(html).toContain('<strong>Jeanne Dupont (jeanne@brandco.example)</strong> invited you to join');
    expect(html).toContain('bgcolor="#0b6e4f"');

    const added = await sesame(['org', 'preview', 'added', '--lang', 'fr', '--out', out, ...org]);
    expect(added.code, added.stderr).toBe(0);
    const addedHtml = await readFile(join(out, 'added.html'), 'utf8');
    expect(addedHtml).toContain('<html lang="fr">');
    expect(addedHtml).toContain('href="https://app.brandco.example/login"');

    const page = await sesame(['org', 'preview', 'page', '--out', out, ...org]);
    expect(page.code, page.stderr).toBe(0);
    const accept = await readFile(join(out, 'accept-page.html'), 'utf8');
    expect(accept).toContain('<h1>Join Brand &amp; Co</h1>');
    expect(accept).toContain('--accent:#0b6e4f;');
    expect(accept).not.toContain('<link rel="stylesheet"');
    const joined = await readFile(join(out, 'joined-page.html'), 'utf8');
    expect(joined).toContain(
      '<a class="button" href="https://app.brandco.example/login">Sign in to Brand &amp; Co</a>',
    );

    const unknown = await sesame(['org', 'preview', 'poster', ...org]);
    expect(unknown.code).toBe(2);
  });
});
