// The time limit of one call to a chat platform from the notification job. Ten seconds is long
// for an API that answers in well under one, and short against the outbox lease (5 minutes):
// a hung platform costs one retry, never the job run.
export const chatCallTimeoutMs = 10_000;

/** Rejects with a TimeoutError after `ms` when the SDK offers no time limit of its own. */
export function withinTime<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(`${what} timed out after ${ms} ms`);
      error.name = 'TimeoutError';
      reject(error);
    }, ms);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}
