// A manager approves or denies a seat request, exactly once: whoever decides second is told
// who decided first. Approving raises the seat limit of the request's kind (the plan's, or the
// external seats') and sends the held invitations; denying cancels them with the reason. The
// inviter is told either way (notification outbox).
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import type { SeatRequest } from '../generated/prisma/client.js';
import { enqueue, outboxKinds } from '../outbox/enqueue.js';
import { outboxKey, outboxKeys } from '../outbox/outbox-keys.js';
import { insertInvitationEmailRowsSql } from '../outbox/outbox-rows.js';
import type { Actor } from '../permissions/actor.js';
import { assertCanDecideSeatRequests } from '../permissions/policy.js';
import { currentFigures } from './seat-figures.js';

export interface SeatDecision {
  requestId: string;
  decision: 'approve' | 'deny';
  reason?: string;
}

export interface SeatDecisionResult {
  request: SeatRequest;
  /** Invitations released (approve) or cancelled (deny). */
  invitations: number;
  limitAfter: number;
}

export async function decideSeatRequest(db: Db, actor: Actor, input: SeatDecision): Promise<SeatDecisionResult> {
  assertCanDecideSeatRequests(actor);
  const reason = input.reason?.trim() || null;
  if (input.decision === 'deny' && !reason) throw new AppError('seat_request.reason_required', {}, 'invalid');
  if (reason && reason.length > 500) throw new AppError('message.too_long', { max: 500 }, 'invalid');
  const orgId = actor.organization.id;

  // Every statement below is set-based: their number does not grow with the held invitations, only
  // their work does (an import may hold hundreds of thousands). Hence a timeout of our own, not
  // Prisma's 5 s default for interactive transactions.
  return db.$transaction(
    async (tx) => {
      const [org] = await tx.$queryRawUnsafe<{ lifetime: number }[]>(
        'SELECT invitation_lifetime_days AS lifetime FROM organization WHERE id = $1::uuid FOR UPDATE',
        orgId,
      );
      const status = input.decision === 'approve' ? 'APPROVED' : 'DENIED';
      // The status condition is what makes the decision happen once.
      const decided = await tx.seatRequest.updateMany({
        where: { id: input.requestId, organizationId: orgId, status: 'PENDING' },
        data: { status, decidedById: actor.member.id, decidedAt: new Date(), reason },
      });
      const found = await tx.seatRequest.findFirst({
        where: { id: input.requestId, organizationId: orgId },
        include: { decidedBy: { select: { email: true } } },
      });
      if (!found) throw new AppError('seat_request.not_found', { id: input.requestId }, 'not_found');
      if (decided.count === 0) {
        if (found.status === 'WITHDRAWN') throw new AppError('seat_request.withdrawn', {}, 'conflict');
        throw new AppError(
          'seat_request.already_decided',
          { decision: found.status as 'APPROVED' | 'DENIED', by: found.decidedBy?.email ?? '?' },
          'conflict',
        );
      }

      // The figures of now, not those of when it was posted (the limit may have moved since).
      const figures = await currentFigures(tx, orgId, found.id);
      const limitAfter = status === 'APPROVED' ? figures.limitAfter : figures.limitBefore;
      let invitations: number;
      if (status === 'APPROVED') {
        // Each kind has its own limit: an external request raises the external seats only.
        const raised = found.kind === 'external' ? { externalSeatLimit: limitAfter } : { seatLimit: limitAfter };
        await tx.organization.update({ where: { id: orgId }, data: raised });
        invitations = await releaseHeld(tx, orgId, found.id, org?.lifetime ?? 14);
      } else {
        invitations = await tx.$executeRawUnsafe(
          `UPDATE invitation SET status = 'CANCELLED', open_email = NULL, open_username = NULL,
                  closed_at = now(), closed_reason = $3
            WHERE organization_id = $1::uuid AND seat_request_id = $2::uuid AND status = 'AWAITING_APPROVAL'`,
          orgId,
          found.id,
          reason,
        );
      }
      const { decidedBy: _decidedBy, ...plain } = found;
      const request = await tx.seatRequest.update({
        where: { id: plain.id },
        data: { limitBefore: figures.limitBefore, seatsRequested: figures.seats, limitAfter },
      });

      await recordAuditEvent(tx, actor, {
        action: status === 'APPROVED' ? 'seat_request.approved' : 'seat_request.denied',
        subjectType: 'seat_request',
        subjectId: request.id,
        data: { seats: figures.seats, limitBefore: figures.limitBefore, limitAfter, invitations, reason },
      });
      await tellInviters(tx, orgId, request);
      return { request, invitations, limitAfter };
    },
    { timeout: DECISION_TIMEOUT_MS, maxWait: 10_000 },
  );
}

/** Far above what set-based statements take for the largest import (a stuck lock ends it, not size). */
const DECISION_TIMEOUT_MS = 15 * 60_000;

/**
 * The requester and every inviter whose invitations the request held (requests are merged) hear
 * the outcome; each notification also redraws the request's cards.
 */
async function tellInviters(tx: Tx, orgId: string, request: SeatRequest): Promise<void> {
  const inviters = await tx.$queryRawUnsafe<{ id: string }[]>(
    `SELECT DISTINCT inviter_id::text AS id FROM invitation
      WHERE seat_request_id = $1::uuid AND status IN ('PENDING', 'CANCELLED') AND inviter_id <> $2::uuid`,
    request.id,
    request.requestedById,
  );
  for (const [index, recipientId] of [request.requestedById, ...inviters.map((i) => i.id)].entries()) {
    await enqueue(tx, {
      organizationId: orgId,
      kind: outboxKinds.notification,
      // The requester's key is the one it always was (idempotent with rows written before).
      key:
        index === 0
          ? outboxKey(outboxKeys.seatRequestDecided, { seatRequestId: request.id })
          : outboxKey(outboxKeys.seatRequestDecidedFor, { seatRequestId: request.id, recipientId }),
      payload: { type: 'seat_request.decided', seatRequestId: request.id, recipientId },
    });
  }
}

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

// The e-mails of the invitations `released` below, as a first send would have queued them.
const QUEUE_RELEASED_SQL = insertInvitationEmailRowsSql({
  organizationId: '$1::uuid',
  sendNumber: 'send_count',
  reason: 'invite',
  source: 'FROM released',
});

/** Held invitations become pending with a fresh lifetime, and their e-mails are queued. */
async function releaseHeld(tx: Tx, orgId: string, requestId: string, lifetimeDays: number): Promise<number> {
  const [released] = await tx.$queryRawUnsafe<{ count: number }[]>(
    `WITH released AS (
       UPDATE invitation
          SET status = 'PENDING', expires_at = now() + make_interval(days => $3::int),
              last_sent_at = now(), send_count = send_count + 1,
              next_reminder_at = now() + make_interval(days => (SELECT reminder_days[1] FROM organization WHERE id = $1::uuid))
        WHERE organization_id = $1::uuid AND seat_request_id = $2::uuid AND status = 'AWAITING_APPROVAL'
        RETURNING id, send_count
     ), queued AS (
       ${QUEUE_RELEASED_SQL}
     )
     SELECT count(*)::int AS count FROM released`,
    orgId,
    requestId,
    lifetimeDays,
  );
  return released?.count ?? 0;
}
