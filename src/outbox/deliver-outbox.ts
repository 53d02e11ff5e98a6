// Delivers the outbox: invitation e-mails, "added directly" notices and outbound webhooks.
// (Chat notifications are left for the chat channels.) Called by the scheduled job, by any
// number of replicas at once.
//
// Never twice. A message leaves at most once per claim, and a claim is exclusive:
//   1. claim: one statement takes due rows (FOR UPDATE SKIP LOCKED) and moves their
//      next_attempt_at past a lease, committed at once: no other worker sees them as due;
//   2. reconcile: a row whose previous attempt was handed to SendGrid without a recorded answer
//      is checked against SendGrid's events first (reconcile.ts);
//   3. prepare: mint the accept tokens (committed before the link can be clicked) and render;
//   4. send, outside any transaction (no lock is held while SendGrid answers), each request's
//      rows marked handed_at just before it leaves;
//   5. record the verdict right after each provider request, fenced by the claim's token.
// The window left is a crash between SendGrid's 202 and step 5, or a timeout: only the rows of
// that one request are then uncertain (handed_at still set), and step 2 settles them. The
// idempotency key travels in custom_args (`sesame_key`), so a duplicate can always be recognized.
import type { Db } from '../db/database.js';
import type { EmailTransport } from '../email/outgoing-email.js';
import type { Logger } from '../log/logger.js';
import { deliverWebhooks } from '../webhooks/deliver-webhooks.js';
import { type ClaimedMessage, claimOutbox } from './claim-outbox.js';
import { outboxKinds } from './enqueue.js';
import {
  enrollmentCodeEmailPayload,
  invitationEmailPayload,
  memberAddedEmailPayload,
  webhookPayload,
} from './payloads.js';
import { prepareEnrollmentCodeEmails } from './prepare-enrollment-code-emails.js';
import { type Preparation, prepareInvitationEmails } from './prepare-invitation-emails.js';
import { prepareMemberAddedEmails } from './prepare-member-added-emails.js';
import { markHanded, reconcile } from './reconcile.js';
import { type Settled, settle } from './settle-outbox.js';
import { fromSendOutcome, type Verdict } from './verdict.js';

export interface DeliverOutboxOptions {
  transport: EmailTransport;
  /** Base of the links in the e-mails (publicUrl(env)). */
  publicUrl: string;
  log: Logger;
  /** The clock of this run (tests); the real time otherwise. */
  now?: Date;
  /** E-mail rows per claim. Default 1,000: one full SendGrid request. */
  batchSize?: number;
  /** Attempts before a message is given up. Default 10 (about 3 hours of retries). */
  maxAttempts?: number;
  /** Claims per call. Default 20 (20,000 e-mails); the job calls again on its next run. */
  maxBatches?: number;
  /** How long a claim keeps its rows. Default 5 min: far above a request's timeout. */
  leaseMs?: number;
  /** Webhook rows per claim (each may take up to webhookTimeoutMs). Default 50. */
  webhookBatchSize?: number;
  webhookTimeoutMs?: number;
  /** WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: webhooks may reach private addresses (development only). */
  webhooksAllowPrivateAddresses?: boolean;
  /** Aborted (e.g. on SIGTERM): no new claim; the batch in hand is finished and recorded. */
  signal?: AbortSignal;
}

export interface DeliverOutboxResult {
  sent: number;
  failed: number;
  retried: number;
  skipped: number;
}

const emailKinds = [outboxKinds.invitationEmail, outboxKinds.memberAddedEmail, outboxKinds.enrollmentCodeEmail];

export async function deliverOutbox(db: Db, options: DeliverOutboxOptions): Promise<DeliverOutboxResult> {
  const total: DeliverOutboxResult = { sent: 0, failed: 0, retried: 0, skipped: 0 };
  const batchSize = options.batchSize ?? 1000;
  const webhookBatchSize = Math.min(options.webhookBatchSize ?? 50, batchSize);
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const clock = () => options.now ?? new Date();
  const add = (s: Settled) => {
    total.sent += s.sent;
    total.failed += s.failed;
    total.retried += s.retried;
    total.skipped += s.skipped;
  };
  for (let round = 0; round < (options.maxBatches ?? 20) && !options.signal?.aborted; round++) {
    const now = clock();
    const [emails, hooks] = await Promise.all([
      claimOutbox(db, { kinds: emailKinds, limit: batchSize, now, leaseMs }),
      claimOutbox(db, { kinds: [outboxKinds.webhook], limit: webhookBatchSize, now, leaseMs }),
    ]);
    if (emails.length === 0 && hooks.length === 0) break;
    await Promise.all([deliverEmails(db, emails, options, clock, add), deliverHooks(db, hooks, options, clock, add)]);
    if (emails.length < batchSize && hooks.length < webhookBatchSize) break;
  }
  if (total.sent + total.failed + total.retried + total.skipped > 0)
    options.log.debug('Outbox delivered', { ...total });
  return total;
}

type Context = Pick<DeliverOutboxOptions, 'transport' | 'publicUrl' | 'log' | 'maxAttempts'>;

async function deliverEmails(
  db: Db,
  claimed: ClaimedMessage[],
  options: Context,
  clock: () => Date,
  add: (s: Settled) => void,
): Promise<void> {
  if (claimed.length === 0) return;
  const maxAttempts = options.maxAttempts ?? 10;
  const record = async (results: { message: ClaimedMessage; verdict: Verdict }[]) =>
    add(await settle(db, results, { now: clock(), maxAttempts, log: options.log }));

  const early: { message: ClaimedMessage; verdict: Verdict }[] = [];
  const reconciled = await reconcile(db, claimed, {
    reportsEvents: options.transport.reportsEvents ?? false,
    now: clock(),
    maxAttempts,
    log: options.log,
  });
  const invitations = [];
  const members = [];
  const codes = [];
  for (const message of claimed) {
    const known = reconciled.get(message.id);
    if (known) {
      early.push({ message, verdict: known });
      continue;
    }
    if (message.attempts > maxAttempts) {
      early.push({ message, verdict: exhausted });
      continue;
    }
    if (message.kind === outboxKinds.invitationEmail) {
      const payload = invitationEmailPayload.safeParse(message.payload);
      if (payload.success) invitations.push({ message, payload: payload.data });
      else early.push({ message, verdict: invalidPayload });
    } else if (message.kind === outboxKinds.enrollmentCodeEmail) {
      const payload = enrollmentCodeEmailPayload.safeParse(message.payload);
      if (payload.success) codes.push({ message, payload: payload.data });
      else early.push({ message, verdict: invalidPayload });
    } else {
      const payload = memberAddedEmailPayload.safeParse(message.payload);
      if (payload.success) members.push({ message, payload: payload.data });
      else early.push({ message, verdict: invalidPayload });
    }
  }
  const now = clock();
  const prepared: Preparation[] = [
    await prepareInvitationEmails(db, invitations, { publicUrl: options.publicUrl, now }),
    await prepareMemberAddedEmails(db, members, { publicUrl: options.publicUrl }),
    await prepareEnrollmentCodeEmails(db, codes, { publicUrl: options.publicUrl, now }),
  ];
  const ready = prepared.flatMap((p) => p.ready);
  for (const p of prepared) {
    for (const s of p.skipped) early.push({ message: s.message, verdict: skip(s.note) });
    for (const f of p.failed)
      early.push({ message: f.message, verdict: { type: 'failed', retryable: false, error: f.error } });
  }
  await record(early);

  const reported = new Set<number>();
  try {
    const hooks = {
      beforeRequest: (indexes: number[]) =>
        markHanded(
          db,
          indexes.map((index) => (ready[index] as (typeof ready)[number]).message),
          clock(),
        ),
    };
    for await (const report of options.transport.send(
      ready.map((r) => r.email),
      hooks,
    )) {
      const verdict = fromSendOutcome(report.outcome);
      for (const index of report.indexes) reported.add(index);
      await record(
        report.indexes.map((index) => ({ message: (ready[index] as (typeof ready)[number]).message, verdict })),
      );
    }
  } finally {
    // A transport that stopped half-way (a bug, or the database failing above): whatever it did
    // not report is retried after the lease, like a crash.
    const missing = ready.filter((_, index) => !reported.has(index));
    if (missing.length > 0) options.log.warn('E-mails left unreported by the transport', { count: missing.length });
  }
}

async function deliverHooks(
  db: Db,
  claimed: ClaimedMessage[],
  options: DeliverOutboxOptions,
  clock: () => Date,
  add: (s: Settled) => void,
): Promise<void> {
  if (claimed.length === 0) return;
  const results: { message: ClaimedMessage; verdict: Verdict }[] = [];
  const valid = [];
  for (const message of claimed) {
    const payload = webhookPayload.safeParse(message.payload);
    if (message.attempts > (options.maxAttempts ?? 10)) results.push({ message, verdict: exhausted });
    else if (payload.success) valid.push({ message, payload: payload.data });
    else results.push({ message, verdict: invalidPayload });
  }
  results.push(
    ...(await deliverWebhooks(db, valid, {
      log: options.log,
      timeoutMs: options.webhookTimeoutMs,
      allowPrivateAddresses: options.webhooksAllowPrivateAddresses,
    })),
  );
  add(await settle(db, results, { now: clock(), maxAttempts: options.maxAttempts ?? 10, log: options.log }));
}

const invalidPayload: Verdict = { type: 'failed', retryable: false, error: 'invalid outbox payload' };
/** Claimed again and again without a verdict (its worker keeps dying): given up, not retried forever. */
const exhausted: Verdict = { type: 'failed', retryable: true, error: 'every attempt was interrupted' };
const skip = (note: string): Verdict => ({ type: 'skipped', note });
