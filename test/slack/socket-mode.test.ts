// Socket Mode (no public URL): Sesame opens a WebSocket to Slack (here a local WebSocket server
// speaking Slack's Socket Mode envelopes) and acks each envelope; the work is the same as over HTTP.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { createLogger } from '../../src/log/logger.js';
import { createSlackService, type SlackService } from '../../src/slack/create-slack-app.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.js';
import { SIGNING_SECRET } from './support.js';

let t: TestDatabase;
let fake: FakeSlack;
let sockets: WebSocketServer;
let service: SlackService;
const received: Record<string, unknown>[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  fake = await startFakeSlack();
  sockets = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => sockets.once('listening', () => resolve()));
  fake.socketModeUrl = `ws://127.0.0.1:${(sockets.address() as AddressInfo).port}/link`;
  sockets.on('connection', (socket) => {
    socket.on('message', (data) => received.push(JSON.parse(String(data)) as Record<string, unknown>));
    socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' } }));
  });
  service = createSlackService({
    config: {
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: fake.botToken,
      SLACK_APP_TOKEN: 'xapp-1-test',
      SLACK_API_URL: fake.apiUrl,
    },
    db: t.prisma,
    log: createLogger('silent'),
    retries: 0,
  });
  await service.start();
});
afterAll(async () => {
  await service?.stop();
  for (const client of sockets?.clients ?? []) client.terminate();
  await new Promise((resolve) => sockets?.close(resolve));
  await fake?.close();
  await t?.close();
});

describe('Socket Mode', () => {
  it('needs no HTTP route, acks a slash command envelope and answers it', async () => {
    expect(service.mode).toBe('socket');
    expect(service.routes).toEqual({});
    fake.addUser({ id: 'USOCKET', teamId: 'TSOCKET', email: 'someone@socket.example' });
    const command = {
      token: 'unused',
      team_id: 'TSOCKET',
      team_domain: 'socket',
      channel_id: 'C0GENERAL',
      channel_name: 'general',
      user_id: 'USOCKET',
      user_name: 'someone',
      command: '/invite',
      text: 'help',
      api_app_id: 'A0SESAME',
      is_enterprise_install: 'false',
      response_url: `${fake.url}/respond/socket-mode`,
      trigger_id: '123.456.abc',
    };
    for (const client of sockets.clients) {
      client.send(
        JSON.stringify({
          envelope_id: 'envelope-1',
          type: 'slash_commands',
          payload: command,
          accepts_response_payload: true,
        }),
      );
    }
    const answer = await fake.waitFor('response_url', (a) => a.responseUrlPath === '/respond/socket-mode');
    expect(JSON.stringify(answer.args)).toContain('not linked to a Sesame organization');
    expect(received.some((m) => m.envelope_id === 'envelope-1')).toBe(true);
  });
});
