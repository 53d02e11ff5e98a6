import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSendgridWebhookRoute,
  SENDGRID_BODY_LIMIT,
  SENDGRID_WEBHOOK_ROUTE,
} from '../../src/email/events/sendgrid-webhook-route.js';
import { createHttpServer } from '../../src/http/server.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { invitations, memoryLog } from './support.js';

let db: TestDatabase;
let server: Server;
let url: string;
const { log, lines } = memoryLog();

// SendGrid's kind of key: ECDSA P-256; the public half as base64 SPKI DER, as its settings page shows it.
const keyPair = () => generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const sendgrid = keyPair();
const publicKey = sendgrid.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');

beforeAll(async () => {
  db = await createTestDatabase();
  server = createHttpServer({
    db: db.prisma,
    log,
    routes: { [SENDGRID_WEBHOOK_ROUTE]: createSendgridWebhookRoute({ db: db.prisma, log, publicKey }) },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/sendgrid`;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await db?.close();
});

const unix = (date = new Date()) => String(Math.floor(date.getTime() / 1000));

/** POSTs a body as SendGrid does: signature over timestamp + raw body. */
async function post(
  body: string,
  options: { key?: KeyObject; timestamp?: string; signature?: string | null; signedBody?: string } = {},
) {
  const timestamp = options.timestamp ?? unix();
  const signature =
    options.signature === undefined
      ? sign(
          'sha256',
          Buffer.from(timestamp + (options.signedBody ?? body)),
          options.key ?? sendgrid.privateKey,
        ).toString('base64')
      : options.signature;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-twilio-email-event-webhook-timestamp': timestamp,
  };
  if (signature !== null) headers['x-twilio-email-event-webhook-signature'] = signature;
  const response = await fetch(url, { method: 'POST', headers, body });
  return response.status;
}

let eventCounter = 0;
const event = (type: string, invitationId: string, extra: Record<string, unknown> = {}) => ({
  email: 'person0@example.org',
  timestamp: Math.floor(Date.now() / 1000),
  event: type,
  sg_event_id: `sg-${type}-${++eventCounter}-${Math.random().toString(36).slice(2)}`,
  sg_message_id: 'abc.filter0001',
  sesame_key: `invitation:${invitationId}:send:1`,
  invitation_id: invitationId,
  outbox_id: '1',
  ...extra,
});

describe('SendGrid Event Webhook (POST /webhooks/sendgrid)', () => {
  it('records a signed delivered event on its invitation', async () => {
    const { ids } = await invitations(db.prisma, 1);
    const delivered = event('delivered', ids[0] as string);
    // Odd spacing and a trailing newline: the signature covers the raw bytes, not a re-serialization.
    const body = `[ ${JSON.stringify(delivered)} ]\n`;
    expect(await post(body)).toBe(200);
    const invitation = await db.prisma.invitation.findUniqueOrThrow({ where: { id: ids[0] } });
    expect(invitation.deliveryStatus).toBe('DELIVERED');
    const stored = await db.prisma.emailEvent.findUniqueOrThrow({ where: { sgEventId: delivered.sg_event_id } });
    expect(stored).toMatchObject({ invitationId: ids[0], event: 'delivered', outboxId: 1n });
    expect(stored.occurredAt.getTime()).toBe(delivered.timestamp * 1000);
  });

  it('refuses missing, forged and tampered signatures with 401, and changes nothing', async () => {
    const { ids } = await invitations(db.prisma, 1);
    const body = JSON.stringify([event('bounce', ids[0] as string, { reason: '550 no such user' })]);
    expect(await post(body, { signature: null })).toBe(401);
    expect(await post(body, { key: keyPair().privateKey })).toBe(401);
    expect(await post(body, { signedBody: body.replace('550', '551') })).toBe(401);
    expect(await post(body, { signature: 'bm90IGEgc2lnbmF0dXJl' })).toBe(401);
    expect(await post(body, { timestamp: 'yesterday' })).toBe(401);
    const invitation = await db.prisma.invitation.findUniqueOrThrow({ where: { id: ids[0] } });
    expect(invitation.deliveryStatus).toBeNull();
    expect(await db.prisma.emailEvent.count({ where: { invitationId: ids[0] } })).toBe(0);
  });

  it('refuses stale and future timestamps (10 minutes either way)', async () => {
    const { ids } = await invitations(db.prisma, 1);
    const body = JSON.stringify([event('delivered', ids[0] as string)]);
    expect(await post(body, { timestamp: unix(new Date(Date.now() - 11 * 60_000)) })).toBe(401);
    expect(await post(body, { timestamp: unix(new Date(Date.now() + 11 * 60_000)) })).toBe(401);
    expect(await post(body, { timestamp: unix(new Date(Date.now() - 9 * 60_000)) })).toBe(200);
  });

  it('reads a full SendGrid batch (768 KB) and refuses a signed body past SENDGRID_BODY_LIMIT (413)', async () => {
    const { ids } = await invitations(db.prisma, 1);
    const padding = 'x'.repeat(700);
    const full = JSON.stringify(Array.from({ length: 1000 }, () => event('processed', ids[0] as string, { padding })));
    expect(full.length).toBeGreaterThan(768 * 1000);
    expect(full.length).toBeLessThan(SENDGRID_BODY_LIMIT);
    expect(await post(full)).toBe(200);
    const over = JSON.stringify([event('delivered', ids[0] as string, { padding: 'x'.repeat(SENDGRID_BODY_LIMIT) })]);
    expect(await post(over)).toBe(413);
    expect(SENDGRID_BODY_LIMIT).toBeLessThanOrEqual(1024 * 1024);
  });

  it('marks a bounce undeliverable once, with an audit event and a notification for the inviter', async () => {
    const { owner, ids } = await invitations(db.prisma, 2);
    const bounce = event('bounce', ids[0] as string, {
      reason: '550 5.1.1 The email account does not exist',
      type: 'bounce',
    });
    const body = JSON.stringify([event('delivered', ids[0] as string), bounce, event('processed', ids[1] as string)]);
    expect(await post(body)).toBe(200);
    // SendGrid retries a batch it thinks failed: the same events again change nothing.
    expect(await post(body)).toBe(200);
    expect(await post(JSON.stringify([bounce]))).toBe(200);

    const invitation = await db.prisma.invitation.findUniqueOrThrow({ where: { id: ids[0] } });
    expect(invitation.deliveryStatus).toBe('BOUNCED');
    expect(invitation.deliveryDetail).toBe('550 5.1.1 The email account does not exist');
    const audits = await db.prisma.auditEvent.findMany({ where: { subjectId: ids[0], action: 'invitation.bounced' } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: null, actorEmail: null, channel: 'system' });
    const notifications = await db.prisma.outboxMessage.findMany({
      where: { kind: 'notification', payload: { path: ['invitationId'], equals: ids[0] } },
    });
    expect(notifications).toHaveLength(1);
    expect(notifications[0]?.idempotencyKey).toBe(`sendgrid:${bounce.sg_event_id}:notification`);
    expect(notifications[0]?.payload).toEqual({
      type: 'invitation.bounced',
      invitationId: ids[0],
      recipientId: owner.member.id,
      deliveryStatus: 'BOUNCED',
      reason: '550 5.1.1 The email account does not exist',
    });
    expect(await db.prisma.emailEvent.count({ where: { invitationId: { in: ids } } })).toBe(3);

    // A late `delivered` does not hide the bounce.
    expect(await post(JSON.stringify([event('delivered', ids[0] as string)]))).toBe(200);
    expect((await db.prisma.invitation.findUniqueOrThrow({ where: { id: ids[0] } })).deliveryStatus).toBe('BOUNCED');
  });

  it('marks a dropped message DROPPED', async () => {
    const { ids } = await invitations(db.prisma, 1);
    expect(await post(JSON.stringify([event('dropped', ids[0] as string, { reason: 'Bounced Address' })]))).toBe(200);
    const invitation = await db.prisma.invitation.findUniqueOrThrow({ where: { id: ids[0] } });
    expect(invitation).toMatchObject({ deliveryStatus: 'DROPPED', deliveryDetail: 'Bounced Address' });
    expect(await db.prisma.auditEvent.count({ where: { subjectId: ids[0], action: 'invitation.dropped' } })).toBe(1);
  });

  it('keeps events it cannot match, skips malformed ones, and answers 400 to a body that is not an array', async () => {
    const unknown = { ...event('delivered', '00000000-0000-4000-8000-000000000000'), invitation_id: 'not-a-uuid' };
    const orphan = event('delivered', '6f1c1f8e-2b7a-4c53-9d3e-1a2b3c4d5e6f');
    expect(await post(JSON.stringify([unknown, orphan, { event: 'delivered' }, 42]))).toBe(200);
    expect(await db.prisma.emailEvent.findUnique({ where: { sgEventId: unknown.sg_event_id } })).toMatchObject({
      invitationId: null,
    });
    expect(await db.prisma.emailEvent.findUnique({ where: { sgEventId: orphan.sg_event_id } })).toMatchObject({
      invitationId: null,
    });
    expect(await post('{"event":"delivered"}')).toBe(400);
    expect(await post('not json')).toBe(400);
  });

  it('refuses everything when no verification key is configured', async () => {
    const bare = createHttpServer({
      db: db.prisma,
      log,
      routes: { [SENDGRID_WEBHOOK_ROUTE]: createSendgridWebhookRoute({ db: db.prisma, log, publicKey: undefined }) },
    });
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(bare.address() as AddressInfo).port}/webhooks/sendgrid`, {
        method: 'POST',
        body: '[]',
      });
      expect(response.status).toBe(401);
    } finally {
      await new Promise((resolve) => bare.close(resolve));
    }
    expect(() => createSendgridWebhookRoute({ db: db.prisma, log, publicKey: 'bm90IGEga2V5' })).toThrow(
      /SENDGRID_WEBHOOK_PUBLIC_KEY/,
    );
  });

  it('logs no e-mail address', () => {
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toMatch(/@example\.org/);
  });
});
