// Queues an outbound webhook event for every active endpoint of the organization that listens
// to it. Delivery (signed POST, retries) happens from the outbox after commit.
import type { Prisma } from '../generated/prisma/client.js';
import { insertWebhookRowsSql } from './webhook-rows.js';

export const webhookEvents = [
  'invitation.created',
  'invitation.accepted',
  'invitation.expired',
  'invitation.revoked',
  'member.enrolled',
  'member.added',
  'member.removed',
] as const;
export type WebhookEvent = (typeof webhookEvents)[number];

export async function emitWebhookEvent(
  tx: Prisma.TransactionClient,
  event: { organizationId: string; type: WebhookEvent; subjectId: string; data: Prisma.InputJsonObject },
): Promise<void> {
  await tx.$executeRawUnsafe(
    EMIT_SQL,
    event.organizationId,
    event.type,
    event.subjectId,
    JSON.stringify(event.data),
    new Date().toISOString(),
  );
}

// The same statement as the bulk writers', for one subject (webhook-rows.ts).
const EMIT_SQL = insertWebhookRowsSql({
  subjects: '(SELECT 1) AS subject',
  organizationId: '$1::uuid',
  event: '$2::text',
  subjectId: '$3::text',
  data: `$4::jsonb || jsonb_build_object('occurredAt', $5::text)`,
});
