// After a refused body (413, or a refusal before the body is read), the client's next request
// must work: the refusal says Connection: close and the server closes the socket cleanly, so a
// keep-alive agent opens a new connection instead of writing into a broken one.
import { Agent, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.js';
import { createSendgridWebhookRoute, SENDGRID_WEBHOOK_ROUTE } from '../../src/email/events/sendgrid-webhook-route.js';
import { createHttpServer } from '../../src/http/server.js';
import { createLogger } from '../../src/log/logger.js';

let server: Server;
let port: number;
const log = createLogger('error', () => {});
// SendGrid's kind of key (P-256, base64 SPKI); the refusals below happen before any signature check.
const publicKey =
  'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE5/mHTN5RKDmbG6hcJNpX3s5GOWoowbJeYFN3xX7kijn+PVSaIWm9YONyQYxsPDX2uxtXC0fv+ybWykUSq1VLow==';

beforeAll(async () => {
  // No database: none of these requests reaches it.
  const db = {} as Db;
  server = createHttpServer({
    db,
    log,
    routes: {
      [SENDGRID_WEBHOOK_ROUTE]: createSendgridWebhookRoute({ db, log, publicKey, maxBodyBytes: 64 * 1024 }),
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

interface Answer {
  status: number;
  connection: string | undefined;
  socket: unknown;
}

function send(agent: Agent, method: string, path: string, headers: Record<string, string>, body?: Buffer) {
  return new Promise<Answer>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, agent, headers }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, socket: req.socket }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

const fresh = () => String(Math.floor(Date.now() / 1000));
const signed = (timestamp = fresh()) => ({
  'content-type': 'application/json',
  'x-twilio-email-event-webhook-timestamp': timestamp,
  'x-twilio-email-event-webhook-signature': 'c2lnbmF0dXJl',
});

describe('a refused body on a keep-alive connection', () => {
  const cases: [string, Record<string, string>, number, number][] = [
    ['over the bound, announced', signed(), 1024 * 1024, 413],
    ['over the bound, chunked (no length)', { ...signed(), 'transfer-encoding': 'chunked' }, 1024 * 1024, 413],
    ['without the signature headers', { 'content-type': 'application/json' }, 512 * 1024, 401],
    ['with a stale timestamp', signed('1000000000'), 512 * 1024, 401],
  ];
  for (const [name, headers, size, status] of cases) {
    it(`${name}: answers ${status}, closes, and the next request works on a new connection`, async () => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const before = await send(agent, 'GET', '/healthz', {});
        expect(before.status).toBe(200);
        const refused = await send(agent, 'POST', '/webhooks/sendgrid', headers, Buffer.alloc(size, 0x61));
        expect(refused.status).toBe(status);
        expect(refused.connection).toBe('close');
        for (let i = 0; i < 3; i++) {
          const next = await send(agent, 'GET', '/healthz', {});
          expect(next.status).toBe(200);
        }
      } finally {
        agent.destroy();
      }
    });
  }
});
