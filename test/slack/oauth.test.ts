// Distribution to many workspaces: Slack OAuth through Sesame's own server, the installation kept
// in the database, then requests from the new workspace answered with its own token.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer } from '../../src/http/server.js';
import { createLogger } from '../../src/log/logger.js';
import { createSecretBox } from '../../src/security/secret-box.js';
import { createSlackService } from '../../src/slack/create-slack-app.js';
import { installedBotToken } from '../../src/slack/installation-store.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.js';
import { sendSlashCommand } from '../support/slack-requests.js';
import { messageText, SIGNING_SECRET } from './support.js';

const TOKEN_KEY = Buffer.alloc(32, 3).toString('base64');

let t: TestDatabase;
let fake: FakeSlack;
let base: string;
let close: () => Promise<void>;

beforeAll(async () => {
  t = await createTestDatabase();
  fake = await startFakeSlack();
  const log = createLogger('silent');
  const service = createSlackService({
    config: {
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_CLIENT_ID: '1234.5678',
      SLACK_CLIENT_SECRET: 'client-secret',
      SLACK_STATE_SECRET: 'state-secret-for-tests',
      TOKEN_ENCRYPTION_KEY: TOKEN_KEY,
      SLACK_API_URL: fake.apiUrl,
    },
    db: t.prisma,
    log,
    retries: 0,
  });
  const server = createHttpServer({ db: t.prisma, log, routes: service.routes });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
});
afterAll(async () => {
  await close?.();
  await fake?.close();
  await t?.close();
});

describe('Slack OAuth distribution', () => {
  it('installs into a new workspace, keeps the installation, and answers its requests', async () => {
    const install = await fetch(`${base}/slack/install`, { redirect: 'manual' });
    expect(install.status).toBe(302);
    const location = new URL(install.headers.get('location') ?? '');
    // Approved on the host of SLACK_API_URL (slack-gov.com for GovSlack; here the fake).
    expect(location.origin + location.pathname).toBe(new URL('/oauth/v2/authorize', fake.apiUrl).toString());
    expect(location.searchParams.get('client_id')).toBe('1234.5678');
    expect(location.searchParams.get('scope')).toContain('users:read.email');
    const state = location.searchParams.get('state') ?? '';
    const cookie = (install.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';

    // Slack sends the installer back with a code; the code here names the new team (see the fake).
    const forged = await fetch(`${base}/slack/oauth_redirect?code=TNEWTEAM&state=forged`, {
      headers: { cookie },
      redirect: 'manual',
    });
    expect(forged.status).not.toBe(200);
    expect(await t.prisma.slackInstallation.count()).toBe(0);

    const back = await fetch(`${base}/slack/oauth_redirect?code=TNEWTEAM&state=${encodeURIComponent(state)}`, {
      headers: { cookie },
      redirect: 'manual',
    });
    expect(back.status).toBe(200);
    // Kept sealed: the database alone holds no usable token; the key opens it for this row only.
    const stored = await t.prisma.slackInstallation.findUniqueOrThrow({ where: { id: 'T:TNEWTEAM' } });
    expect(JSON.stringify(stored.installation)).not.toContain(fake.botToken);
    expect(await installedBotToken(t.prisma, createSecretBox(TOKEN_KEY), 'TNEWTEAM')).toBe(fake.botToken);
    await t.prisma.slackInstallation.create({ data: { id: 'T:TOTHER', installation: stored.installation as object } });
    await expect(installedBotToken(t.prisma, createSecretBox(TOKEN_KEY), 'TOTHER')).rejects.toThrow(/another row/);

    fake.addUser({ id: 'UNEWADMIN', teamId: 'TNEWTEAM', email: 'admin@newteam.example', isAdmin: true });
    const path = '/respond/oauth-first-command';
    const sent = await sendSlashCommand(`${base}/slack/events`, SIGNING_SECRET, {
      text: 'help',
      userId: 'UNEWADMIN',
      teamId: 'TNEWTEAM',
      responseUrl: `${fake.url}${path}`,
    });
    expect(sent.status).toBe(200);
    const answer = await fake.waitFor('response_url', (a) => a.responseUrlPath === path);
    expect(messageText(answer.args)).toContain('not linked to a Sesame organization');
  });
});
