// A manager approves or denies a seat request, exactly once: whoever decides second is told
// who decided first. Approving raises the seat limit and sends the held invitations;
// denying cancels them with the reason. The inviter is told either way (notification outbox).
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import type { SeatRequest } from '../generated/prisma/client.js';
import { enqueue, outboxKinds } from '../outbox/enqueue.js';
import type { Actor } from '../permissions/actor.js';
import { assertCanDecideSeatRequests } from '../permissions/policy.js';

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

  return db.$transaction(async (tx) => {
    const [org] = await tx.$queryRawUnsafe<{ seat_limit: number; lifetime: number }[]>(
      'SELECT seat_limit, invitation_lifetime_days AS lifetime FROM organization WHERE id = $1::uuid FOR UPDATE',
      orgId,
    );
    const status = input.decision === 'approve' ? 'APPROVED' : 'DENIED';
    // The status condition is what makes the decision happen once.
    const decided = await tx.seatRequest.updateMany({
      where: { id: input.requestId, organizationId: orgId, status: 'PENDING' },
      data: { status, decidedById: actor.member.id, decidedAt: new Date(), reason },
    });
    const request = await tx.seatRequest.findFirst({
      where: { id: input.requestId, organizationId: orgId },
      include: { decidedBy: { select: { email: true } } },
    });
    if (!request) throw new AppError('seat_request.not_found', { id: input.requestId }, 'not_found');
    if (decided.count === 0) {
      throw new AppError(
        'seat_request.already_decided',
        { decision: request.status as 'APPROVED' | 'DENIED', by: request.decidedBy?.email ?? '?' },
        'conflict',
      );
    }

    let limitAfter = org?.seat_limit ?? 0;
    let invitations: number;
    if (status === 'APPROVED') {
      limitAfter += request.seatsRequested;
      await tx.organization.update({ where: { id: orgId }, data: { seatLimit: limitAfter } });
      invitations = await releaseHeld(tx, orgId, request.id, org?.lifetime ?? 14);
    } else {
      const cancelled = await tx.invitation.updateMany({
        where: { seatRequestId: request.id, status: 'AWAITING_APPROVAL' },
        data: { status: 'CANCELLED', openEmail: null, openUsername: null, closedAt: new Date(), closedReason: reason },
      });
      invitations = cancelled.count;
    }

    await recordAuditEvent(tx, actor, {
      action: status === 'APPROVED' ? 'seat_request.approved' : 'seat_request.denied',
      subjectType: 'seat_request',
      subjectId: request.id,
      data: { seats: request.seatsRequested, limitAfter, invitations, reason },
    });
    await enqueue(tx, {
      organizationId: orgId,
      kind: outboxKinds.notification,
      key: `seat_request:${request.id}:decided`,
      payload: { type: 'seat_request.decided', seatRequestId: request.id, recipientId: request.requestedById },
    });
    const { decidedBy: _decidedBy, ...plain } = request;
    return { request: plain, invitations, limitAfter };
  });
}

/** Held invitations become pending with a fresh lifetime, and their e-mails are queued. */
async function releaseHeld(
  tx: Parameters<Parameters<Db['$transaction']>[0]>[0],
  orgId: string,
  requestId: string,
  lifetimeDays: number,
): Promise<number> {
  const released = await tx.$queryRawUnsafe<{ id: string }[]>(
    `WITH released AS (
       UPDATE invitation
          SET status = 'PENDING', expires_at = now() + make_interval(days => $3::int),
              last_sent_at = now(), send_count = send_count + 1,
              next_reminder_at = now() + make_interval(days => (SELECT reminder_days[1] FROM organization WHERE id = $1::uuid))
        WHERE organization_id = $1::uuid AND seat_request_id = $2::uuid AND status = 'AWAITING_APPROVAL'
        RETURNING id, send_count
     ), queued AS (
       INSERT INTO outbox_message (organization_id, kind, idempotency_key, payload)
       SELECT $1::uuid, 'invitation.email', 'invitation:' || id || ':send:' || send_count,
              jsonb_build_object('invitationId', id, 'reason', 'invite')
         FROM released
       ON CONFLICT DO NOTHING
     )
     SELECT id::text FROM released`,
    orgId,
    requestId,
    lifetimeDays,
  );
  return released.length;
}
