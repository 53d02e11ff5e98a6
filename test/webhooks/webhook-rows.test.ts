// Which endpoints receive an event is decided in one place (src/webhooks/webhook-rows.ts), for the
// TypeScript writer (a revoke) and for the set-based SQL writers (the bulk invite, expiry) alike:
// an active endpoint of the organization hears an event when it lists no events (it receives
// every event) or lists this one. Each path is checked, so a change to the rule, or a writer that
// stops using it, fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireDueInvitations } from '../../src/invitations/expire.js';
import { invite } from '../../src/invitations/invite.js';
import { revokeInvitation } from '../../src/invitations/revoke.js';
import { outboxKey, outboxKeys } from '../../src/outbox/outbox-keys.js';
import { webhookPayload } from '../../src/outbox/payloads.js';
import type { WebhookEvent } from '../../src/webhooks/emit-webhook-event.js';
import { newOrganization } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.close());

const DAY = 86_400_000;

describe('which webhook endpoints receive an event', () => {
  it('the same rule on every path: no event list means every event; a list means only those', async () => {
    const { owner } = await newOrganization(t.prisma);
    const organizationId = owner.organization.id;
    const endpoint = async (events: WebhookEvent[], active = true) =>
      (
        await t.prisma.webhookEndpoint.create({
          data: { organizationId, url: 'https://hooks.example.com/sesame', secret: 'whsec_test', events, active },
        })
      ).id;
    const everything = await endpoint([]);
    const created = await endpoint(['invitation.created']);
    const revoked = await endpoint(['invitation.revoked', 'member.enrolled']);
    const expired = await endpoint(['invitation.expired']);
    await endpoint([], false); // inactive: hears nothing
    // Another organization's endpoint never hears this one's events.
    const other = await newOrganization(t.prisma);
    await t.prisma.webhookEndpoint.create({
      data: { organizationId: other.organization.id, url: 'https://hooks.example.com/other', secret: 'whsec_other' },
    });

    const heard = async (event: WebhookEvent) => {
      const rows = await t.prisma.outboxMessage.findMany({
        where: { kind: 'webhook', payload: { path: ['event'], equals: event } },
      });
      return rows.map((row) => {
        const payload = webhookPayload.parse(row.payload);
        // An expiry's subject is that expiry of the invitation: it may expire again after a resend.
        const expiry = event === 'invitation.expired' ? `:${String(payload.data.expiresAt)}` : '';
        const subjectId = `${String(payload.data.invitationId)}${expiry}`;
        // The key and the payload are the ones every path writes.
        expect(row.idempotencyKey).toBe(
          outboxKey(outboxKeys.webhook, { endpointId: payload.endpointId, event, subjectId }),
        );
        expect(row.organizationId).toBe(organizationId);
        return `${payload.endpointId} ${String(payload.data.invitationId)}`;
      });
    };

    // Each path is checked even when another fails (soft), so a failure names every path that drifted.
    // The set-based SQL of the bulk invite.
    const made = await invite(t.prisma, owner, { emails: ['one@example.org', 'two@example.org'] });
    const [one, two] = made.results.map((result) => result.invitationId as string);
    expect
      .soft((await heard('invitation.created')).sort())
      .toEqual([`${everything} ${one}`, `${everything} ${two}`, `${created} ${one}`, `${created} ${two}`].sort());

    // The TypeScript writer (emit-webhook-event.ts), through a revoke.
    await revokeInvitation(t.prisma, owner, 'one@example.org');
    expect
      .soft((await heard('invitation.revoked')).sort())
      .toEqual([`${everything} ${one}`, `${revoked} ${one}`].sort());

    // The set-based SQL of expiry.
    await expireDueInvitations(t.prisma, { now: new Date(Date.now() + 400 * DAY) });
    expect
      .soft((await heard('invitation.expired')).sort())
      .toEqual([`${everything} ${two}`, `${expired} ${two}`].sort());
  });
});
