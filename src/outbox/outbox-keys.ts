// Every outbox row's idempotency key, defined once as a template. The TypeScript writers render it
// with outboxKey() and the set-based SQL writers with outboxKeySql(), so the two cannot drift: a
// retry in SQL and a click in TypeScript that cause the same effect produce the same key.
import { sqlText } from '../db/sql-text.js';

export const outboxKeys = {
  /** Each send of an invitation e-mail (first send, resend, reminder, release after approval). */
  invitationEmail: 'invitation:{invitationId}:send:{sendNumber}',
  /** The "account ready" e-mail of a member added directly (no invitation). */
  memberAddedEmail: 'member:{memberId}:added',
  /** The code e-mail of one try at choosing another address at enrollment. */
  enrollmentCodeEmail: 'enrollment:{invitationId}:code:{send}',
  /** One webhook call: an endpoint hears an event about a subject once. */
  webhook: 'webhook:{endpointId}:{event}:{subjectId}',
  invitationAccepted: 'invitation:{invitationId}:accepted',
  /**
   * One expiry of an invitation, named by the end of the lifetime that ran out: an invitation
   * brought back (resend, "resend all expired") gets a new lifetime, and its next expiry is a new
   * event that the inviter and the webhooks hear again. (The first format, without the lifetime's
   * end, cannot be written again for an expiry already announced: expiry is a one-way PENDING to
   * EXPIRED update, committed with its outbox rows.)
   */
  invitationExpired: 'invitation:{invitationId}:expired:{expiresAt}',
  /** The inviter hears of a delivery given up, once per outbox row given up. */
  invitationUndeliverable: 'invitation:{invitationId}:undeliverable:{outboxId}',
  /** The inviter hears of a bounce or a drop, once per SendGrid event. */
  invitationBounced: 'sendgrid:{sgEventId}:notification',
  seatRequestCreated: 'seat_request:{seatRequestId}:created',
  /** The requester's notification of a decision (the key it always had). */
  seatRequestDecided: 'seat_request:{seatRequestId}:decided',
  /** Another inviter whose invitations the request held. */
  seatRequestDecidedFor: 'seat_request:{seatRequestId}:decided:{recipientId}',
  /** The cards of a request redrawn after its figures changed. */
  seatRequestRevision: 'seat_request:{seatRequestId}:revision:{revision}',
  /** The admins' card of a member's invite request. */
  inviteRequestCreated: 'invite_request:{inviteRequestId}:created',
  /** Another member asked for the same address: the card is redrawn with them. */
  inviteRequestJoined: 'invite_request:{inviteRequestId}:joined:{memberId}',
  /** One requester hears the decision. */
  inviteRequestDecided: 'invite_request:{inviteRequestId}:decided:{recipientId}',
  /** The managers' channel digest of one period: a second replica's insert is a no-op. */
  digest: 'digest:{organizationId}:{periodStart}',
  /** One copy of a notification per chat workspace (notifications/destination.ts). */
  perWorkspace: '{key}:{platform}:{externalId}',
} as const;

export type OutboxKeyTemplate = (typeof outboxKeys)[keyof typeof outboxKeys];

/** The names between braces in a template: what a key is made of. */
type Placeholders<T extends string> = T extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

const PART = /\{(\w+)\}/g;

/** The key in TypeScript, from the values it is made of. */
export function outboxKey<T extends OutboxKeyTemplate>(
  template: T,
  values: Record<Placeholders<T>, string | number>,
): string {
  return template.replace(PART, (_, name: string) => String(values[name as Placeholders<T>]));
}

/** The same key as an SQL expression, from the SQL expressions of the values it is made of. */
export function outboxKeySql<T extends OutboxKeyTemplate>(
  template: T,
  expressions: Record<Placeholders<T>, string>,
): string {
  return template
    .split(PART)
    .map((part, index) =>
      // split() with a capturing group alternates literal text (even) and placeholder names (odd).
      index % 2 === 0 ? (part ? sqlText(part) : '') : `(${expressions[part as Placeholders<T>]})::text`,
    )
    .filter(Boolean)
    .join(' || ');
}
