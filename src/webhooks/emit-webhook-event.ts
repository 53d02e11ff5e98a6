// Queues an outbound webhook event for every active endpoint of the organization that listens
// to it. Delivery (signed POST, retries) happens from the outbox after commit.
import type { Prisma } from '../generated/prisma/client.js';
import { enqueue, outboxKinds } from '../outbox/enqueue.js';

export const webhookEvents = [
  'invitation.created',
  'invitation.accepted',
  'invitation.expired',
  'invitation.revoked',
  'member.enrolled',
] as const;
export type WebhookEvent = (typeof webhookEvents)[number];

export async function emitWebhookEvent(
  tx: Prisma.TransactionClient,
  event: { organizationId: string; type: WebhookEvent; subjectId: string; data: Prisma.InputJsonObject },
): Promise<void> {
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { organizationId: event.organizationId, active: true },
    select: { id: true, events: true },
  });
  for (const endpoint of endpoints) {
    // An endpoint with no event list receives every event.
    if (endpoint.events.length > 0 && !endpoint.events.includes(event.type)) continue;
    await enqueue(tx, {
      organizationId: event.organizationId,
      kind: outboxKinds.webhook,
      key: `webhook:${endpoint.id}:${event.type}:${event.subjectId}`,
      payload: {
        endpointId: endpoint.id,
        event: event.type,
        data: { ...event.data, occurredAt: new Date().toISOString() },
      },
    });
  }
}
