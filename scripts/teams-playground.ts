// `npm run teams:playground`: Microsoft 365 Agents Playground (@microsoft/m365agentsplayground,
// formerly Teams App Test Tool), a Teams-like client in the browser, started against the Sesame
// that runs locally (`npm start`, Teams in its local unauthenticated mode). Offline; a development
// tool only (a dev dependency, not used by `npm test`). See manifests/teams/README.md.
//
// The playground listens on every interface and has no option to change that: it is started with a
// small preload that binds its servers to 127.0.0.1, since anyone reaching it could speak to Sesame
// as the playground's user.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, type Env, parseEnv, teamsMode } from '../src/config/env.js';
import { invokedDirectly } from './invoked-directly.js';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
const WORK_DIR = join(ROOT, '.tmp', 'teams-playground');
/** The playground's tenant: link it once with `npx sesame teams link` and `link <code>`. */
export const PLAYGROUND_TENANT = '00000000-0000-0000-0000-0000000000001';

/** Binds every server the playground starts without a host to the loopback address. */
const LOOPBACK_PRELOAD = `data:text/javascript,${encodeURIComponent(`
import net from 'node:net';
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const first = args[0];
  const port = typeof first === 'number' || (typeof first === 'string' && /^\\d+$/.test(first));
  if (port && typeof args[1] !== 'string') args.splice(1, 0, '127.0.0.1');
  else if (first && typeof first === 'object' && !first.host && !first.path) args[0] = { ...first, host: '127.0.0.1' };
  return listen.apply(this, args);
};
`)}`;

export class PlaygroundError extends Error {}

export interface PlaygroundSettings {
  /** Sesame's messaging endpoint. */
  endpoint: string;
  /** Where the playground serves its page (and its fake Bot Connector). */
  port: number;
  /** The playground user's e-mail: a member of the linked organization (its owner, say). */
  email: string;
}

/** From Sesame's environment (and .env): refuses anything but Teams' local mode. */
export function playgroundSettings(source: NodeJS.ProcessEnv): PlaygroundSettings {
  let env: Env;
  try {
    env = parseEnv(source);
  } catch (error) {
    if (error instanceof ConfigError) throw new PlaygroundError(error.message);
    throw error;
  }
  if (teamsMode(env) !== 'local') {
    throw new PlaygroundError(
      'The playground speaks to Sesame without Bot Framework tokens: run Sesame in its local Teams mode (no MICROSOFT_APP_ID, HOST a loopback address, NODE_ENV not production).',
    );
  }
  const host = env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
  const port = Number(source.TEAMS_PLAYGROUND_PORT ?? 56150);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new PlaygroundError(`TEAMS_PLAYGROUND_PORT=${JSON.stringify(source.TEAMS_PLAYGROUND_PORT)}: expected a port`);
  }
  const email = (source.TEAMS_PLAYGROUND_EMAIL ?? 'owner@acme.example').trim().toLowerCase();
  return { endpoint: `http://${host}:${env.PORT}/api/messages`, port, email };
}

/** The playground's configuration: its tenant, and its user as the member who tries Sesame. */
export function playgroundConfig(settings: PlaygroundSettings): string {
  const name = settings.email.split('@')[0] ?? 'member';
  return [
    'version: "0.1.1"',
    `tenantId: ${PLAYGROUND_TENANT}`,
    'bot:',
    '  id: 00000000-0000-0000-0000-00000000000011',
    '  name: Sesame',
    'currentUser:',
    '  id: user-id-0',
    `  name: ${JSON.stringify(name)}`,
    `  userPrincipleName: ${JSON.stringify(settings.email)}`,
    '  aadObjectId: 00000000-0000-0000-0000-0000000000020',
    `  givenName: ${JSON.stringify(name)}`,
    '  surname: Sesame',
    `  email: ${JSON.stringify(settings.email)}`,
    // Its schema asks for at least five other people (a team's roster).
    'users:',
    ...[1, 2, 3, 4, 5].flatMap((i) => [
      `  - id: user-id-${i}`,
      `    name: Colleague ${i}`,
      `    userPrincipleName: colleague${i}@example.com`,
      `    aadObjectId: 00000000-0000-0000-0000-00000000002${i}`,
      `    givenName: Colleague`,
      `    surname: "${i}"`,
      `    email: colleague${i}@example.com`,
    ]),
    'personalChat:',
    '  id: __PERSONAL_CHAT_ID__',
    'groupChat:',
    '  id: __GROUP_CHAT_ID__',
    '  name: Group Chat',
    'team:',
    '  id: team-id',
    '  name: Managers',
    '  aadGroupId: 00000000-0000-0000-0000-000000000031',
    '  channels:',
    '    - id: channel-managers-id',
    '      name: Managers',
    '',
  ].join('\n');
}

async function sesameIsUp(endpoint: string): Promise<boolean> {
  try {
    const res = await fetch(new URL('/healthz', endpoint), { signal: AbortSignal.timeout(3000) });
    return res.ok;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const settings = playgroundSettings(process.env);
  if (!existsSync(CLI)) {
    throw new PlaygroundError('@microsoft/m365agentsplayground is not installed (a dev dependency): run npm install.');
  }
  if (!(await sesameIsUp(settings.endpoint))) {
    throw new PlaygroundError(`Sesame does not answer at ${settings.endpoint}: start it first (npm start).`);
  }
  mkdirSync(WORK_DIR, { recursive: true });
  const configPath = join(WORK_DIR, 'm365agentsplayground.yml');
  writeFileSync(configPath, playgroundConfig(settings));
  console.log(`Microsoft 365 Agents Playground on http://127.0.0.1:${settings.port} (loopback only)`);
  console.log(`  speaking to ${settings.endpoint} as ${settings.email}, tenant ${PLAYGROUND_TENANT}`);
  console.log('  First time: `npx sesame teams link`, then send `link <code>` in the playground.');
  console.log(`  ${settings.email} must be a member (TEAMS_PLAYGROUND_EMAIL=... to be someone else).`);
  console.log('  Dialogs (invite, add, password) are not supported by the playground: type the commands.');
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      LOOPBACK_PRELOAD,
      CLI,
      'start',
      '--app-endpoint',
      settings.endpoint,
      '--channel-id',
      'msteams',
      '--port',
      String(settings.port),
      // The bot answers to this fake Bot Connector: by address, as the playground listens on IPv4 only.
      '--service-url',
      `http://127.0.0.1:${settings.port}/_connector`,
      '--disable-telemetry',
    ],
    {
      stdio: 'inherit',
      cwd: WORK_DIR,
      env: {
        ...process.env,
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
        M365_AGENTS_PLAYGROUND_LOGFILE: join(WORK_DIR, 'playground.log'),
      },
    },
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => child.kill(signal));
  child.once('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}

if (invokedDirectly(import.meta.url)) {
  main().catch((error: unknown) => {
    if (!(error instanceof PlaygroundError)) throw error;
    console.error(error.message);
    process.exitCode = 2;
  });
}
