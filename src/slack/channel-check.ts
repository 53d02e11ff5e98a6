// Whether the bot can post in a Slack channel, asked before an owner's choice of managers' channel
// is saved (`/invite settings`, `sesame slack channel`): a channel the bot is not in, an archived
// one or a wrong id would swallow every seat request. conversations.info (channels:read,
// groups:read) tells both is_member and is_archived. Time-boxed: the modal must be answered within
// Slack's 3 s, after identifying the user, so this check gets well under half of it.
import { ErrorCode, WebClient } from '@slack/web-api';
import { AppError } from '../errors/app-error.js';
import { withinTime } from '../notifications/time-limit.js';
import { slackFetch } from './counted-fetch.js';
import { defaultSlackApiUrl } from './slack-api-url.js';

export const channelCheckBudgetMs = 1_000;

type ConversationsInfo = Pick<WebClient, 'conversations'>;

/** Throws an AppError that says what is wrong and how to fix it, unless the bot can post there. */
export async function assertBotCanPost(
  client: ConversationsInfo,
  channelId: string,
  budgetMs = channelCheckBudgetMs,
): Promise<void> {
  let channel: { is_member?: boolean; is_archived?: boolean } | undefined;
  try {
    const info = await withinTime(client.conversations.info({ channel: channelId }), budgetMs, 'conversations.info');
    channel = info.channel;
  } catch (error) {
    const failure = error as { name?: string; code?: string; data?: { error?: string } };
    if (failure.code === ErrorCode.PlatformError) {
      throw new AppError('chat.channel_unusable', { channel: channelId, cause: failure.data?.error ?? 'refused' });
    }
    // Slow, unreachable or rate limited: nothing is known, so nothing is saved.
    throw new AppError('chat.channel_check_slow', { channel: channelId });
  }
  const cause = channel?.is_archived ? 'is_archived' : channel?.is_member ? undefined : 'not_in_channel';
  if (cause) throw new AppError('chat.channel_unusable', { channel: channelId, cause });
}

/** The check from outside a Slack request (the CLI), with the workspace's bot token. */
export async function assertBotCanPostWithToken(
  options: { token: string | undefined; channelId: string; slackApiUrl?: string },
  budgetMs = channelCheckBudgetMs * 4,
): Promise<void> {
  if (!options.token) throw new AppError('chat.channel_check_unavailable', {});
  const client = new WebClient(options.token, {
    slackApiUrl: options.slackApiUrl ?? defaultSlackApiUrl,
    fetch: slackFetch,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: budgetMs,
  });
  await assertBotCanPost(client, options.channelId, budgetMs);
}
