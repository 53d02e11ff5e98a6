// sesame_chat_api_calls_total{platform, method, status}: every call of Slack's Web API clients
// (Bolt's, the notification job's) by method and HTTP status, 429s included; and what a job's
// worker thread records reaches the main thread's metrics.

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
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.js';

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
