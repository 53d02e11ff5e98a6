// The Web API client of Bolt's listeners (the `client` each listener gets). WebClient has no time
// limit by default: a Slack call that never answered held the listener, and the user waited for
// ever. Each call now has the notifier's time limit; one that runs out is not tried again (a second
// wait would double the user's, and the call may have been done), and the user is told Slack did
// not answer (chat.slack_timeout). Quick transient failures are still retried.
import { ErrorCode, type WebClientOptions } from '@slack/web-api';
import { chatCallTimeoutMs } from '../notifications/time-limit.js';
import { slackFetch } from './counted-fetch.js';

export function listenerClientOptions(
  slackApiUrl: string,
  options: { retries?: number; timeoutMs?: number } = {},
): WebClientOptions {
  const retryConfig = {
    retries: options.retries ?? 2,
    factor: 2,
    minTimeout: 500,
    maxTimeout: 3000,
    // WebClient hands retryConfig to p-retry, which stops retrying when this throws.
    onFailedAttempt: (error: unknown) => {
      if (isSlackTimeout(error)) throw error;
    },
  };
  return { slackApiUrl, fetch: slackFetch, timeout: options.timeoutMs ?? chatCallTimeoutMs, retryConfig };
}

/** A Web API call that ran out of time: WebClient's request error around the time limit's abort. */
export function isSlackTimeout(error: unknown): boolean {
  if (!(error instanceof Error) || (error as { code?: unknown }).code !== ErrorCode.RequestError) return false;
  const original = (error as { original?: unknown }).original;
  return original instanceof Error && original.name === 'TimeoutError';
}
