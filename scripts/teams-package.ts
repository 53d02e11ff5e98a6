// `npm run teams:package`: builds dist/sesame-teams.zip, the Teams app package that an admin uploads
// (Teams admin center → Manage apps → Upload): manifests/teams/manifest.template.json with its
// placeholders filled from the environment (and .env, read the way Sesame reads it), plus the two icons,
// all three at the zip's root. See manifests/teams/README.md.
//   MICROSOFT_APP_ID  the bot's Microsoft App ID (a GUID): the app's id and its bot's id
//   PUBLIC_URL        https://... where Sesame is served (Teams calls PUBLIC_URL/api/messages)
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { invokedDirectly } from './invoked-directly.js';

export const TEAMS_MANIFEST_DIR = join(import.meta.dirname, '..', 'manifests', 'teams');
export const TEAMS_PACKAGE_PATH = join(import.meta.dirname, '..', 'dist', 'sesame-teams.zip');

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Fixed entry dates: the same inputs give the same zip.
const MTIME = new Date(2024, 0, 1);

/** A setting that cannot make a valid package; its message is one line naming the variable. */
export class TeamsPackageError extends Error {}

export interface TeamsPackageSettings {
  appId: string;
  /** Without a trailing slash. */
  publicUrl: string;
}

function refuse(name: string, value: string | undefined, message: string): never {
  const shown = value === undefined || value.trim() === '' ? 'missing' : JSON.stringify(value);
  throw new TeamsPackageError(`Invalid configuration: ${name}=${shown}: ${message}`);
}

/** Reads and checks MICROSOFT_APP_ID and PUBLIC_URL; throws a TeamsPackageError naming the first wrong one. */
export function teamsPackageSettings(env: NodeJS.ProcessEnv): TeamsPackageSettings {
  const appId = env.MICROSOFT_APP_ID?.trim() ?? '';
  if (!GUID.test(appId)) {
    refuse(
      'MICROSOFT_APP_ID',
      env.MICROSOFT_APP_ID,
      "expected the bot's Microsoft App ID, a GUID (Azure Bot → Configuration, or Teams Developer Portal → Bot management)",
    );
  }
  const raw = env.PUBLIC_URL?.trim() ?? '';
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'https:' || !url.host) {
    refuse('PUBLIC_URL', env.PUBLIC_URL, 'expected the https:// URL where Sesame is served (Teams requires HTTPS)');
  }
  return { appId, publicUrl: url.href.replace(/\/+$/, '') };
}

/** manifest.json's text: the template with its placeholders filled, checked to be complete JSON. */
export async function renderTeamsManifest(
  settings: TeamsPackageSettings,
  manifestDir: string = TEAMS_MANIFEST_DIR,
): Promise<string> {
  const template = await readFile(join(manifestDir, 'manifest.template.json'), 'utf8');
  const values: Record<string, string> = {
    MICROSOFT_APP_ID: settings.appId,
    PUBLIC_URL: settings.publicUrl,
    PUBLIC_HOST: new URL(settings.publicUrl).host,
  };
  // Each value goes inside a JSON string: escape it as one.
  const text = template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in values ? JSON.stringify(values[name]).slice(1, -1) : whole,
  );
  const left = /\{\{[^}]*\}\}|\{\{/.exec(text);
  if (left) throw new TeamsPackageError(`manifest.template.json: unknown placeholder ${left[0]}`);
  try {
    JSON.parse(text);
  } catch (error) {
    throw new TeamsPackageError(`manifest.template.json: not valid JSON once filled (${(error as Error).message})`);
  }
  return text;
}

/** The zip's bytes: manifest.json, color.png and outline.png at its root. */
export async function buildTeamsPackage(options: {
  appId: string;
  publicUrl: string;
  manifestDir?: string;
}): Promise<Uint8Array> {
  const settings = teamsPackageSettings({ MICROSOFT_APP_ID: options.appId, PUBLIC_URL: options.publicUrl });
  const dir = options.manifestDir ?? TEAMS_MANIFEST_DIR;
  const manifest = await renderTeamsManifest(settings, dir);
  const [color, outline] = await Promise.all([readFile(join(dir, 'color.png')), readFile(join(dir, 'outline.png'))]);
  return zipSync(
    {
      'manifest.json': strToU8(manifest),
      'color.png': new Uint8Array(color),
      'outline.png': new Uint8Array(outline),
    },
    { level: 9, mtime: MTIME },
  );
}

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const { appId, publicUrl } = teamsPackageSettings(process.env);
  const bytes = await buildTeamsPackage({ appId, publicUrl });
  await mkdir(dirname(TEAMS_PACKAGE_PATH), { recursive: true });
  await writeFile(TEAMS_PACKAGE_PATH, bytes);
  console.log(`Wrote ${relative(process.cwd(), TEAMS_PACKAGE_PATH) || TEAMS_PACKAGE_PATH} (Teams app id ${appId})`);
  console.log('Upload it in the Teams admin center → Teams apps → Manage apps → Upload new app.');
}

if (invokedDirectly(import.meta.url)) {
  main().catch((error: unknown) => {
    if (!(error instanceof TeamsPackageError)) throw error;
    console.error(error.message);
    process.exitCode = 2;
  });
}
