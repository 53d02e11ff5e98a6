// Chat notifications as the outbox holds them (written by the domain, often in set-based SQL),
// and as the chat channels receive them: with what they need to say it already read.
import { z } from 'zod';
import type { DigestSummary } from '../digest/digest-summary.js';
import type { Locale } from '../i18n/locale.js';
import type { InviteRequestDetails } from '../invite-requests/invite-request-details.js';
import type { SeatRequestDetails } from '../seats/seat-request-details.js';
import type { OutcomeType } from './outcome-policy.js';

// Each kind of notification on its own: the set-based SQL writers build their payloads from these
// (outbox/outbox-rows.ts payloadSql), so writer and reader share one definition.
export const seatRequestCreatedPayload = z.object({ type: z.literal('seat_request.created'), seatRequestId: z.uuid() });
export const seatRequestDecidedPayload = z.object({
  type: z.literal('seat_request.decided'),
  seatRequestId: z.uuid(),
  recipientId: z.uuid(),
});
export const invitationOutcomePayload = z.object({
  type: z.enum(['invitation.accepted', 'invitation.expired', 'invitation.undeliverable']),
  invitationId: z.uuid(),
  recipientId: z.uuid(),
  /** The member an accepted invitation became (kept for the record; the notifiers do not need it). */
  memberId: z.uuid().optional(),
});
export const invitationBouncedPayload = z.object({
  type: z.literal('invitation.bounced'),
  invitationId: z.uuid(),
  recipientId: z.uuid(),
  deliveryStatus: z.string().nullish(),
  reason: z.string().nullish(),
});

/** A member's invite request: the admins' card (posted once, then redrawn). */
export const inviteRequestCreatedPayload = z.object({
  type: z.literal('invite_request.created'),
  inviteRequestId: z.uuid(),
});
/** One requester hears what the admins decided. */
export const inviteRequestDecidedPayload = z.object({
  type: z.literal('invite_request.decided'),
  inviteRequestId: z.uuid(),
  recipientId: z.uuid(),
});

/** The managers' channel digest of one period (src/digest/): what happened from `since` to `until`. */
export const digestPayload = z.object({
  type: z.literal('digest'),
  periodStart: z.iso.datetime(),
  since: z.iso.datetime(),
  until: z.iso.datetime(),
});

export const notificationPayload = z.discriminatedUnion('type', [
  digestPayload,
  seatRequestCreatedPayload,
  seatRequestDecidedPayload,
  inviteRequestCreatedPayload,
  inviteRequestDecidedPayload,
  invitationOutcomePayload,
  invitationBouncedPayload,
]);
export type NotificationPayload = z.infer<typeof notificationPayload>;

/** The member a notification is for (the inviter, the requester). */
export interface Recipient {
  memberId: string;
  email: string;
  /** Their own language, spoken to them over their chat's and their organization's (memberLocale). */
  language?: Locale | null;
}

export type ChatNotification =
  | { type: 'digest'; summary: DigestSummary; periodStart: string; organizationLocale: Locale }
  | { type: 'seat_request.created'; details: SeatRequestDetails; organizationLocale: Locale }
  | { type: 'seat_request.decided'; details: SeatRequestDetails; recipient: Recipient; organizationLocale: Locale }
  | { type: 'invite_request.created'; details: InviteRequestDetails; organizationLocale: Locale }
  | { type: 'invite_request.decided'; details: InviteRequestDetails; recipient: Recipient; organizationLocale: Locale }
  | {
      type: 'invitation.accepted' | 'invitation.expired' | 'invitation.undeliverable' | 'invitation.bounced';
      invitationEmail: string;
      /** Why SendGrid gave up (bounces). */
      detail?: string;
      recipient: Recipient;
      organizationLocale: Locale;
    }
  | {
      /** Several outcomes of one inviter's invitations, said in one message (outcome-policy.ts). */
      type: 'invitation.outcomes';
      counts: OutcomeCounts;
      /** The first addresses, as stored (each notifier escapes them for its markup). */
      firstEmails: string[];
      recipient: Recipient;
      organizationLocale: Locale;
    };

/** How many of each outcome a summary says. */
export type OutcomeCounts = Record<OutcomeType, number>;
