// Revoke an open invitation: its links stop working at once, its seat and username are freed.
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import type { Invitation } from '../generated/prisma/client.js';
import type { Actor } from '../permissions/actor.js';
import { assertCanManageInvitations } from '../permissions/policy.js';
import { followHeldInvitations } from '../seats/follow-held-invitations.js';
import { emitWebhookEvent } from '../webhooks/emit-webhook-event.js';
import { findInvitation, statusLabel } from './find-invitation.js';
import { invitationKind } from './invitation-kind.js';

export async function revokeInvitation(db: Db, actor: Actor, ref: string): Promise<Invitation> {
  assertCanManageInvitations(actor);
  const found = await findInvitation(db, actor, ref);
  return db.$transaction(async (tx) => {
    const closed = await tx.invitation.updateMany({
      where: { id: found.id, status: { in: ['PENDING', 'AWAITING_APPROVAL'] } },
      data: { status: 'REVOKED', openEmail: null, openUsername: null, closedAt: new Date(), closedReason: 'revoked' },
    });
    if (closed.count === 0) {
      const current = await tx.invitation.findUniqueOrThrow({ where: { id: found.id } });
      throw new AppError('invitation.not_open', {
        email: current.email,
        status: statusLabel(current.status, actor.locale),
      });
    }
    // The status kills the links at once. Their token hashes stay until the retention clean-up,
    // so that a revoked link says "withdrawn" rather than "unknown".
    if (found.status === 'AWAITING_APPROVAL' && found.seatRequestId) {
      // A held invitation no longer needs its seat: its request shrinks, or is withdrawn.
      await followHeldInvitations(tx, actor.organization.id, found.seatRequestId);
    }
    await emitWebhookEvent(tx, {
      organizationId: actor.organization.id,
      type: 'invitation.revoked',
      subjectId: found.id,
      data: { invitationId: found.id, email: found.email, ...invitationKind(found) },
    });
    await recordAuditEvent(tx, actor, {
      action: 'invitation.revoked',
      subjectType: 'invitation',
      subjectId: found.id,
      data: { email: found.email },
    });
    return tx.invitation.findUniqueOrThrow({ where: { id: found.id } });
  });
}
