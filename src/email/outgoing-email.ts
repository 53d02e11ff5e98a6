// What the outbox hands to a transport, and what a transport answers.
import type { ComposedEmail } from './compose.js';

/** Which template: SendGrid dynamic template ids are configured per kind. */
export type EmailKind = 'invitation' | 'reminder' | 'member_added' | 'enrollment_code' | 'notice';

export interface Address {
  email: string;
  name?: string;
}

export interface OutgoingEmail {
  /** The outbox row's idempotency key; travels to SendGrid in custom_args as `sesame_key`. */
  key: string;
  kind: EmailKind;
  to: Address;
  /**
   * The sender's name ("Jeanne Dupont via Acme", src/organizations/sender.ts); the address is
   * always the operator's verified sender (SENDGRID_FROM_EMAIL). Unset: SENDGRID_FROM_NAME.
   */
  fromName?: string;
  /** Replies reach the person who invited or added the recipient (or the organization's own address). */
  replyTo?: Address;
  composed: ComposedEmail;
  /** The raw values for a SendGrid dynamic template (its Handlebars escapes them). */
  templateData: Record<string, string>;
  /** Returned by SendGrid's Event Webhook with every event of this message (strings only). */
  customArgs: Record<string, string>;
  /** The link the message asks the recipient to follow. */
  actionUrl: string;
}

/** The operator's verified address, under the organization's sender name when it has one. */
export const fromAddress = (email: Pick<OutgoingEmail, 'fromName'>, from: Address): Address =>
  email.fromName ? { email: from.email, name: email.fromName } : from;

export type SendOutcome =
  | { ok: true }
  | {
      ok: false;
      /** False when sending the same message again cannot succeed (e.g. SendGrid answered 400). */
      retryable: boolean;
      /** Short, without addresses or tokens: it is stored in outbox_message.last_error. */
      error: string;
      /** When the provider said to come back (429's X-RateLimit-Reset). */
      retryAt?: Date;
      /**
       * The request may have reached the provider and been accepted (a timeout, a connection cut
       * after it was sent): the message may have left. Reconciled before it is sent again.
       */
      outcomeUnknown?: boolean;
    };

/** The outcome of one provider request: which messages (indexes in the input) it carried. */
export interface SendReport {
  indexes: number[];
  outcome: SendOutcome;
}

export interface SendHooks {
  /** Awaited before each provider request, with the indexes it carries: they are about to leave. */
  beforeRequest?: (indexes: number[]) => Promise<void>;
}

export interface EmailTransport {
  readonly name: 'sendgrid' | 'file';
  /**
   * SendGrid's Event Webhook is configured: every message SendGrid accepted will be reported
   * (at least `processed`, with our custom_args), so an uncertain send can be checked first.
   */
  readonly reportsEvents?: boolean;
  /**
   * Sends every message, reporting each provider request as soon as it is answered; the next
   * request waits until the caller has recorded the report (that is what keeps the window for
   * a double send to one request). Send failures are reported, never thrown.
   */
  send(emails: readonly OutgoingEmail[], hooks?: SendHooks): AsyncIterable<SendReport>;
}
