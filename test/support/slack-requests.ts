// Sends requests to the app's Slack endpoint exactly as Slack does: slash commands and
// interactions as application/x-www-form-urlencoded (no charset), events as JSON, each signed
// with X-Slack-Signature / X-Slack-Request-Timestamp over the exact raw body. Tests can send a
// stale timestamp, a wrong or missing signature, or a retry (X-Slack-Retry-Num). The payload
// builders produce block_actions / view_submission bodies shaped like Slack's real ones.
import { createHmac, randomBytes, randomInt } from 'node:crypto';

export function slackSignature(signingSecret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

export interface SlackPost {
  status: number;
  text: string;
  /** Parsed when the answer is JSON, else undefined. */
  json: unknown;
}

export interface SendOptions {
  /** Unix seconds; default now. */
  timestamp?: number;
  /** Overrides the computed signature; null omits both signing headers. */
  signature?: string | null;
  /** Sets X-Slack-Retry-Num and X-Slack-Retry-Reason: http_timeout. */
  retryNum?: number;
}

const DUMMY_TOKEN = 'verification-token-unused';
const APP_ID = 'A0SESAME';

async function post(
  endpoint: string,
  signingSecret: string,
  contentType: string,
  body: string,
  options: SendOptions,
): Promise<SlackPost> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': contentType,
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
  };
  if (options.signature !== null) {
    headers['x-slack-request-timestamp'] = String(timestamp);
    headers['x-slack-signature'] = options.signature ?? slackSignature(signingSecret, timestamp, body);
  }
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  const response = await fetch(endpoint, { method: 'POST', headers, body });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

const randomTriggerId = () => `${randomInt(1e12, 1e13)}.${randomInt(1e12, 1e13)}.${randomBytes(16).toString('hex')}`;
const nowTs = () => (Date.now() / 1000).toFixed(6);
const teamDomain = (teamId: string) => `team-${teamId.toLowerCase()}`;

/** POST `${endpoint}` with a slash command body, content-type exactly 'application/x-www-form-urlencoded' (no charset!). */
export async function sendSlashCommand(
  endpoint: string,
  signingSecret: string,
  command: {
    text: string;
    userId: string;
    teamId: string;
    command?: string;
    channelId?: string;
    triggerId?: string;
    responseUrl: string;
    userName?: string;
  },
  options: SendOptions = {},
): Promise<SlackPost> {
  const body = new URLSearchParams({
    token: DUMMY_TOKEN,
    team_id: command.teamId,
    team_domain: teamDomain(command.teamId),
    channel_id: command.channelId ?? 'C0GENERAL',
    channel_name: 'general',
    user_id: command.userId,
    user_name: command.userName ?? command.userId.toLowerCase(),
    command: command.command ?? '/invite',
    text: command.text,
    api_app_id: APP_ID,
    is_enterprise_install: 'false',
    response_url: command.responseUrl,
    trigger_id: command.triggerId ?? randomTriggerId(),
  });
  return post(endpoint, signingSecret, 'application/x-www-form-urlencoded', body.toString(), options);
}

/** An interaction (block_actions, view_submission, view_closed, shortcut): form body `payload=<JSON>` */
export async function sendInteraction(
  endpoint: string,
  signingSecret: string,
  payload: Record<string, unknown>,
  options: SendOptions = {},
): Promise<SlackPost> {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return post(endpoint, signingSecret, 'application/x-www-form-urlencoded', body, options);
}

/** An Events API callback: JSON body (content-type application/json) */
export async function sendEvent(
  endpoint: string,
  signingSecret: string,
  body: Record<string, unknown>,
  options: SendOptions = {},
): Promise<SlackPost> {
  return post(endpoint, signingSecret, 'application/json', JSON.stringify(body), options);
}

const userOf = (userId: string, teamId: string) => ({
  id: userId,
  username: userId.toLowerCase(),
  name: userId.toLowerCase(),
  team_id: teamId,
});

export function blockActionPayload(p: {
  userId: string;
  teamId: string;
  actionId: string;
  value?: string;
  blockId?: string;
  responseUrl?: string;
  triggerId?: string;
  channelId?: string;
  messageTs?: string;
  view?: Record<string, unknown>;
  selectedOption?: { value: string };
}): Record<string, unknown> {
  const action = p.selectedOption
    ? {
        action_id: p.actionId,
        block_id: p.blockId ?? 'actions',
        type: 'static_select',
        selected_option: { text: { type: 'plain_text', text: p.selectedOption.value }, value: p.selectedOption.value },
        action_ts: nowTs(),
      }
    : { action_id: p.actionId, block_id: p.blockId ?? 'actions', value: p.value, type: 'button', action_ts: nowTs() };
  const common = {
    type: 'block_actions',
    user: userOf(p.userId, p.teamId),
    api_app_id: APP_ID,
    token: DUMMY_TOKEN,
    trigger_id: p.triggerId ?? randomTriggerId(),
    team: { id: p.teamId, domain: teamDomain(p.teamId) },
    enterprise: null,
    is_enterprise_install: false,
    ...(p.responseUrl ? { response_url: p.responseUrl } : {}),
  };
  if (p.view) {
    const viewId = typeof p.view.id === 'string' ? p.view.id : `V${randomBytes(5).toString('hex').toUpperCase()}`;
    return {
      ...common,
      container: { type: 'view', view_id: viewId },
      view: { id: viewId, team_id: p.teamId, type: 'modal', state: { values: {} }, ...p.view },
      actions: [action],
    };
  }
  const messageTs = p.messageTs ?? nowTs();
  const channelId = p.channelId ?? 'C0GENERAL';
  return {
    ...common,
    container: { type: 'message', message_ts: messageTs, channel_id: channelId, is_ephemeral: false },
    channel: { id: channelId, name: channelId.startsWith('D') ? 'directmessage' : 'general' },
    message: { type: 'message', ts: messageTs, text: '', blocks: [] },
    state: { values: {} },
    actions: [action],
  };
}

export function viewSubmissionPayload(p: {
  userId: string;
  teamId: string;
  callbackId: string;
  values: Record<string, Record<string, unknown>>;
  privateMetadata?: string;
  viewId?: string;
  triggerId?: string;
}): Record<string, unknown> {
  const viewId = p.viewId ?? `V${randomBytes(5).toString('hex').toUpperCase()}`;
  return {
    type: 'view_submission',
    team: { id: p.teamId, domain: teamDomain(p.teamId) },
    user: userOf(p.userId, p.teamId),
    api_app_id: APP_ID,
    token: DUMMY_TOKEN,
    trigger_id: p.triggerId ?? randomTriggerId(),
    view: {
      id: viewId,
      team_id: p.teamId,
      type: 'modal',
      callback_id: p.callbackId,
      private_metadata: p.privateMetadata ?? '',
      state: { values: p.values },
      hash: `${Math.floor(Date.now() / 1000)}.${randomBytes(4).toString('hex')}`,
      title: { type: 'plain_text', text: 'Sesame', emoji: true },
      blocks: [],
      root_view_id: viewId,
      previous_view_id: null,
      app_id: APP_ID,
      external_id: '',
      clear_on_close: false,
      notify_on_close: false,
      bot_id: 'BTEST',
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}
