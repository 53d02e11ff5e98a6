import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '../../src/db/database.js';
import { findInvitationByToken } from '../../src/invitations/accept-token.js';
import { revokeInvitation } from '../../src/invitations/revoke.js';
import { addMember } from '../../src/members/add-member.js';
import { claimOutbox } from '../../src/outbox/claim-outbox.js';
import { deliverOutbox } from '../../src/outbox/deliver-outbox.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { type FakeSendgrid, startFakeSendgrid } from '../support/fake-sendgrid.js';
import { fakeTransport, invitations, memoryLog, PUBLIC_URL, seconds } from './support.js';

let db: TestDatabase;
let fake: FakeSendgrid;

beforeAll(async () => {
  db = await createTestDatabase();
  fake = await startFakeSendgrid();
});
afterAll(async () => {
  await fake?.close();
  await db?.close();
});
afterEach(async () => {
  // Each test starts with an empty outbox and a fake answering 202.
  await db.prisma.outboxMessage.deleteMany({});
  fake.requests.length = 0;
  fake.respondWith(undefined);
  fake.delayMs = 0;
});

const linkPattern = new RegExp(`${PUBLIC_URL}/accept/([A-Za-z0-9_-]{43})`);

describe('delivering invitation e-mails through SendGrid', () => {
  it('sends 2,500 invitations in 3 requests of at most 1,000 personalizations', async () => {
    const { log, lines } = memoryLog();
    const { ids, emails } = await invitations(db.prisma, 2500, { message: 'Welcome <team> & co' });

    const result = await deliverOutbox(db.prisma, { transport: fakeTransport(fake, log), publicUrl: PUBLIC_URL, log });

    expect(result).toEqual({ sent: 2500, failed: 0, retried: 0, skipped: 0 });
    expect(fake.requests.map((r) => r.body.personalizations.length)).toEqual([1000, 1000, 500]);
    const request = fake.requests[0];
    expect(request?.headers.authorization).toBe('Bearer SG.test-key');
    expect(request?.body.tracking_settings).toEqual({ click_tracking: { enable: false, enable_text: false } });
    expect(request?.body.content?.map((c) => c.type)).toEqual(['text/plain', 'text/html']);

    const accepted = fake.accepted();
    expect(accepted).toHaveLength(2500);
    expect(new Set(accepted.map((m) => m.customArgs.sesame_key)).size).toBe(2500);
    expect(new Set(accepted.map((m) => m.to))).toEqual(new Set(emails));
    const byInvitation = new Map(accepted.map((m) => [m.customArgs.invitation_id, m]));
    expect(new Set(byInvitation.keys())).toEqual(new Set(ids));

    // Each recipient's own link, which opens their own invitation.
    for (const id of ids.slice(0, 5)) {
      const message = byInvitation.get(id);
      const token = linkPattern.exec(message?.html ?? '')?.[1] as string;
      expect(message?.text).toContain(`${PUBLIC_URL}/accept/${token}`);
      expect((await findInvitationByToken(db.prisma, token))?.id).toBe(id);
      expect(message?.html).toContain('Welcome &lt;team&gt; &amp; co');
      expect(message?.subject).toMatch(/ invited you to join Org /);
      expect(message?.customArgs.sesame_key).toBe(`invitation:${id}:send:1`);
    }

    const rows = await db.prisma.outboxMessage.findMany({ where: { kind: 'invitation.email' } });
    expect(rows.every((r) => r.status === 'SENT' && r.sentAt && r.attempts === 1 && r.lastError === null)).toBe(true);
    const statuses = await db.prisma.invitation.groupBy({
      by: ['deliveryStatus'],
      where: { id: { in: ids } },
      _count: true,
    });
    expect(statuses).toEqual([{ deliveryStatus: 'SENT', _count: 2500 }]);
    // Nothing secret or personal in the logs.
    expect(lines.join('\n')).not.toMatch(/accept\/|@example\.org/);
  });

  it('retries after a 5xx with backoff, honours 429 X-RateLimit-Reset, then sends once', async () => {
    const { log } = memoryLog();
    const transport = fakeTransport(fake, log);
    const { ids } = await invitations(db.prisma, 3);
    const t0 = seconds(new Date(), 1);

    fake.answerNext({ status: 500 });
    expect(await deliverOutbox(db.prisma, { transport, publicUrl: PUBLIC_URL, log, now: t0 })).toMatchObject({
      sent: 0,
      retried: 3,
    });
    let rows = await db.prisma.outboxMessage.findMany({ where: { kind: 'invitation.email' } });
    expect(rows.map((r) => [r.status, r.attempts, r.nextAttemptAt.getTime()])).toEqual(
      Array(3).fill(['PENDING', 1, seconds(t0, 30).getTime()]),
    );
    expect(rows[0]?.lastError).toContain('SendGrid answered 500');

    // Not due yet: no request.
    await deliverOutbox(db.prisma, { transport, publicUrl: PUBLIC_URL, log, now: seconds(t0, 20) });
    expect(fake.requests).toHaveLength(1);

    const resetAt = new Date(Math.ceil(seconds(t0, 300).getTime() / 1000) * 1000);
    fake.answerNext({ status: 429, resetAt });
    expect(
      await deliverOutbox(db.prisma, { transport, publicUrl: PUBLIC_URL, log, now: seconds(t0, 31) }),
    ).toMatchObject({ retried: 3 });
    rows = await db.prisma.outboxMessage.findMany({ where: { kind: 'invitation.email' } });
    expect(rows.map((r) => r.nextAttemptAt.getTime())).toEqual(Array(3).fill(resetAt.getTime()));
    expect(rows[0]?.lastError).toContain('SendGrid answered 429');

    await deliverOutbox(db.prisma, { transport, publicUrl: PUBLIC_URL, log, now: seconds(resetAt, -1) });
    expect(fake.requests).toHaveLength(2);
    const done = await deliverOutbox(db.prisma, { transport, publicUrl: PUBLIC_URL, log, now: seconds(resetAt, 1) });
    expect(done).toEqual({ sent: 3, failed: 0, retried: 0, skipped: 0 });
    expect(fake.requests.map((r) => r.status)).toEqual([500, 429, 202]);
    expect(
      fake
        .accepted()
        .map((m) => m.customArgs.invitation_id)
        .sort(),
    ).toEqual([...ids].sort());
    rows = await db.prisma.outboxMessage.findMany({ where: { kind: 'invitation.email' } });
    expect(rows.every((r) => r.status === 'SENT' && r.attempts === 3 && r.lastError === null)).toBe(true);
  });

  it('retries when SendGrid cannot be reached', async () => {
    const { log } = memoryLog();
    await invitations(db.prisma, 1);
    const closed = await startFakeSendgrid();
    await closed.close();
    const result = await deliverOutbox(db.prisma, {
      transport: fakeTransport(closed, log),
      publicUrl: PUBLIC_URL,
      log,
    });
    expect(result).toMatchObject({ sent: 0, retried: 1 });
    const [row] = await db.prisma.outboxMessage.findMany({ where: { kind: 'invitation.email' } });
    expect(row?.lastError).toMatch(/SendGrid unreachable: ECONNREFUSED/);
  });

  it('never sends a message twice when two workers deliver at once', async () => {
    const { log } = memoryLog();
    const { ids } = await invitations(db.prisma, 300);
    fake.delayMs = 30;
    const other = createPrismaClient(db.url);
    try {
      const options = { transport: fakeTransport(fake, log), publicUrl: PUBLIC_URL, log, batchSize: 50 };
      const [a, b] = await Promise.all([deliverOutbox(db.prisma, options), deliverOutbox(other, options)]);
      expect(a.sent + b.sent).toBe(300);
      expect(a.sent).toBeGreaterThan(0);
      expect(b.sent).toBeGreaterThan(0);
    } finally {
      await other.$disconnect();
    }
    const keys = fake.accepted().map((m) => m.customArgs.sesame_key);
    expect(keys).toHaveLength(300);
    expect(new Set(keys).size).toBe(300);
    expect(await db.prisma.invitationToken.count({ where: { invitationId: { in: ids } } })).toBe(300);
  });

  it('gives up visibly after the last attempt: FAILED, on the invitation, and a notification for the inviter', async () => {
    const { log, lines } = memoryLog();
    const transport = fakeTransport(fake, log);
    const { owner, ids } = await invitations(db.prisma, 1);
    fake.respondWith(() => ({ status: 503 }));
    let now = seconds(new Date(), 1);
    const results = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      results.push(await deliverOutbox(db.prisma, { transport, publicUrl: PUBLIC_URL, log, now, maxAttempts: 3 }));
      now = seconds(now, 7200);
    }
    expect(results.map((r) => [r.retried, r.failed])).toEqual([
      [1, 0],
      [1, 0],
      [0, 1],
    ]);
    const row = await db.prisma.outboxMessage.findFirstOrThrow({ where: { kind: 'invitation.email' } });
    expect(row.status).toBe('FAILED');
    expect(row.lastError).toBe('gave up after 3 attempts: SendGrid answered 503: fake error 503');
    const invitation = await db.prisma.invitation.findUniqueOrThrow({ where: { id: ids[0] } });
    expect(invitation.deliveryStatus).toBe('FAILED');
    expect(invitation.deliveryDetail).toContain('503');
    const notification = await db.prisma.outboxMessage.findFirstOrThrow({ where: { kind: 'notification' } });
    expect(notification.payload).toEqual({
      type: 'invitation.undeliverable',
      invitationId: ids[0],
      recipientId: owner.member.id,
    });
    expect(notification.status).toBe('PENDING');
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'invitation.undeliverable' } });
    expect(audit).toMatchObject({ actorId: null, channel: 'system', subjectId: ids[0] });
    // Notifications belong to the chat channels: a later run leaves them alone.
    await deliverOutbox(db.prisma, { transport, publicUrl: PUBLIC_URL, log, now: seconds(now, 7200) });
    expect(fake.requests).toHaveLength(3);
    expect((await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: notification.id } })).attempts).toBe(0);
    expect(lines.some((l) => l.includes('Outbox message given up'))).toBe(true);
  });

  it('isolates a message SendGrid refuses (400) without holding back the others', async () => {
    const { log } = memoryLog();
    const { ids } = await invitations(db.prisma, 4);
    const refused = ids[2];
    fake.respondWith((body) =>
      body.personalizations.some((p) => p.custom_args?.invitation_id === refused)
        ? { status: 400, message: 'Does not contain a valid address.' }
        : undefined,
    );
    const result = await deliverOutbox(db.prisma, { transport: fakeTransport(fake, log), publicUrl: PUBLIC_URL, log });
    expect(result).toEqual({ sent: 3, failed: 1, retried: 0, skipped: 0 });
    expect(fake.requests.map((r) => [r.body.personalizations.length, r.status])).toEqual([
      [4, 400],
      [2, 202],
      [2, 400],
      [1, 400],
      [1, 202],
    ]);
    const failed = await db.prisma.invitation.findUniqueOrThrow({ where: { id: refused } });
    expect(failed.deliveryStatus).toBe('FAILED');
    expect(failed.deliveryDetail).toBe('SendGrid answered 400: Does not contain a valid address.');
  });

  it('skips invitations that closed before their e-mail left', async () => {
    const { log } = memoryLog();
    const { owner, ids } = await invitations(db.prisma, 2);
    await revokeInvitation(db.prisma, owner, ids[0] as string);
    const result = await deliverOutbox(db.prisma, { transport: fakeTransport(fake, log), publicUrl: PUBLIC_URL, log });
    expect(result).toEqual({ sent: 1, failed: 0, retried: 0, skipped: 1 });
    expect(fake.accepted().map((m) => m.customArgs.invitation_id)).toEqual([ids[1]]);
    const row = await db.prisma.outboxMessage.findFirstOrThrow({
      where: { kind: 'invitation.email', payload: { path: ['invitationId'], equals: ids[0] } },
    });
    expect(row).toMatchObject({ status: 'SENT', sentAt: null, lastError: 'skipped: the invitation is REVOKED' });
    expect(await db.prisma.invitationToken.count({ where: { invitationId: ids[0] } })).toBe(0);
  });

  it('sends the "added directly" notice without any password', async () => {
    const { log } = memoryLog();
    const { owner } = await invitations(db.prisma, 1, { locale: 'fr' });
    const { member } = await addMember(db.prisma, owner, {
      email: 'Claire.Martin@example.org',
      firstName: 'Claire',
      lastName: 'Martin',
      password: 'Zx9!kq2mwT',
    });
    await deliverOutbox(db.prisma, { transport: fakeTransport(fake, log), publicUrl: PUBLIC_URL, log });
    const message = fake.accepted().find((m) => m.customArgs.member_id === member.id);
    expect(message?.to).toBe('claire.martin@example.org');
    expect(message?.subject).toMatch(/^Votre compte Org .+ est prêt$/);
    expect(message?.html).toContain(`${PUBLIC_URL}/first-login?org=${owner.organization.id}`);
    expect(message?.text).toContain(`Votre nom d'utilisateur : ${member.username}`);
    expect(`${message?.html}${message?.text}`).not.toContain('Zx9!kq2mwT');
  });

  it('uses SendGrid dynamic templates when their ids are configured', async () => {
    const { log } = memoryLog();
    const { ids } = await invitations(db.prisma, 2, { message: 'Hi' });
    await deliverOutbox(db.prisma, {
      transport: fakeTransport(fake, log, { templates: true }),
      publicUrl: PUBLIC_URL,
      log,
    });
    expect(fake.requests).toHaveLength(1);
    const body = fake.requests[0]?.body;
    expect(body?.template_id).toBe('d-invitation');
    expect(body?.content).toBeUndefined();
    const data = body?.personalizations.map((p) => p.dynamic_template_data);
    expect(data?.[0]).toMatchObject({
      message: 'Hi',
      roleName: 'Publisher',
      locale: 'en',
      reason: 'invite',
      company: '',
    });
    expect(String(data?.[0]?.acceptUrl)).toMatch(linkPattern);
    expect(body?.personalizations.map((p) => p.custom_args?.invitation_id).sort()).toEqual([...ids].sort());
  });

  it('does not send again an interrupted message SendGrid already reported, and resends the others', async () => {
    const { log, lines } = memoryLog();
    const { ids } = await invitations(db.prisma, 2);
    const t0 = seconds(new Date(), 1);
    // A worker claims both rows, "sends" and dies before recording anything.
    const claimed = await claimOutbox(db.prisma, { kinds: ['invitation.email'], limit: 10, now: t0, leaseMs: 60_000 });
    expect(claimed).toHaveLength(2);
    const reported = claimed.find((m) => (m.payload as { invitationId: string }).invitationId === ids[0]);
    await db.prisma.emailEvent.create({
      data: {
        sgEventId: 'evt-processed-1',
        outboxId: BigInt(reported?.id as string),
        event: 'processed',
        occurredAt: t0,
      },
    });
    const transport = fakeTransport(fake, log);
    // Within the lease: nothing is due.
    expect(await deliverOutbox(db.prisma, { transport, publicUrl: PUBLIC_URL, log, now: seconds(t0, 30) })).toEqual({
      sent: 0,
      failed: 0,
      retried: 0,
      skipped: 0,
    });
    const result = await deliverOutbox(db.prisma, { transport, publicUrl: PUBLIC_URL, log, now: seconds(t0, 61) });
    expect(result.sent).toBe(2);
    expect(fake.accepted().map((m) => m.customArgs.invitation_id)).toEqual([ids[1]]);
    expect(lines.some((l) => l.includes('interrupted') && l.includes('"confirmedByProvider":1'))).toBe(true);
  });

  it('gives up a message whose every attempt was interrupted instead of retrying it forever', async () => {
    const { log } = memoryLog();
    const { ids } = await invitations(db.prisma, 1);
    const t0 = seconds(new Date(), 1);
    await claimOutbox(db.prisma, { kinds: ['invitation.email'], limit: 10, now: t0, leaseMs: 1000 });
    await claimOutbox(db.prisma, { kinds: ['invitation.email'], limit: 10, now: seconds(t0, 2), leaseMs: 1000 });
    const result = await deliverOutbox(db.prisma, {
      transport: fakeTransport(fake, log),
      publicUrl: PUBLIC_URL,
      log,
      now: seconds(t0, 4),
      maxAttempts: 2,
    });
    expect(result).toEqual({ sent: 0, failed: 1, retried: 0, skipped: 0 });
    expect(fake.requests).toHaveLength(0);
    expect(await db.prisma.outboxMessage.findFirstOrThrow({ where: { kind: 'invitation.email' } })).toMatchObject({
      status: 'FAILED',
      lastError: 'gave up after 3 attempts: every attempt was interrupted',
    });
    expect((await db.prisma.invitation.findUniqueOrThrow({ where: { id: ids[0] } })).deliveryStatus).toBe('FAILED');
  });
});
