// Effects to deliver after commit. Each has an idempotency key derived from what causes it,
// so writing the same effect twice (a retry, a double click) is a no-op.
import type { Prisma } from '../generated/prisma/client.js';
import { type PayloadOf, payloadOfKind } from './payloads.js';

type Tx = Prisma.TransactionClient;

export const outboxKinds = {
  /** An invitation e-mail (first send, resend or reminder); payload: { invitationId, reason }. */
  invitationEmail: 'invitation.email',
  /** The "you were added" e-mail of a member added directly; payload: { memberId }. */
  memberAddedEmail: 'member.added_email',
  /** The code that verifies an address chosen at enrollment; payload: { invitationId, send, locale }. */
  enrollmentCodeEmail: 'enrollment.code_email',
  /** A chat notification to a member or to the managers; payload: { type, ... }. */
  notification: 'notification',
  /** A signed outbound webhook call; payload: { endpointId, event, data }. */
  webhook: 'webhook',
} as const;

export type OutboxKind = (typeof outboxKinds)[keyof typeof outboxKinds];

/** Writes one outbox row (the set-based SQL writes its rows with outbox-rows.ts, in the same shape). */
export async function enqueue<K extends OutboxKind>(
  tx: Tx,
  message: { organizationId: string; kind: K; key: string; payload: PayloadOf<K> },
): Promise<void> {
  // The reader's schema checks the writer: a payload the deliverer would refuse fails here, in the
  // transaction that caused it, rather than as a skipped row later.
  payloadOfKind[message.kind].parse(message.payload);
  await tx.outboxMessage.upsert({
    where: { idempotencyKey: message.key },
    create: {
      organizationId: message.organizationId,
      kind: message.kind,
      idempotencyKey: message.key,
      payload: message.payload as Prisma.InputJsonValue,
    },
    update: {},
  });
}
