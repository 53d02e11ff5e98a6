// sesame_chat_api_calls_total{platform, method, status}: every call of Slack's Web API clients
// (Bolt's, the notification job's) and of the Teams SDK's Bot Connector client (the bot's, the
// notification job's) by method and HTTP status, 429s included; and what a job's worker thread
// records reaches the main thread's metrics.

import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatWorkspace } from '../../src/generated/prisma/client.js';
import { createHttpServer } from '../../src/http/server.js';
import { createLogger } from '../../src/log/logger.js';
import { enableMetrics, type MetricsEndpoint } from '../../src/metrics/enable-metrics.js';
import { slackMethodName } from '../../src/slack/counted-fetch.js';
import { createSlackService } from '../../src/slack/create-slack-app.js';
import { createSlackNotifier } from '../../src/slack/notify/slack-notifier.js';
import { teamsOperationName } from '../../src/teams/counted-http.js';
import { conversationsOf } from '../../src/teams/notify/conversations.js';
import { createSdkApp } from '../../src/teams/teams-sdk-app.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.js';
import { messageActivity } from '../support/teams-requests.js';
import { checkCardsAfterEach, linkedTenant, post, startTeams, type TeamsHarness } from '../teams/support.js';

const TOKEN = 'metrics-token-0123456789abcdef';
const log = createLogger('silent');
let t: TestDatabase;
let fake: FakeSlack;
let endpoint: MetricsEndpoint;
let scrape: () => Promise<string>;
let closeServer: () => void;

beforeAll(async () => {
  t = await createTestDatabase();
  fake = await startFakeSlack();
  endpoint = await enableMetrics({ token: TOKEN, db: t.prisma, log });
  const server = createHttpServer({ db: t.prisma, log, metrics: endpoint });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
  scrape = async () => (await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
  closeServer = () => {
    server.closeAllConnections();
    server.close();
  };
});
afterAll(async () => {
  endpoint?.stop();
  closeServer?.();
  await fake?.close();
  await t?.close();
});

const calls = async (platform: string, method: string, status: string) => {
  const series = `sesame_chat_api_calls_total{platform="${platform}",method="${method}",status="${status}"} `;
  const line = (await scrape()).split('\n').find((l) => l.startsWith(series));
  return line === undefined ? 0 : Number(line.slice(series.length));
};

describe('Slack API calls', () => {
  it("counts the Bolt app's calls by method and status, a 429 included", async () => {
    const service = createSlackService({
      config: { SLACK_SIGNING_SECRET: 'signing-secret', SLACK_BOT_TOKEN: fake.botToken, SLACK_API_URL: fake.apiUrl },
      db: t.prisma,
      log,
      retries: 0,
    });
    await service.app.client.chat.postMessage({ channel: 'C1', text: 'hello' });
    fake.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 1 });
    await expect(service.app.client.chat.postMessage({ channel: 'C1', text: 'again' })).rejects.toThrow(/rate limit/);
    expect(await calls('slack', 'chat.postMessage', '200')).toBe(1);
    expect(await calls('slack', 'chat.postMessage', '429')).toBe(1);
  });

  it("counts the notification job's calls, a 429 included", async () => {
    const notifier = createSlackNotifier({ db: t.prisma, botToken: fake.botToken, slackApiUrl: fake.apiUrl });
    fake.failNext('users.lookupByEmail', { status: 429, retryAfterSeconds: 30 });
    const workspace = { platform: 'slack', externalId: fake.teamId } as ChatWorkspace;
    const verdict = await notifier.deliver(
      workspace,
      {
        type: 'invitation.accepted',
        invitationEmail: 'new.member@example.org',
        recipient: { memberId: randomUUID(), email: 'inviter@example.org' },
        organizationLocale: 'en',
      },
      new Date(),
    );
    expect(verdict).toMatchObject({ type: 'failed', retryable: true, error: 'rate limited by Slack' });
    expect(await calls('slack', 'users.lookupByEmail', '429')).toBe(1);
  });

  it('labels a call by its method name, never by anything else in its URL', () => {
    expect(slackMethodName(new URL('https://slack.com/api/chat.postMessage'))).toBe('chat.postMessage');
    expect(slackMethodName(new URL('http://127.0.0.1:1234/api/views.update?x=1'))).toBe('views.update');
    expect(slackMethodName(new URL('https://hooks.slack.com/actions/T1/123/xyzSECRET'))).toBe('other');
    expect(slackMethodName(new URL('https://slack.com/api/'))).toBe('other');
  });
});

describe('Teams Bot Connector calls', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeams(t);
  });
  checkCardsAfterEach(() => h);
  afterAll(async () => {
    await h?.close();
  });

  it("counts the bot's roster lookups and replies by operation and status, a 429 included", async () => {
    const w = await linkedTenant(t, h);
    const say = (text: string) =>
      post(h, messageActivity({ text, user: w.ownerUser, conversation: w.ownerUser.personal, serviceUrl: h.fake.url }));
    const [lookups, replies] = [
      await calls('teams', 'members.get', '200'),
      await calls('teams', 'activities.send', '200'),
    ];
    await say('help');
    expect(await calls('teams', 'members.get', '200')).toBe(lookups + 1);
    expect(await calls('teams', 'activities.send', '200')).toBe(replies + 1);
    h.fake.failNext(/\/activities$/, 429);
    await say('help');
    await h.fake.waitFor((c) => c.failed === 429);
    await expect.poll(() => calls('teams', 'activities.send', '429')).toBe(1);
  });

  it("counts the notification job's proactive sends, updates and conversations opened, a 429 included", async () => {
    const conversations = conversationsOf(createSdkApp({}, log).api, 5000);
    const reference = { serviceUrl: h.fake.url, conversation: { id: '19:channel@thread.tacv2' } };
    const message = { type: 'message' as const, text: 'seats' };
    const sent = (await conversations.send(reference, message)) as string;
    await conversations.update(reference, sent, message);
    h.fake.failNext(/\/activities\/[^/]+$/, 429);
    await expect(conversations.update(reference, sent, message)).rejects.toThrow();
    const opened = createSdkApp({}, log).api.clone({ serviceUrl: h.fake.url }).conversations;
    h.fake.failNext(/^\/v3\/conversations$/, 503);
    await expect(
      opened.create({ isGroup: false, members: [{ id: '29:x', name: '', role: 'user' }] }),
    ).rejects.toThrow();
    expect(await calls('teams', 'activities.update', '200')).toBe(1);
    expect(await calls('teams', 'activities.update', '429')).toBe(1);
    expect(await calls('teams', 'conversations.create', '503')).toBe(1);
  });

  it('labels a call by its operation, never by the ids in its URL', () => {
    const base = 'https://smba.trafficmanager.net/emea/v3/conversations';
    const name = (method: string, url: string) => teamsOperationName(method, new URL(url));
    expect(name('post', base)).toBe('conversations.create');
    expect(name('POST', `${base}/a%3A1xyz/activities`)).toBe('activities.send');
    expect(name('post', `${base}/a:1xyz/activities/1700000000001`)).toBe('activities.reply');
    expect(name('put', `${base}/19:abc@thread.tacv2;messageid=17/activities/17`)).toBe('activities.update');
    expect(name('delete', `${base}/a:1/activities/17`)).toBe('activities.delete');
    expect(name('get', `${base}/a:1/members/29:1SECRET`)).toBe('members.get');
    expect(name('get', `${base}/a:1/members`)).toBe('members.list');
    expect(name('get', `${base}/a:1/pagedmembers?pageSize=100`)).toBe('members.listPaged');
    expect(name('get', 'https://graph.microsoft.com/v1.0/users/SECRET')).toBe('other');
    expect(name('patch', `${base}/a:1/activities/17`)).toBe('other');
  });
});

describe('calls recorded in a worker thread', () => {
  it("reach the main thread's metrics when metrics are on", async () => {
    const record = new URL('../../src/metrics/record.ts', import.meta.url).href;
    const worker = new Worker(
      `import(${JSON.stringify(record)}).then((m) => m.recordChatApiCall('teams', 'conversations.create', 429));`,
      { eval: true, env: { ...process.env, METRICS_TOKEN: TOKEN } },
    );
    const [code] = await once(worker, 'exit');
    expect(code).toBe(0);
    await expect.poll(() => calls('teams', 'conversations.create', '429')).toBe(1);
  });
});
