// An admin approves or denies a member's invite request, exactly once: whoever decides second is
// told who decided first. Approving invites the address as if the approving admin had typed it
// (invite(): seats, with the invitation held beyond the limit like any other, the default role and
// user type, the allowed domains). Every member who asked hears the outcome (notification outbox).
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Db } from '../db/database.js';
import { AppError, refuse } from '../errors/app-error.js';
import type { InviteRequest } from '../generated/prisma/client.js';
import { type InviteOutcome, invite } from '../invitations/invite.js';
import { enqueue, outboxKinds } from '../outbox/enqueue.js';
import { outboxKey, outboxKeys } from '../outbox/outbox-keys.js';
import type { Actor } from '../permissions/actor.js';
import { assertCanManageInvitations } from '../permissions/policy.js';

export const REASON_MAX = 500;

export interface InviteRequestDecision {
  requestId: string;
  decision: 'approve' | 'deny';
  reason?: string;
}

export interface InviteRequestDecisionResult {
  request: InviteRequest;
  /** What the approval's invite did: invited, held (beyond the seats) or already invited. */
  invitation?: { outcome: InviteOutcome; invitationId?: string };
}

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function decideInviteRequest(
  db: Db,
  actor: Actor,
  input: InviteRequestDecision,
): Promise<InviteRequestDecisionResult> {
  assertCanManageInvitations(actor, 'decide_invite_requests');
  const reason = input.reason?.trim() || null;
  if (input.decision === 'deny' && !reason) throw new AppError('invite_request.reason_required', {}, 'invalid');
  if (reason && reason.length > REASON_MAX) {
    throw new AppError('invite_request.reason_too_long', { max: REASON_MAX }, 'invalid');
  }
  if (!UUID.test(input.requestId)) throw new AppError('invite_request.not_found', { id: input.requestId }, 'not_found');
  const orgId = actor.organization.id;
  const status = input.decision === 'approve' ? 'APPROVED' : 'DENIED';

  // The status condition is what makes the decision happen once. An approval keeps the address
  // open until its invitation exists, so a member asking meanwhile still joins (and is told).
  const claimed = await db.$transaction(async (tx) => {
    const decided = await tx.inviteRequest.updateMany({
      where: { id: input.requestId, organizationId: orgId, status: 'PENDING' },
      data: {
        status,
        decidedById: actor.member.id,
        decidedAt: new Date(),
        reason,
        ...(status === 'DENIED' ? { openEmail: null } : {}),
      },
    });
    const found = await tx.inviteRequest.findFirst({
      where: { id: input.requestId, organizationId: orgId },
      include: { decidedBy: { select: { email: true } } },
    });
    if (!found) throw new AppError('invite_request.not_found', { id: input.requestId }, 'not_found');
    if (decided.count === 0) {
      throw new AppError(
        'invite_request.already_decided',
        { decision: found.status as 'APPROVED' | 'DENIED', by: found.decidedBy?.email ?? '?' },
        'conflict',
      );
    }
    const { decidedBy: _decidedBy, ...request } = found;
    if (status === 'DENIED') await concluded(tx, actor, request, { reason });
    return request;
  });
  if (status === 'DENIED') return { request: claimed };

  let made: Awaited<ReturnType<typeof invite>>['results'][number] | undefined;
  try {
    made = (await invite(db, actor, { emails: [claimed.email] })).results[0];
    if (!made || made.outcome === 'refused') {
      throw made?.error ? refuse(made.error) : new AppError('invite_request.not_found', { id: claimed.id });
    }
  } catch (error) {
    // Nothing was invited (the address became a member, its domain is no longer allowed): the
    // request is open again, for this admin to deny with the reason they were just shown.
    await db.inviteRequest.updateMany({
      where: { id: claimed.id, status: 'APPROVED', decidedById: actor.member.id, invitationId: null },
      data: { status: 'PENDING', decidedById: null, decidedAt: null, reason: null },
    });
    throw error;
  }
  const invitation = { outcome: made.outcome, invitationId: made.invitationId };
  const request = await db.$transaction(async (tx) => {
    const done = await tx.inviteRequest.update({
      where: { id: claimed.id },
      data: { invitationId: made.invitationId ?? null, openEmail: null },
    });
    await concluded(tx, actor, done, { invitationId: made.invitationId ?? null, outcome: made.outcome });
    return done;
  });
  return { request, invitation };
}

/** The decision's audit event (who decided, who asked) and a notification for each requester. */
async function concluded(
  tx: Tx,
  actor: Actor,
  request: InviteRequest,
  data: { reason?: string | null; invitationId?: string | null; outcome?: InviteOutcome },
): Promise<void> {
  const requesters = [request.requestedById, ...request.alsoRequestedByIds].filter((id): id is string => Boolean(id));
  const emails = await tx.member.findMany({
    where: { organizationId: request.organizationId, id: { in: requesters } },
    select: { email: true },
  });
  await recordAuditEvent(tx, actor, {
    action: request.status === 'APPROVED' ? 'invite_request.approved' : 'invite_request.denied',
    subjectType: 'invite_request',
    subjectId: request.id,
    data: { email: request.email, requestedBy: emails.map((e) => e.email), ...data },
  });
  for (const recipientId of requesters) {
    await enqueue(tx, {
      organizationId: request.organizationId,
      kind: outboxKinds.notification,
      key: outboxKey(outboxKeys.inviteRequestDecided, { inviteRequestId: request.id, recipientId }),
      payload: { type: 'invite_request.decided', inviteRequestId: request.id, recipientId },
    });
  }
}
