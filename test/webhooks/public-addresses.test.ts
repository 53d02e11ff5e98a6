// Webhook URLs are a server-side request forgery door (issue 12, item 20): Sesame must never POST
// to its own machine, the private network or the cloud metadata service. Non-public addresses are
// refused when an endpoint is added and again when a delivery connects (after DNS resolution, the
// connection pinned to the address that was checked), unless the operator allows them
// (WEBHOOKS_ALLOW_PRIVATE_ADDRESSES=true, for development).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../src/errors/app-error.js';
import { translate } from '../../src/i18n/messages.js';
import { invite } from '../../src/invitations/invite.js';
import { deliverOutbox } from '../../src/outbox/deliver-outbox.js';
import { addWebhookEndpoint } from '../../src/webhooks/manage-endpoints.js';
import { isPublicAddress } from '../../src/webhooks/public-address.js';
import { failure, newOrganization } from '../domain/fixtures.js';
import { memoryLog, PUBLIC_URL } from '../email/support.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let db: TestDatabase;
let server: Server;
let hits = 0;
beforeAll(async () => {
  db = await createTestDatabase();
  server = createServer((_req, res) => {
    hits++;
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await db?.close();
});

describe('public addresses', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '169.254.0.1',
    '100.64.0.1',
    '0.0.0.0',
    '255.255.255.255',
    '224.0.0.1',
    '::',
    '::1',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    '::ffff:127.0.0.1',
    '::ffff:169.254.169.254',
    'ff02::1',
  ])('%s is not public', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });
  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    '%s is public',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );
});

describe('registering a webhook endpoint', () => {
  it.each([
    'https://127.0.0.1:5432/',
    'https://10.0.0.5/hook',
    'https://169.254.169.254/latest/meta-data/',
    'https://[::1]/hook',
    'https://[fd00::1]/hook',
    'https://0.0.0.0/',
    'https://localhost/hook',
    'http://127.0.0.1:9/x',
  ])('refuses %s', async (url) => {
    const { owner } = await newOrganization(db.prisma);
    const error = await failure<AppError>(addWebhookEndpoint(db.prisma, owner, { url }));
    expect(error.code).toBe('webhook.private_address');
    expect(translate('en', error.code, error.params as never)).toContain('not a public address');
    expect(translate('fr', error.code, error.params as never)).toContain("n'est pas une adresse publique");
  });

  it('accepts a public address, and a private one when the operator allows it (development)', async () => {
    const { owner } = await newOrganization(db.prisma);
    await expect(addWebhookEndpoint(db.prisma, owner, { url: 'https://93.184.215.14/hook' })).resolves.toBeDefined();
    await expect(
      addWebhookEndpoint(db.prisma, owner, { url: 'http://127.0.0.1:9/x' }, { allowPrivateAddresses: true }),
    ).resolves.toBeDefined();
  });
});

describe('delivering a webhook', () => {
  it('does not connect to a private address stored before the rule (or rebound since), unless allowed', async () => {
    const { owner } = await newOrganization(db.prisma);
    const port = (server.address() as AddressInfo).port;
    // Both spellings reach this test's server: an IP literal and a name that resolves to it.
    for (const host of ['127.0.0.1', 'localhost']) {
      await db.prisma.webhookEndpoint.create({
        data: { organizationId: owner.organization.id, url: `http://${host}:${port}/hook`, secret: 'whsec_x' },
      });
    }
    await invite(db.prisma, owner, { emails: ['someone@example.org'] });
    const { log } = memoryLog();
    const refused = await deliverOutbox(db.prisma, { transport: noEmail, publicUrl: PUBLIC_URL, log });
    expect(hits).toBe(0);
    expect(refused).toMatchObject({ sent: 1, failed: 2 }); // the e-mail is sent, both webhooks given up
    const rows = await db.prisma.outboxMessage.findMany({ where: { kind: 'webhook' } });
    expect(rows.every((r) => r.status === 'FAILED' && /not a public address/.test(r.lastError ?? ''))).toBe(true);

    await db.prisma.outboxMessage.updateMany({ where: { kind: 'webhook' }, data: { status: 'PENDING', attempts: 0 } });
    const allowed = await deliverOutbox(db.prisma, {
      transport: noEmail,
      publicUrl: PUBLIC_URL,
      log,
      webhooksAllowPrivateAddresses: true,
    });
    expect(allowed).toMatchObject({ sent: 2 });
    expect(hits).toBe(2);
  });
});

const noEmail = {
  name: 'file' as const,
  async *send(emails: readonly unknown[]) {
    if (emails.length > 0) yield { indexes: emails.map((_, i) => i), outcome: { ok: true as const } };
  },
};
