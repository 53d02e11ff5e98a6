// Before a message goes out again, what became of its previous attempt? SendGrid's send is not
// idempotent, so a message handed to it without a recorded answer (the worker died between the
// 202 and the recording, or the request timed out) may already be in the recipient's inbox.
//
// - Any Event Webhook event carrying its outbox_id ('processed', 'delivered', 'dropped'...)
//   says SendGrid took it: it is marked sent, not sent again.
// - With the Event Webhook configured but no event yet, its events may simply be late: the
//   message waits for them, up to EVENTS_WAIT_MS after it was handed over, then goes again
//   (an invitation that might be lost is worse than one that might arrive twice).
// - Without the Event Webhook nothing can be checked: it goes again. What a crash can send
//   twice is then one request (UNCONFIRMED_MAX_PER_REQUEST in create-transport.ts).
// Messages only claimed (never handed over) are sent without a check: they never left.
import type { Db } from '../db/database.js';
import type { Logger } from '../log/logger.js';
import type { ClaimedMessage } from './claim-outbox.js';
import type { Verdict } from './verdict.js';

/** How long SendGrid's events may lag behind its 202 before an uncertain message is sent again. */
export const EVENTS_WAIT_MS = 15 * 60_000;

export const WAITING_FOR_EVENTS = "waiting for SendGrid's events before sending again";

export async function reconcile(
  db: Db,
  claimed: readonly ClaimedMessage[],
  options: { reportsEvents: boolean; now: Date; maxAttempts: number; log: Logger },
): Promise<Map<string, Verdict>> {
  const verdicts = new Map<string, Verdict>();
  // Interrupted rows are checked too: a claim may have died before handed_at existed.
  const doubtful = claimed.filter((m) => m.handedAt || m.interrupted);
  if (doubtful.length === 0) return verdicts;
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    'SELECT DISTINCT outbox_id::text AS id FROM email_event WHERE outbox_id = ANY($1::bigint[])',
    doubtful.map((m) => m.id),
  );
  for (const row of rows) verdicts.set(row.id, { type: 'sent' });
  let waiting = 0;
  let resent = 0;
  for (const message of doubtful) {
    if (verdicts.has(message.id) || !message.handedAt) continue;
    const until = new Date(message.handedAt.getTime() + EVENTS_WAIT_MS);
    // On its last attempt a message is sent rather than given up while waiting: never lost.
    if (options.reportsEvents && options.now < until && message.attempts < options.maxAttempts) {
      waiting++;
      verdicts.set(message.id, {
        type: 'failed',
        retryable: true,
        error: WAITING_FOR_EVENTS,
        retryAt: until,
        outcomeUnknown: true,
      });
    } else resent++;
  }
  options.log.warn('Outbox e-mails found interrupted mid-send (no recorded answer)', {
    checked: doubtful.length,
    confirmedByProvider: rows.length,
    waitingForEvents: waiting,
    resentUnconfirmed: resent,
  });
  return verdicts;
}

/** Marks messages as handed to the provider, just before the request (fenced by the claim). */
export async function markHanded(db: Db, messages: readonly ClaimedMessage[], now: Date): Promise<void> {
  if (messages.length === 0) return;
  await db.$executeRawUnsafe(
    `UPDATE outbox_message o SET handed_at = $3::timestamptz
       FROM unnest($1::bigint[], $2::int[]) AS input(id, attempts)
      WHERE o.id = input.id AND o.attempts = input.attempts AND o.status = 'PENDING'`,
    messages.map((m) => m.id),
    messages.map((m) => m.attempts),
    now.toISOString(),
  );
}
