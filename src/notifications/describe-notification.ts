// Reads what a notification needs to be said: the seat request's details, the invitation's
// address, the recipient's e-mail. Null when its subject is gone (nothing left to say).
import type { Db } from '../db/database.js';
import { digestSummary } from '../digest/digest-summary.js';
import { inviteRequestDetails } from '../invite-requests/invite-request-details.js';
import { seatRequestDetails } from '../seats/seat-request-details.js';
import type { ChatNotification, NotificationPayload } from './notification.js';

export async function describeNotification(
  db: Db,
  organizationId: string,
  payload: NotificationPayload,
): Promise<ChatNotification | null> {
  const organization = await db.organization.findUnique({ where: { id: organizationId }, select: { locale: true } });
  if (!organization) return null;
  const organizationLocale = organization.locale;
  if (payload.type === 'digest') {
    const period = { since: new Date(payload.since), now: new Date(payload.until) };
    return {
      type: 'digest',
      summary: await digestSummary(db, organizationId, period),
      periodStart: payload.periodStart,
      organizationLocale,
    };
  }
  const recipientOf = async (memberId: string) => {
    const member = await db.member.findFirst({
      where: { id: memberId, organizationId },
      select: { id: true, email: true, language: true },
    });
    return member ? { memberId: member.id, email: member.email, language: member.language } : null;
  };
  if (payload.type === 'invite_request.created' || payload.type === 'invite_request.decided') {
    const details = await inviteRequestDetails(db, organizationId, payload.inviteRequestId);
    if (!details) return null;
    if (payload.type === 'invite_request.created') return { type: payload.type, details, organizationLocale };
    const recipient = await recipientOf(payload.recipientId);
    return recipient ? { type: payload.type, details, recipient, organizationLocale } : null;
  }
  if (payload.type === 'seat_request.created' || payload.type === 'seat_request.decided') {
    const details = await seatRequestDetails(db, organizationId, payload.seatRequestId);
    if (!details) return null;
    if (payload.type === 'seat_request.created') return { type: payload.type, details, organizationLocale };
    const recipient = await recipientOf(payload.recipientId);
    return recipient ? { type: payload.type, details, recipient, organizationLocale } : null;
  }
  const [invitation, recipient] = await Promise.all([
    db.invitation.findFirst({ where: { id: payload.invitationId, organizationId }, select: { email: true } }),
    recipientOf(payload.recipientId),
  ]);
  if (!invitation || !recipient) return null;
  const detail =
    payload.type === 'invitation.bounced'
      ? [payload.deliveryStatus?.toLowerCase(), payload.reason].filter(Boolean).join(': ') || undefined
      : undefined;
  return { type: payload.type, invitationEmail: invitation.email, detail, recipient, organizationLocale };
}
