// Faults for the delivery tests and the bench: a worker that dies between SendGrid's answer and
// the recording of it, and SendGrid's Event Webhook reporting what it accepted.
import type { Db } from '../../src/db/database.js';
import { recordEmailEvents } from '../../src/email/events/record-email-events.js';
import type { EmailTransport } from '../../src/email/outgoing-email.js';
import type { AcceptedMessage } from '../support/fake-sendgrid.js';

export class SimulatedCrash extends Error {}

/**
 * The transport, except that the process "dies" once `requests` provider requests were answered,
 * before their reports reach the outbox: nothing of the last one is recorded.
 */
export function crashingAfter(transport: EmailTransport, requests: number): EmailTransport {
  return {
    name: transport.name,
    reportsEvents: transport.reportsEvents,
    async *send(emails, hooks) {
      let answered = 0;
      for await (const report of transport.send(emails, hooks)) {
        answered++;
        if (answered >= requests) throw new SimulatedCrash('killed between the 202 and its recording');
        yield report;
      }
    },
  };
}

/** SendGrid's Event Webhook: a 'processed' event for each message it accepted, as the route records them. */
export async function reportProcessed(db: Db, accepted: readonly AcceptedMessage[], at: Date): Promise<void> {
  await recordEmailEvents(
    db,
    accepted.map((m, i) => ({
      sg_event_id: `processed-${m.customArgs.outbox_id}-${i}-${at.getTime()}`,
      event: 'processed',
      timestamp: Math.floor(at.getTime() / 1000),
      invitation_id: m.customArgs.invitation_id,
      outbox_id: m.customArgs.outbox_id,
    })),
  );
}

/** Recipients who received the same outbox message more than once, and how many extra copies. */
export function duplicates(accepted: readonly AcceptedMessage[]): number {
  const seen = new Map<string, number>();
  for (const m of accepted) {
    const key = m.customArgs.sesame_key ?? '';
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen.values()].reduce((sum, n) => sum + n - 1, 0);
}
