// The steps of an invitation's story (invitation-timeline.ts reads them; the channels render them):
// each says when, and who acted from which channel when a person did (null: Sesame itself, a job
// or SendGrid).

/** Who took a step: the member's e-mail (kept by the audit trail even once they left) and channel. */
export interface StepActor {
  email: string | null;
  /** cli, slack, teams or web (src/permissions/actor.ts); null when not recorded. */
  channel: string | null;
}

/**
 * A step taken by a bulk action of the pending list (one run for many invitations): how many other
 * invitations the same run took. Absent on a step taken for this invitation alone.
 */
export interface BulkRun {
  others: number;
}

/** Why an e-mail was sent: the first send (or the release after approval), a reminder, a resend. */
export type EmailReason = 'invite' | 'reminder' | 'resend';

export type TimelineStep =
  | { kind: 'created'; at: Date; by: StepActor | null; imported: boolean }
  /** Held for a manager's approval (beyond the seat limit), or held again when its company was covered again. */
  | { kind: 'held'; at: Date; by: StepActor | null; resumed: boolean }
  | { kind: 'approved'; at: Date; by: StepActor | null }
  | { kind: 'denied'; at: Date; by: StepActor | null; reason: string | null }
  /** An e-mail of the outbox: sent, or still queued (with the attempts so far). */
  | { kind: 'emailed'; at: Date; reason: EmailReason; state: 'sent' | 'queued'; attempts: number }
  /** What SendGrid said of an e-mail. */
  | { kind: 'delivered' | 'bounced' | 'dropped'; at: Date; reason: string | null }
  /** The e-mail was given up after its retries. */
  | { kind: 'undeliverable'; at: Date; reason: string | null }
  /** A reminder: scheduled (by null) or asked by an admin. */
  | { kind: 'reminded'; at: Date; by: StepActor | null }
  | { kind: 'resent'; at: Date; by: StepActor | null; bulk?: BulkRun }
  | { kind: 'accepted'; at: Date; by: StepActor | null }
  | { kind: 'expired'; at: Date }
  | { kind: 'revoked'; at: Date; by: StepActor | null; bulk?: BulkRun }
  /** Closed without a decision of its own: the person was added directly (reason null: not recorded). */
  | { kind: 'cancelled'; at: Date; addedDirectly: boolean; reason: string | null }
  /** A webhook call about the invitation, to an endpoint (its host only: the URL may hold credentials). */
  | {
      kind: 'webhook';
      at: Date;
      event: string;
      /** Null once the endpoint was removed. */
      endpoint: string | null;
      state: 'delivered' | 'pending' | 'failed';
      attempts: number;
    }
  /** An audit event this version does not name, shown as recorded. */
  | { kind: 'other'; at: Date; by: StepActor | null; action: string; detail: string };

export type StepKind = TimelineStep['kind'];

/**
 * Where a step stands among those recorded at the same instant: the audit event of a change is
 * written in the transaction that queues its e-mail and webhooks, which leave afterwards.
 */
export const stepRank: Record<StepKind, number> = {
  created: 0,
  held: 1,
  approved: 2,
  denied: 2,
  reminded: 3,
  resent: 3,
  emailed: 4,
  delivered: 5,
  bounced: 5,
  dropped: 5,
  undeliverable: 5,
  accepted: 6,
  expired: 6,
  revoked: 6,
  cancelled: 6,
  webhook: 7,
  other: 8,
};
