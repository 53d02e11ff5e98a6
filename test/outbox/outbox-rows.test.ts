// Outbox rows have one shape (src/outbox/outbox-rows.ts): the set-based SQL writers build each
// payload from the schema its reader parses it with, and enqueue() parses what it writes with the
// same schemas. Here every SQL writer runs, and every row it wrote must satisfy its reader.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEmailEvents } from '../../src/email/events/record-email-events.js';
import type { ChatWorkspace } from '../../src/generated/prisma/client.js';
import { expireDueInvitations } from '../../src/invitations/expire.js';
import { invite } from '../../src/invitations/invite.js';
import { sendDueReminders } from '../../src/invitations/remind.js';
import { fanOut } from '../../src/notifications/destination.js';
import { invitationOutcomePayload } from '../../src/notifications/notification.js';
import { enqueue, outboxKinds } from '../../src/outbox/enqueue.js';
import { payloadSql } from '../../src/outbox/outbox-rows.js';
import { payloadOfKind } from '../../src/outbox/payloads.js';
import { settle } from '../../src/outbox/settle-outbox.js';
import { decideSeatRequest } from '../../src/seats/decide-seat-request.js';
import { newOrganization } from '../domain/fixtures.js';
import { memoryLog } from '../email/support.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.close());

const DAY = 86_400_000;

describe('outbox rows', () => {
  it('a payload written in SQL has exactly the fields of its reader', () => {
    expect(() =>
      payloadSql(invitationOutcomePayload, { type: "'invitation.expired'", invitationId: 'id' } as never),
    ).toThrow(/missing \[recipientId\]/);
    expect(() =>
      payloadSql(invitationOutcomePayload, {
        type: "'invitation.expired'",
        invitationId: 'id',
        recipientId: 'inviter_id',
        inviterId: 'inviter_id',
      } as never),
    ).toThrow(/stray \[inviterId\]/);
  });

  it('a payload written by TypeScript is checked by its reader before it is queued', async () => {
    const { owner } = await newOrganization(t.prisma);
    await expect(
      t.prisma.$transaction((tx) =>
        enqueue(tx, {
          organizationId: owner.organization.id,
          kind: outboxKinds.invitationEmail,
          key: 'test:wrong-payload',
          payload: { invitationId: 'not-a-uuid', reason: 'invite' },
        }),
      ),
    ).rejects.toThrow();
  });

  it('every row the set-based writers queue satisfies the schema its reader parses it with', async () => {
    const { owner } = await newOrganization(t.prisma, { seats: 3 });
    const organizationId = owner.organization.id;
    await t.prisma.webhookEndpoint.create({
      data: { organizationId, url: 'https://hooks.example.com/sesame', secret: 'whsec_test' },
    });
    // Bulk invite: e-mails, webhooks, and one invitation held behind a seat request.
    const made = await invite(t.prisma, owner, { emails: ['a@example.org', 'b@example.org', 'c@example.org'] });
    const [first, second] = made.results.map((result) => result.invitationId as string);
    // Approval releases the held one (its e-mail queued in SQL).
    await decideSeatRequest(t.prisma, owner, { requestId: made.seatRequestId as string, decision: 'approve' });
    // Reminders (SQL).
    await sendDueReminders(t.prisma, { now: new Date(Date.now() + 3.5 * DAY) });
    // SendGrid reports a bounce (SQL).
    await recordEmailEvents(t.prisma, [
      {
        sg_event_id: 'bounce-1',
        event: 'bounce',
        timestamp: 1_800_000_000,
        reason: '550 no',
        invitation_id: first,
        outbox_id: undefined,
      },
    ]);
    // A delivery given up (SQL).
    const email = await t.prisma.outboxMessage.findFirstOrThrow({
      where: { organizationId, kind: 'invitation.email', payload: { path: ['invitationId'], equals: second } },
    });
    const settled = await settle(
      t.prisma,
      [
        {
          message: {
            id: email.id.toString(),
            organizationId,
            kind: email.kind,
            key: email.idempotencyKey,
            payload: email.payload,
            attempts: email.attempts,
            createdAt: email.createdAt,
            interrupted: false,
            handedAt: null,
          },
          verdict: { type: 'failed', retryable: false, error: '550 refused' },
        },
      ],
      { now: new Date(), maxAttempts: 5, log: memoryLog().log },
    );
    expect(settled.failed).toBe(1);
    // Expiry (SQL): notifications and webhooks.
    await expireDueInvitations(t.prisma, { now: new Date(Date.now() + 400 * DAY) });
    // A notification copied per chat workspace (SQL).
    const notification = await t.prisma.outboxMessage.findFirstOrThrow({
      where: { organizationId, kind: 'notification', payload: { path: ['type'], equals: 'invitation.expired' } },
    });
    const workspaces = [
      { platform: 'slack', externalId: 'T1' },
      { platform: 'teams', externalId: 'tenant-1' },
    ] as ChatWorkspace[];
    await fanOut(
      t.prisma,
      [{ organizationId, key: notification.idempotencyKey, payload: notification.payload }],
      workspaces,
    );

    const rows = await t.prisma.outboxMessage.findMany({ where: { organizationId } });
    const refused = rows.flatMap((row) => {
      const parsed = payloadOfKind[row.kind as keyof typeof payloadOfKind].safeParse(row.payload);
      return parsed.success ? [] : [{ key: row.idempotencyKey, issues: parsed.error.issues }];
    });
    expect(refused).toEqual([]);
    // Every writer above was heard from (the check is not vacuous).
    const described = new Set(
      rows.map((row) => {
        const payload = row.payload as { type?: string; reason?: string; event?: string; workspace?: unknown };
        return [row.kind, payload.type ?? payload.reason ?? payload.event, payload.workspace ? 'copy' : '']
          .filter(Boolean)
          .join(' ');
      }),
    );
    expect([...described].sort()).toEqual(
      [
        'invitation.email invite',
        'invitation.email reminder',
        'notification invitation.bounced',
        'notification invitation.expired',
        'notification invitation.expired copy',
        'notification invitation.undeliverable',
        'notification seat_request.created',
        'notification seat_request.decided',
        'webhook invitation.created',
        'webhook invitation.expired',
      ].sort(),
    );
  });
});
