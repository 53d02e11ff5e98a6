// Resend a pending invitation, at most once per cooldown (24 h by default, as iWE does), or at
// once when its last e-mail failed for good (nothing reached the invitee: nothing to wait for).
// The resend renews the invitation's lifetime and queues a new e-mail with a new link.
// An admin's "remind now" (remind.ts) goes through the same path without the renewal.
// A suspended external invitation (its company no longer covered) is refused with the company to
// secure: its link would only show the "cannot be used right now" page.
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { suspendedInvitationRefusal } from '../companies/suspended-invitation.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import type { Invitation } from '../generated/prisma/client.js';
import { formatDuration } from '../i18n/duration.js';
import { enqueue, outboxKinds } from '../outbox/enqueue.js';
import { outboxKey, outboxKeys } from '../outbox/outbox-keys.js';
import type { Actor } from '../permissions/actor.js';
import { assertCanManageInvitations } from '../permissions/policy.js';
import { findInvitation, statusLabel } from './find-invitation.js';
import { resendAllowedSql } from './resend-cooldown.js';

export function resendInvitation(db: Db, actor: Actor, ref: string, now = new Date()): Promise<Invitation> {
  return sendAgain(db, actor, ref, { reason: 'resend', now });
}

/**
 * Queues another e-mail for a pending invitation, at most once per cooldown. A resend renews the
 * invitation's lifetime; a reminder (remindNow) does not, and is refused once it has expired.
 */
export async function sendAgain(
  db: Db,
  actor: Actor,
  ref: string,
  options: { reason: 'resend' | 'reminder'; now: Date },
): Promise<Invitation> {
  assertCanManageInvitations(actor);
  const { now, reason } = options;
  const renew = reason === 'resend';
  const found = await findInvitation(db, actor, ref);
  const notPending = (invitation: Invitation) =>
    new AppError('invitation.not_pending', {
      email: invitation.email,
      status: statusLabel(invitation.status === 'PENDING' ? 'EXPIRED' : invitation.status, actor.locale),
    });
  if (found.status !== 'PENDING' || (!renew && found.expiresAt <= now)) throw notPending(found);
  if (found.suspended) throw await suspendedInvitationRefusal(db, found);
  const org = actor.organization;
  const cooldownMs = org.resendCooldownHours * 3_600_000;
  return db.$transaction(async (tx) => {
    // The condition in the UPDATE makes a double click (or two admins) send one e-mail, not two:
    // a failed delivery waives the cooldown once, since the resend puts it back to QUEUED.
    const [updated] = await tx.$queryRawUnsafe<{ send_count: number }[]>(
      `UPDATE invitation i
          SET send_count = send_count + 1, last_sent_at = $3::timestamptz,
              delivery_status = 'QUEUED', delivery_detail = NULL,
              expires_at = CASE WHEN $5::boolean THEN $3::timestamptz + make_interval(days => $4::int) ELSE expires_at END
        WHERE id = $1::uuid AND status = 'PENDING' AND NOT suspended AND ($5::boolean OR expires_at > $3::timestamptz)
          AND ${resendAllowedSql('i', '$3::timestamptz', '$2::double precision')}
        RETURNING send_count`,
      found.id,
      cooldownMs / 1000,
      now.toISOString(),
      org.invitationLifetimeDays,
      renew,
    );
    if (!updated) {
      const current = await tx.invitation.findUniqueOrThrow({ where: { id: found.id } });
      if (current.status !== 'PENDING' || (!renew && current.expiresAt <= now)) throw notPending(current);
      // Suspended since it was read (its company unsecured meanwhile).
      if (current.suspended) throw await suspendedInvitationRefusal(tx, current);
      const waitMs = (current.lastSentAt?.getTime() ?? 0) + cooldownMs - now.getTime();
      throw new AppError('resend.cooldown', { email: current.email, wait: formatDuration(waitMs, actor.locale) });
    }
    await enqueue(tx, {
      organizationId: org.id,
      kind: outboxKinds.invitationEmail,
      key: outboxKey(outboxKeys.invitationEmail, { invitationId: found.id, sendNumber: updated.send_count }),
      payload: { invitationId: found.id, reason },
    });
    await recordAuditEvent(tx, actor, {
      action: renew ? 'invitation.resent' : 'invitation.reminded',
      subjectType: 'invitation',
      subjectId: found.id,
      data: { email: found.email, sendCount: updated.send_count },
    });
    return tx.invitation.findUniqueOrThrow({ where: { id: found.id } });
  });
}
