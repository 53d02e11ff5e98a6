// Notifications by e-mail, when no chat can carry them: no Slack or Teams linked to the
// organization, the recipient not on it, or the chat's access lost (a revoked token). The
// inviter learns what became of an invitation, the managers that a seat request waits, the
// requester what was decided, and the owners that the chat's access was lost (once per workspace).
// Sent through the same transport as the invitations; a seat request's e-mails to its deciders go
// in one provider request, so a retry never re-sends to some of them only.
import type { WorkspaceRef } from '../chat/platform.js';
import type { Db } from '../db/database.js';
import type { EmailTransport, OutgoingEmail, SendOutcome } from '../email/outgoing-email.js';
import { renderNoticeEmail } from '../email/templates/notice.js';
import { type NoticeWords, noticeWords } from '../email/templates/notice-texts.js';
import type { Locale } from '../i18n/locale.js';
import { memberLocale } from '../i18n/member-locale.js';
import { inviteRequestNotice } from '../invite-requests/invite-request-notice.js';
import { fromSendOutcome, type Verdict } from '../outbox/verdict.js';
import { seatDeciders } from '../seats/seat-deciders.js';
import { workspaceOf } from './destination.js';
import { tellOwnersOnce } from './managers-channel-alert.js';
import type { ChatNotification } from './notification.js';
import { addressesInSummary } from './outcome-policy.js';

/** A chat workspace whose platform refuses Sesame for good (its token revoked, the app removed). */
export interface ChatAccessLost {
  ref: WorkspaceRef;
  cause: string;
}

type NoticeMessage = { id: string; key: string; organizationId: string; payload: unknown };

export interface EmailNotices {
  /** Says the notification by e-mail to whom it is for. */
  deliver(message: NoticeMessage, notification: ChatNotification): Promise<Verdict>;
  /** Tells the owners, once per workspace and cause, that the chat's access was lost. */
  accessLost(message: NoticeMessage, lost: ChatAccessLost): Promise<void>;
}

/**
 * The verdict of a chat delivery, or, when the chat could not carry the notification, the verdict
 * of saying it by e-mail. A copy fanned out to one of several workspaces (destination.ts) is not
 * e-mailed: the recipient may be on another of them, and one notification must not arrive twice.
 */
export async function orByEmail(
  notices: EmailNotices | undefined,
  message: NoticeMessage,
  notification: ChatNotification,
  verdict: Verdict,
): Promise<Verdict> {
  if (!notices || verdict.type !== 'skipped' || !verdict.byEmail) return verdict;
  const lost = verdict.byEmail.accessLost;
  if (lost) {
    await notices.accessLost(message, {
      ref: { platform: lost.platform, externalId: lost.externalId },
      cause: lost.cause,
    });
  }
  if (workspaceOf(message.payload)) return verdict;
  return notices.deliver(message, notification);
}

export function createEmailNotices(options: { db: Db; transport: EmailTransport }): EmailNotices {
  const { db, transport } = options;
  const send = async (emails: OutgoingEmail[]): Promise<Verdict> => {
    let outcome: SendOutcome = { ok: true };
    for await (const report of transport.send(emails)) if (!report.outcome.ok) outcome = report.outcome;
    return fromSendOutcome(outcome);
  };
  const organizationOf = (id: string) =>
    db.organization.findUnique({ where: { id }, select: { name: true, locale: true } });
  return {
    async accessLost(message, lost) {
      const organization = await organizationOf(message.organizationId);
      if (organization) await tellOwnersAccessLost(db, message, organization.name, organization.locale, lost, send);
    },
    async deliver(message, notification) {
      const organization = await organizationOf(message.organizationId);
      if (!organization) return { type: 'skipped', note: 'the organization no longer exists' };
      const n = notification;
      // Said to one member (the inviter, the requester): in their language; to the deciders: the organization's.
      const language = 'recipient' in n ? n.recipient.language : null;
      const locale = memberLocale({ language, organizationLocale: organization.locale });
      const org = organization.name;
      const notice = (name: string, words: NoticeWords, to: string[]): OutgoingEmail[] =>
        to.map((email) => ({
          key: `${message.key}:email:${email}`,
          kind: 'notice',
          to: { email },
          composed: renderNoticeEmail({ locale, organizationName: org, name, words }),
          templateData: { subject: words.subject },
          customArgs: { sesame_key: `${message.key}:email`, outbox_id: message.id },
          actionUrl: '',
        }));
      const words = noticeWords(locale);
      // The digest is for the managers' channel only: without one it is skipped (and logged), not e-mailed.
      if (n.type === 'digest') return { type: 'skipped', note: "no managers' channel: the digest is not posted" };
      if (n.type === 'seat_request.created') {
        const deciders = (await seatDeciders(db, message.organizationId)).map((d) => d.email);
        if (deciders.length === 0) return { type: 'skipped', note: 'no manager or owner to tell' };
        const d = n.details;
        const seatWords = words.seatRequest({
          org,
          requestId: d.request.id,
          requestedBy: d.requestedByEmail,
          seats: d.seats,
          limitBefore: d.limitBefore,
          limitAfter: d.limitAfter,
          invitees: d.invitees,
          inviteeCount: d.inviteeCount,
          external: d.request.kind === 'external',
        });
        return send(notice(n.type, seatWords, deciders));
      }
      if (n.type === 'seat_request.decided') {
        const request = n.details.request;
        const decision = words.seatDecision({
          org,
          approved: request.status === 'APPROVED',
          seats: request.seatsRequested,
          decidedBy: n.details.decidedByEmail ?? '?',
          reason: request.reason,
          external: request.kind === 'external',
        });
        return send(notice(n.type, decision, [n.recipient.email]));
      }
      if (n.type === 'invite_request.created' || n.type === 'invite_request.decided') {
        return send(await inviteRequestNotice(db, message.organizationId, n, { org, locale }, notice));
      }
      if (n.type === 'invitation.outcomes') {
        const total = Object.values(n.counts).reduce((a, b) => a + b, 0);
        const shown = n.firstEmails.slice(0, addressesInSummary);
        return send(notice(n.type, words.outcomes(org, n.counts, shown, total - shown.length), [n.recipient.email]));
      }
      const single =
        n.type === 'invitation.accepted'
          ? words.accepted(n.invitationEmail, org)
          : n.type === 'invitation.expired'
            ? words.expired(n.invitationEmail, org)
            : n.type === 'invitation.bounced'
              ? words.bounced(n.invitationEmail, org, n.detail ?? 'bounce')
              : words.undeliverable(n.invitationEmail, org);
      return send(notice(n.type, single, [n.recipient.email]));
    },
  };
}

const accessLostSubject = (cause: string) => `chat_access_lost:${cause}`;

/** The owners hear once per workspace, cause and owner (recorded like a chat post) that the chat's access was lost. */
async function tellOwnersAccessLost(
  db: Db,
  message: NoticeMessage,
  org: string,
  locale: Locale,
  lost: ChatAccessLost,
  send: (emails: OutgoingEmail[]) => Promise<Verdict>,
): Promise<void> {
  const subject = accessLostSubject(lost.cause);
  const key = `${subject}:${lost.ref.platform}:${lost.ref.externalId}`;
  await tellOwnersOnce(db, lost.ref, message.organizationId, subject, async ({ email, language }) => {
    const ownLocale = memberLocale({ language, organizationLocale: locale });
    const words = noticeWords(ownLocale).chatAccessLost({
      org,
      platform: lost.ref.platform === 'teams' ? 'teams' : 'slack',
      cause: lost.cause,
    });
    const composed = renderNoticeEmail({ locale: ownLocale, organizationName: org, name: 'chat_access_lost', words });
    const verdict = await send([
      {
        key: `${key}:${email}`,
        kind: 'notice',
        to: { email },
        composed,
        templateData: { subject: words.subject },
        customArgs: { sesame_key: key, outbox_id: message.id },
        actionUrl: '',
      },
    ]);
    // Not recorded when it failed: the next notification tries again.
    return verdict.type === 'sent' ? { channelId: 'email', messageId: key } : null;
  });
}
