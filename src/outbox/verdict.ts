// What became of one claimed outbox row after a delivery attempt.
import type { SendOutcome } from '../email/outgoing-email.js';

export type Verdict =
  | { type: 'sent' }
  /** Nothing to send any more (the invitation was revoked, the endpoint removed...). */
  | {
      type: 'skipped';
      note: string;
      /**
       * A chat notification the chat could not carry (its recipient is not on it, or the chat's
       * access was lost: `accessLost`): the notification job says it by e-mail instead.
       */
      byEmail?: { accessLost?: { platform: 'slack' | 'teams'; externalId: string; cause: string } };
    }
  /** outcomeUnknown: it may have left (a timeout); its handed_at is kept, to reconcile first. */
  | { type: 'failed'; retryable: boolean; error: string; retryAt?: Date; outcomeUnknown?: boolean };

export const fromSendOutcome = (outcome: SendOutcome): Verdict =>
  outcome.ok
    ? { type: 'sent' }
    : {
        type: 'failed',
        retryable: outcome.retryable,
        error: outcome.error,
        retryAt: outcome.retryAt,
        outcomeUnknown: outcome.outcomeUnknown,
      };
