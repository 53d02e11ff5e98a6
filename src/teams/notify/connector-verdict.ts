// What a failed Bot Connector call means for a notification: retry later (429, unreachable), give
// up (another 4xx), or, for the managers' channel, that the bot can no longer post there.
import type { Verdict } from '../../outbox/verdict.js';

/** The Bot Connector's answer, as the SDK's HTTP client (axios) reports a failed call. */
type ConnectorError = {
  response?: { status?: number; headers?: Record<string, unknown> & { get?: (name: string) => unknown } };
};

/** The Bot Connector's answers meaning the bot can no longer post in that channel (removed, deleted). */
export function channelRefusal(error: unknown): string | undefined {
  const status = (error as ConnectorError).response?.status;
  return status === 403 || status === 404 ? `Teams ${status}` : undefined;
}

export function verdictOf(error: unknown, now: Date): Verdict {
  const response = (error as ConnectorError).response;
  const status = response?.status;
  if (status === 429) {
    const header = response?.headers?.get?.('retry-after') ?? response?.headers?.['retry-after'];
    const retryAfter = Number(header ?? 1) || 1;
    return {
      type: 'failed',
      retryable: true,
      error: 'rate limited by Teams',
      retryAt: new Date(now.getTime() + retryAfter * 1000),
    };
  }
  if (status !== undefined && status >= 400 && status < 500) {
    return { type: 'failed', retryable: false, error: `Teams refused (${status})` };
  }
  return {
    type: 'failed',
    retryable: true,
    error: `Teams unreachable: ${error instanceof Error ? error.message : String(error)}`,
  };
}
