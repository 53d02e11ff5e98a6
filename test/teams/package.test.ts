import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildTeamsPackage, TeamsPackageError, teamsPackageSettings } from '../../scripts/teams-package.js';
import { teamsManifestProblems } from '../support/manifest-validation.js';

const APP_ID = '6f1c2a9e-1234-4abc-8def-0123456789ab';
const ROOT = join(import.meta.dirname, '..', '..');

/** Width and height from a PNG's IHDR, after checking the signature. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const buffer = Buffer.from(bytes);
  expect(buffer.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(buffer.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

describe('the Teams app package', () => {
  it('holds manifest.json and the two icons at its root, filled for the app and the URL', async () => {
    const files = unzipSync(await buildTeamsPackage({ appId: APP_ID, publicUrl: 'https://sesame.example.com/' }));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);

    const text = strFromU8(files['manifest.json'] as Uint8Array);
    expect(text).not.toContain('{{');
    const manifest = JSON.parse(text);
    expect(manifest).toMatchObject({
      manifestVersion: '1.17',
      version: '1.0.0',
      id: APP_ID,
      developer: {
        name: 'Sesame',
        websiteUrl: 'https://sesame.example.com',
        privacyUrl: 'https://sesame.example.com/privacy',
        termsOfUseUrl: 'https://sesame.example.com/terms',
      },
      icons: { color: 'color.png', outline: 'outline.png' },
      permissions: ['identity', 'messageTeamMembers'],
      validDomains: ['sesame.example.com'],
    });
    expect(manifest.$schema).toContain('/teams/v1.17/MicrosoftTeams.schema.json');
    expect(manifest.bots).toHaveLength(1);
    const [bot] = manifest.bots;
    expect(bot).toMatchObject({
      botId: APP_ID,
      scopes: ['personal', 'team', 'groupChat'],
      supportsFiles: true,
      isNotificationOnly: false,
    });
    expect(bot.commandLists).toHaveLength(1);
    const [list] = bot.commandLists;
    expect(list.scopes).toEqual(['personal', 'team', 'groupChat']);
    const commands = list.commands as { title: string; description: string }[];
    expect(commands.map((c) => c.title)).toEqual([
      'invite',
      'import',
      'add',
      'pending',
      'revoke',
      'resend',
      'seats',
      'audit',
      'help',
      'settings',
    ]);
    expect(commands[0]?.description).toBe('invite <e-mails> [role] [user type]');
    // A command list holds 10 commands at most.
    expect(commands.length).toBeLessThanOrEqual(10);
    // The schema's limits, which the Teams admin center enforces on upload.
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.name.full.length).toBeLessThanOrEqual(100);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.description.full.length).toBeLessThanOrEqual(4000);
    expect(manifest.accentColor).toMatch(/^#[0-9a-fA-F]{6}$/);
    for (const command of commands) {
      expect(command.title.length).toBeLessThanOrEqual(32);
      expect(command.description.length).toBeLessThanOrEqual(128);
    }

    expect(pngSize(files['color.png'] as Uint8Array)).toEqual({ width: 192, height: 192 });
    expect(pngSize(files['outline.png'] as Uint8Array)).toEqual({ width: 32, height: 32 });
  });

  it("passes Microsoft's manifest schema of its manifestVersion, and its full description names every command", async () => {
    const files = unzipSync(await buildTeamsPackage({ appId: APP_ID, publicUrl: 'https://sesame.example.com' }));
    const manifest = JSON.parse(strFromU8(files['manifest.json'] as Uint8Array));
    expect(teamsManifestProblems(manifest)).toEqual([]);
    // The schema is really applied: a manifest it must refuse is refused.
    expect(teamsManifestProblems({ ...manifest, id: 'not-a-guid', accentColor: 'purple' })).toHaveLength(2);
    const listed = (manifest.bots[0].commandLists[0].commands as { title: string }[]).map((c) => c.title);
    // The menu holds 10 commands at most: `password` and `link` are typed, so the description names them.
    for (const command of [...listed, 'password', 'link']) {
      expect(manifest.description.full).toMatch(new RegExp(`\\b${command}\\b`));
    }
  });

  it('keeps a port and a path of PUBLIC_URL', async () => {
    const files = unzipSync(await buildTeamsPackage({ appId: APP_ID, publicUrl: 'https://example.com:8443/sesame' }));
    const manifest = JSON.parse(strFromU8(files['manifest.json'] as Uint8Array));
    expect(manifest.developer.privacyUrl).toBe('https://example.com:8443/sesame/privacy');
    expect(manifest.validDomains).toEqual(['example.com:8443']);
  });

  it('is the same bytes for the same settings', async () => {
    const settings = { appId: APP_ID, publicUrl: 'https://sesame.example.com' };
    expect(await buildTeamsPackage(settings)).toEqual(await buildTeamsPackage(settings));
  });
});

describe('the Teams package settings', () => {
  it.each([
    [{ PUBLIC_URL: 'https://sesame.example.com' }, 'MICROSOFT_APP_ID=missing'],
    [{ MICROSOFT_APP_ID: '', PUBLIC_URL: 'https://sesame.example.com' }, 'MICROSOFT_APP_ID=missing'],
    [{ MICROSOFT_APP_ID: 'sesame-bot', PUBLIC_URL: 'https://sesame.example.com' }, 'MICROSOFT_APP_ID="sesame-bot"'],
    [{ MICROSOFT_APP_ID: `${APP_ID}0`, PUBLIC_URL: 'https://sesame.example.com' }, 'MICROSOFT_APP_ID='],
    [{ MICROSOFT_APP_ID: APP_ID }, 'PUBLIC_URL=missing'],
    [{ MICROSOFT_APP_ID: APP_ID, PUBLIC_URL: 'http://sesame.example.com' }, 'PUBLIC_URL="http://sesame.example.com"'],
    [{ MICROSOFT_APP_ID: APP_ID, PUBLIC_URL: 'sesame.example.com' }, 'PUBLIC_URL="sesame.example.com"'],
  ])('refuses %o with one line naming the variable', (env, named) => {
    expect(() => teamsPackageSettings(env)).toThrow(TeamsPackageError);
    expect(() => teamsPackageSettings(env)).toThrow(`Invalid configuration: ${named}`);
  });

  it('accepts a GUID and an https URL, without the trailing slash', () => {
    expect(
      teamsPackageSettings({ MICROSOFT_APP_ID: ` ${APP_ID} `, PUBLIC_URL: 'https://sesame.example.com/' }),
    ).toEqual({ appId: APP_ID, publicUrl: 'https://sesame.example.com' });
  });

  it('refuses through buildTeamsPackage too', async () => {
    await expect(buildTeamsPackage({ appId: APP_ID, publicUrl: 'http://sesame.example.com' })).rejects.toThrow(
      /^Invalid configuration: PUBLIC_URL=/,
    );
  });

  it('stops `npm run teams:package` with that line and exit code 2', async () => {
    // An empty working directory: no .env is read, and nothing is written.
    const cwd = await mkdtemp(join(tmpdir(), 'sesame-teams-'));
    try {
      const env = { ...process.env, MICROSOFT_APP_ID: 'not-a-guid', PUBLIC_URL: 'https://sesame.example.com' };
      const run = promisify(execFile)(
        join(ROOT, 'node_modules', '.bin', 'tsx'),
        [join(ROOT, 'scripts', 'teams-package.ts')],
        { cwd, env },
      );
      const failure = await run.then(
        () => undefined,
        (error: { code: number; stdout: string; stderr: string }) => error,
      );
      expect(failure?.code).toBe(2);
      expect(failure?.stdout).toBe('');
      expect(failure?.stderr.trim()).toMatch(/^Invalid configuration: MICROSOFT_APP_ID="not-a-guid": [^\n]+$/);
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  });
});
