// One slow or hung webhook endpoint does not hold up the others (issue 12, item 12): each
// endpoint's calls go one at a time, endpoints side by side, and once an endpoint timed out or
// was unreachable, its other calls of the batch wait for the retry instead of each paying the
// same timeout (and piling more requests on an endpoint already in trouble).
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import type { ClaimedMessage } from '../../src/outbox/claim-outbox.js';
import { deliverWebhooks } from '../../src/webhooks/deliver-webhooks.js';
import { newOrganization } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let db: TestDatabase;
const servers: Server[] = [];
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await db?.close();
});

/** A receiver on loopback that answers 200, or never (hung); counts what it received. */
async function receiver(hung: boolean): Promise<{ url: string; received: () => number }> {
  let count = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      count++;
      if (!hung) res.end('ok');
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received: () => count };
}

describe('webhook endpoints side by side', () => {
  it('a hung endpoint costs one timeout per batch, and the others are delivered meanwhile', async () => {
    const { owner } = await newOrganization(db.prisma);
    const [hung, fast] = await Promise.all([receiver(true), receiver(false)]);
    const endpointFor = (url: string) =>
      db.prisma.webhookEndpoint.create({ data: { organizationId: owner.organization.id, url, secret: 'whsec_x' } });
    const [slowEndpoint, fastEndpoint] = await Promise.all([endpointFor(hung.url), endpointFor(fast.url)]);
    let id = 0;
    const item = (endpointId: string) => {
      const message: ClaimedMessage = {
        id: String(++id),
        organizationId: owner.organization.id,
        kind: 'webhook',
        key: `test:${randomUUID()}`,
        payload: {},
        attempts: 1,
        createdAt: new Date(),
        interrupted: false,
      } as ClaimedMessage;
      return { message, payload: { endpointId, event: 'invitation.created', data: {} } };
    };
    // The hung endpoint's calls first: before, they took every worker.
    const items = [
      ...Array.from({ length: 12 }, () => item(slowEndpoint.id)),
      ...Array.from({ length: 4 }, () => item(fastEndpoint.id)),
    ];
    const results = await deliverWebhooks(db.prisma, items, {
      log: createLogger('silent'),
      timeoutMs: 400,
      concurrency: 8,
      perEndpoint: 4,
      allowPrivateAddresses: true,
    });
    expect(results).toHaveLength(16);
    const verdictsOf = (endpointId: string) =>
      results.filter((r) => items.find((i) => i.message === r.message)?.payload.endpointId === endpointId);
    expect(verdictsOf(fastEndpoint.id).map((r) => r.verdict.type)).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(fast.received()).toBe(4);
    // The hung endpoint got one call per lane (4); the other eight wait for the retry, not tried.
    expect(hung.received()).toBe(4);
    const slow = verdictsOf(slowEndpoint.id).map((r) => r.verdict);
    expect(slow.every((v) => v.type === 'failed' && v.retryable)).toBe(true);
    expect(slow.filter((v) => v.type === 'failed' && v.error.startsWith('not tried'))).toHaveLength(8);
  });
});
