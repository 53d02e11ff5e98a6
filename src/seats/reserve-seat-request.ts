// Where invitations beyond a kind's seat limit wait for a manager: this import's request of that
// kind, the organization's open request of that kind, or a new one (with its audit event and the
// managers' notification). One open request per organization and kind, so that managers decide
// once, on figures that add up. Called under the organization's lock by every path that holds
// invitations (the writer, and securing a company again: src/companies/follow-coverage.ts).
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Prisma } from '../generated/prisma/client.js';
import { enqueue, outboxKinds } from '../outbox/enqueue.js';
import { outboxKey, outboxKeys } from '../outbox/outbox-keys.js';
import type { Actor } from '../permissions/actor.js';
import type { SeatKind } from './seat-usage.js';

/** Shared across the chunks of one import, so that one import makes at most one request per kind. */
export interface SeatRequestSlot {
  id?: string;
  seats: number;
  /** The import joined a request that was already open (and posted). */
  merged?: boolean;
}

/** One import's requests, one slot per kind (start with `{}`: the writer fills them). */
export type SeatRequestSlots = Partial<Record<SeatKind, SeatRequestSlot>>;

export interface Reserved {
  id: string;
  /** Joined a request already open: its figures and cards must follow (followHeldInvitations). */
  merged: boolean;
}

export async function reserveSeatRequest(
  tx: Prisma.TransactionClient,
  actor: Actor,
  wanted: { kind: SeatKind; limit: number; held: number; slot?: SeatRequestSlot },
): Promise<Reserved> {
  const { kind, limit, held, slot } = wanted;
  if (slot?.id && slot.merged) {
    slot.seats += held;
    return { id: slot.id, merged: true };
  }
  if (slot?.id) {
    // A later chunk of the same import: its card is not posted yet, so it was never "changed".
    await tx.seatRequest.update({
      where: { id: slot.id },
      data: { seatsRequested: { increment: held }, postedLimitAfter: { increment: held } },
    });
    slot.seats += held;
    return { id: slot.id, merged: false };
  }
  const open = await tx.seatRequest.findFirst({
    where: { organizationId: actor.organization.id, status: 'PENDING', kind },
    orderBy: { createdAt: 'asc' },
    select: { id: true },
  });
  if (open) {
    if (slot) Object.assign(slot, { id: open.id, seats: held, merged: true });
    return { id: open.id, merged: true };
  }
  const request = await tx.seatRequest.create({
    data: {
      organizationId: actor.organization.id,
      requestedById: actor.member.id,
      kind,
      seatsRequested: held,
      limitBefore: limit,
      postedLimitBefore: limit,
      postedLimitAfter: limit + held,
    },
  });
  if (slot) {
    slot.id = request.id;
    slot.seats = held;
  }
  await recordAuditEvent(tx, actor, {
    action: 'seat_request.created',
    subjectType: 'seat_request',
    subjectId: request.id,
    data: { kind, limitBefore: limit },
  });
  // The managers' channel hears of it once the transaction commits (delivered by the chat channels).
  await enqueue(tx, {
    organizationId: actor.organization.id,
    kind: outboxKinds.notification,
    key: outboxKey(outboxKeys.seatRequestCreated, { seatRequestId: request.id }),
    payload: { type: 'seat_request.created', seatRequestId: request.id },
  });
  return { id: request.id, merged: false };
}
