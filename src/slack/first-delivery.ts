// Slack resends a slash command whose ack it did not see within 3 s (X-Slack-Retry-Num), with the
// same trigger_id. The first delivery is already being answered: a second run would post a second,
// possibly contradictory reply ("invited", then "already invited"). So a command is run for the
// first delivery of its trigger_id only; a retry whose first delivery never reached this process
// is a first delivery here, and runs. Kept in memory, for longer than Slack retries (3 times within
// about a minute): behind several replicas, a retry sent to another one runs there, and the
// domain's own idempotency (one invitation per address, the resend cooldown) keeps its effects single.
const REMEMBER_MS = 10 * 60_000;
const MAX_REMEMBERED = 10_000;

export function firstDeliveryFilter(now: () => number = Date.now) {
  const seen = new Map<string, number>();
  return (key: string | undefined): boolean => {
    if (!key) return true;
    const at = now();
    for (const [old, when] of seen) {
      // Insertion order is arrival order: stop at the first one still remembered.
      if (at - when < REMEMBER_MS && seen.size < MAX_REMEMBERED) break;
      seen.delete(old);
    }
    if (seen.has(key)) return false;
    seen.set(key, at);
    return true;
  };
}
