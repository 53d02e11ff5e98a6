// When to try a failed message again: 30 s, 1 min, 2 min, 4 min... capped at 1 h. No jitter on
// purpose: the messages of one failed SendGrid request come back together and go out together
// again, still in one request.
export const RETRY_BASE_MS = 30_000;
export const RETRY_CAP_MS = 3_600_000;

/** The delay after the given attempt (1 for the first) failed. */
export const retryDelayMs = (attempt: number): number =>
  Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempt - 1));

/** The provider's word (429's reset time) wins over the backoff, within 1 s and 1 h from now. */
export function nextAttemptAt(now: Date, attempt: number, retryAt?: Date): Date {
  if (retryAt) {
    return new Date(Math.min(Math.max(retryAt.getTime(), now.getTime() + 1000), now.getTime() + RETRY_CAP_MS));
  }
  return new Date(now.getTime() + retryDelayMs(attempt));
}
