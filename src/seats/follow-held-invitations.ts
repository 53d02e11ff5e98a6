// A seat request follows the invitations it holds: after any change to them (one held more,
// one revoked) or to the seats around them (the limit set), its figures are refreshed and its
// cards redrawn; when it holds none any more it is withdrawn, since nothing is left to decide.
import type { Prisma } from '../generated/prisma/client.js';
import { enqueue, outboxKinds } from '../outbox/enqueue.js';
import { outboxKey, outboxKeys } from '../outbox/outbox-keys.js';
import { currentFigures } from './seat-figures.js';
import type { SeatKind } from './seat-usage.js';

export async function followHeldInvitations(
  tx: Prisma.TransactionClient,
  organizationId: string,
  requestId: string,
): Promise<void> {
  const figures = await currentFigures(tx, organizationId, requestId);
  const [changed] = await tx.$queryRawUnsafe<{ revision: number }[]>(
    `UPDATE seat_request
        SET status = CASE WHEN $3::int = 0 THEN 'WITHDRAWN'::"SeatRequestStatus" ELSE status END,
            decided_at = CASE WHEN $3::int = 0 THEN now() ELSE decided_at END,
            seats_requested = $4, limit_before = $5, revision = revision + 1
      WHERE id = $1::uuid AND organization_id = $2::uuid AND status = 'PENDING'
      RETURNING revision`,
    requestId,
    organizationId,
    figures.held,
    figures.seats,
    figures.limitBefore,
  );
  if (!changed) return;
  // The cards are redrawn through the same path that posted them (it updates posted cards).
  await enqueue(tx, {
    organizationId,
    kind: outboxKinds.notification,
    key: outboxKey(outboxKeys.seatRequestRevision, { seatRequestId: requestId, revision: changed.revision }),
    payload: { type: 'seat_request.created', seatRequestId: requestId },
  });
}

/** After a limit moved: every open request of that kind (plan or external seats) shows the figures of now. */
export async function followSeatLimit(
  tx: Prisma.TransactionClient,
  organizationId: string,
  kind: SeatKind = 'internal',
): Promise<void> {
  const open = await tx.seatRequest.findMany({
    where: { organizationId, status: 'PENDING', kind },
    select: { id: true },
  });
  for (const request of open) await followHeldInvitations(tx, organizationId, request.id);
}
