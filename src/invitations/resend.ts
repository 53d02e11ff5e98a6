// Resend a pending invitation, at most once per cooldown (24 h by default, as iWE does).
// The resend renews the invitation's lifetime and queues a new e-mail with a new link.
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import type { Invitation } from '../generated/prisma/client.js';
import { formatDuration } from '../i18n/duration.js';
import { enqueue, invitationEmailKey, outboxKinds } from '../outbox/enqueue.js';
import type { Actor } from '../permissions/actor.js';
import { assertCanManageInvitations } from '../permissions/policy.js';
import { findInvitation, statusLabel } from './find-invitation.js';

export async function resendInvitation(db: Db, actor: Actor, ref: string, now = new Date()): Promise<Invitation> {
  assertCanManageInvitations(actor);
  const found = await findInvitation(db, actor, ref);
  if (found.status !== 'PENDING') {
    throw new AppError('invitation.not_pending', {
      email: found.email,
      status: statusLabel(found.status, actor.locale),
    });
  }
  const org = actor.organization;
  const cooldownMs = org.resendCooldownHours * 3_600_000;
  return db.$transaction(async (tx) => {
    // The condition in the UPDATE makes a double click (or two admins) send one e-mail, not two.
    const [updated] = await tx.$queryRawUnsafe<{ send_count: number }[]>(
      `UPDATE invitation
          SET send_count = send_count + 1, last_sent_at = $3::timestamptz,
              expires_at = $3::timestamptz + make_interval(days => $4::int)
        WHERE id = $1::uuid AND status = 'PENDING'
          AND (last_sent_at IS NULL OR last_sent_at <= $3::timestamptz - make_interval(secs => $2::double precision))
        RETURNING send_count`,
      found.id,
      cooldownMs / 1000,
      now.toISOString(),
      org.invitationLifetimeDays,
    );
    if (!updated) {
      const current = await tx.invitation.findUniqueOrThrow({ where: { id: found.id } });
      if (current.status !== 'PENDING') {
        throw new AppError('invitation.not_pending', {
          email: current.email,
          status: statusLabel(current.status, actor.locale),
        });
      }
      const waitMs = (current.lastSentAt?.getTime() ?? 0) + cooldownMs - now.getTime();
      throw new AppError('resend.cooldown', { email: current.email, wait: formatDuration(waitMs, actor.locale) });
    }
    await enqueue(tx, {
      organizationId: org.id,
      kind: outboxKinds.invitationEmail,
      key: invitationEmailKey(found.id, updated.send_count),
      payload: { invitationId: found.id, reason: 'resend' },
    });
    await recordAuditEvent(tx, actor, {
      action: 'invitation.resent',
      subjectType: 'invitation',
      subjectId: found.id,
      data: { email: found.email, sendCount: updated.send_count },
    });
    return tx.invitation.findUniqueOrThrow({ where: { id: found.id } });
  });
}
