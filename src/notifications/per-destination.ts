// Delivers claimed notifications destination by destination: each chat workspace's rows in
// order (platforms limit posting per workspace and channel, and a card precedes its decision),
// the workspaces side by side, so that a slow or hung one never holds up the others.
import type { ClaimedMessage } from '../outbox/claim-outbox.js';
import type { Verdict } from '../outbox/verdict.js';
import { destinationKey } from './destination.js';

/** Workspaces served at once: enough for a slow one not to matter, few for the database pool. */
export const destinationsAtOnce = 4;

export async function deliverPerDestination(
  messages: readonly ClaimedMessage[],
  deliver: (message: ClaimedMessage) => Promise<Verdict>,
  concurrency = destinationsAtOnce,
): Promise<{ message: ClaimedMessage; verdict: Verdict }[]> {
  const queues = new Map<string, ClaimedMessage[]>();
  for (const message of messages) {
    const key = destinationKey(message);
    queues.set(key, [...(queues.get(key) ?? []), message]);
  }
  const pending = [...queues.values()];
  const results: { message: ClaimedMessage; verdict: Verdict }[] = [];
  const worker = async () => {
    for (let queue = pending.shift(); queue; queue = pending.shift()) {
      let trouble: Extract<Verdict, { type: 'failed' }> | undefined;
      for (const message of queue) {
        // Once a workspace failed in a way worth retrying (unreachable, hung, rate limited), its
        // other rows wait for the same retry rather than each paying the same time limit.
        const verdict: Verdict = trouble
          ? { type: 'failed', retryable: true, error: `not tried: ${trouble.error}`, retryAt: trouble.retryAt }
          : await deliver(message);
        if (verdict.type === 'failed' && verdict.retryable) trouble ??= verdict;
        results.push({ message, verdict });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queues.size) }, worker));
  return results;
}
