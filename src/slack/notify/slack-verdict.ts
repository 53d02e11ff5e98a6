// What Slack's refusals mean for a notification: a channel the bot cannot post in (the managers'
// channel alert), Sesame's access lost (said by e-mail instead), a rate limit (retried at Slack's
// time), a refusal for good, or Slack unreachable (retried).
import { ErrorCode } from '@slack/web-api';
import type { Verdict } from '../../outbox/verdict.js';

/** Slack's answers meaning the bot cannot post in that channel until someone changes something. */
const channelRefusals = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action']);

export function channelRefusal(error: unknown): string | undefined {
  const failure = error as { code?: string; data?: { error?: string } };
  const cause = failure.code === ErrorCode.PlatformError ? failure.data?.error : undefined;
  return cause && channelRefusals.has(cause) ? cause : undefined;
}

/** Slack's answers meaning Sesame lost its access to the workspace: nothing posts there any more. */
const accessRefusals = new Set([
  'invalid_auth',
  'token_revoked',
  'account_inactive',
  'not_authed',
  'team_access_not_granted',
]);

export function verdictOf(error: unknown, now: Date, workspaceId: string): Verdict {
  const failure = error as { code?: string; retryAfter?: number; data?: { error?: string }; statusCode?: number };
  if (failure.code === ErrorCode.RateLimitedError) {
    return {
      type: 'failed',
      retryable: true,
      error: 'rate limited by Slack',
      retryAt: new Date(now.getTime() + (failure.retryAfter ?? 1) * 1000),
    };
  }
  const cause = failure.data?.error;
  if (failure.code === ErrorCode.PlatformError && cause && accessRefusals.has(cause)) {
    // Every later post would be refused too: the notification goes by e-mail, and the owners learn why.
    return {
      type: 'skipped',
      note: `Slack: ${cause}`,
      byEmail: { accessLost: { platform: 'slack', externalId: workspaceId, cause } },
    };
  }
  if (failure.code === ErrorCode.PlatformError) {
    // Slack refused for good: a channel the bot is not in, a deactivated user, a revoked token.
    return { type: 'failed', retryable: false, error: `Slack: ${failure.data?.error ?? 'refused'}` };
  }
  return {
    type: 'failed',
    retryable: true,
    error: `Slack unreachable: ${failure.code ?? (error instanceof Error ? error.message : 'error')}`,
  };
}
