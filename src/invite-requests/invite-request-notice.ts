// An invite request said by e-mail when no chat carries it: the request to the admins (with the
// commands that decide it), the outcome to the member who asked. Raw text: the template escapes.
import { inviteRequestTexts } from '../chat/rendering/invite-request-texts.js';
import type { Db } from '../db/database.js';
import type { OutgoingEmail } from '../email/outgoing-email.js';
import type { NoticeWords } from '../email/templates/notice-texts.js';
import type { Locale } from '../i18n/locale.js';
import type { ChatNotification } from '../notifications/notification.js';
import { inviteDecidersOf } from './invite-deciders.js';

type InviteRequestNotification = Extract<
  ChatNotification,
  { type: 'invite_request.created' | 'invite_request.decided' }
>;

export async function inviteRequestNotice(
  db: Db,
  organizationId: string,
  n: InviteRequestNotification,
  where: { org: string; locale: Locale },
  notice: (name: string, words: NoticeWords, to: string[]) => OutgoingEmail[],
): Promise<OutgoingEmail[]> {
  const texts = inviteRequestTexts(where.locale);
  const { request } = n.details;
  if (n.type === 'invite_request.decided') {
    const words = texts.noticeDecided({
      org: where.org,
      email: request.email,
      approved: request.status === 'APPROVED',
      by: n.details.decidedByEmail ?? '?',
      reason: request.reason,
      held: n.details.invitationStatus === 'AWAITING_APPROVAL',
    });
    return notice(n.type, words, [n.recipient.email]);
  }
  const deciders = await inviteDecidersOf(db, organizationId);
  const words = texts.noticeRequested({
    org: where.org,
    email: request.email,
    requester: n.details.requestedByEmail ?? '?',
    note: request.note,
    id: request.id,
  });
  return notice(
    n.type,
    words,
    deciders.map((d) => d.email),
  );
}
