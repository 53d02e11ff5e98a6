// Builds the Bot Framework activities Microsoft Teams POSTs to a bot's messaging endpoint, shaped
// like captured Teams traffic (not an SDK's test adapter): messages in a personal chat or a
// channel (with the <at>Sesame</at> mention and the text/html copy Teams adds to every message),
// Adaptive Card Action.Execute invokes, task module fetch/submit, and the bot added to a team.
// `sendActivity` POSTs one as JSON, with the Authorization header a test chooses (see
// FakeTeams.channelToken for a valid or forged one, or none when authentication is off).
import { randomInt, randomUUID } from 'node:crypto';

export const TEAMS_BOT = { id: '28:bot-id', name: 'Sesame' };

export interface TeamsFrom {
  id: string;
  aadObjectId: string;
  name: string;
}

export interface TeamsConversation {
  /** Personal: 'a:1...'; channel: '19:...@thread.tacv2' (a reply chain adds ';messageid=...'). */
  id: string;
  conversationType: 'personal' | 'channel';
  tenantId: string;
  /** Channel conversations: defaults to { id: the channel's id (its General channel), name: 'Team' }. */
  team?: { id: string; name?: string; aadGroupId?: string };
}

export interface TeamsRequestBase {
  user: TeamsFrom;
  conversation: TeamsConversation;
  serviceUrl: string;
  /** Default 'en-US'. */
  locale?: string;
  /** Merged over the channelData Teams would send. */
  channelData?: Record<string, unknown>;
  /** The card's message id, for invokes from a card. */
  replyToId?: string;
}

export type TeamsActivityJson = Record<string, unknown> & { type: string; id: string };

export interface TeamsResponse {
  status: number;
  /** Parsed when the answer is JSON, else undefined. */
  json: unknown;
  text: string;
}

let lastMessageId = Date.now();
const messageId = () => String(++lastMessageId);
const invokeId = () => `f:${randomInt(1e9, 1e10)}${randomInt(1e9, 1e10)}`;
const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function channelOf(conversation: TeamsConversation) {
  const channelId = conversation.id.split(';')[0] ?? conversation.id;
  const { id = channelId, name = 'Team', aadGroupId = randomUUID() } = conversation.team ?? {};
  return { channelId, team: { id, name, aadGroupId } };
}

function base(kind: string, id: string, input: TeamsRequestBase): TeamsActivityJson {
  const { user, conversation, serviceUrl, locale = 'en-US', replyToId } = input;
  const { conversationType, tenantId } = conversation;
  const timezone = locale.startsWith('fr') ? 'Europe/Paris' : 'America/New_York';
  const channelData: Record<string, unknown> = { tenant: { id: tenantId } };
  if (conversationType === 'channel') {
    const { channelId, team } = channelOf(conversation);
    Object.assign(channelData, { teamsChannelId: channelId, teamsTeamId: team.id, channel: { id: channelId } });
    channelData.team = { id: team.id };
  }
  const timestamp = new Date().toISOString();
  return {
    type: kind,
    id,
    timestamp,
    localTimestamp: timestamp.replace('Z', '+00:00'),
    channelId: 'msteams',
    serviceUrl,
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    conversation: {
      ...(conversationType === 'channel' ? { isGroup: true } : {}),
      conversationType,
      tenantId,
      id: conversation.id,
    },
    recipient: { ...TEAMS_BOT },
    entities: [{ type: 'clientInfo', locale, country: locale.split('-')[1] ?? 'US', platform: 'Web', timezone }],
    channelData: { ...channelData, ...input.channelData },
    locale,
    localTimezone: timezone,
    ...(replyToId ? { replyToId } : {}),
  };
}

/** A user's message. In a channel, Teams only delivers @mentions: the text starts with '<at>Sesame</at> '. */
export function messageActivity(
  input: TeamsRequestBase & { text: string; attachments?: unknown[] },
): TeamsActivityJson {
  const activity = base('message', messageId(), input);
  const mention = `<at>${TEAMS_BOT.name}</at>`;
  const inChannel = input.conversation.conversationType === 'channel';
  const text = inChannel ? `${mention} ${input.text}` : input.text;
  const html = inChannel
    ? `<p><span itemscope="" itemtype="http://schema.skype.com/Mention" itemid="0">${TEAMS_BOT.name}</span>&nbsp;${escapeHtml(input.text)}</p>`
    : `<p>${escapeHtml(input.text)}</p>`;
  if (inChannel) {
    const entities = activity.entities as unknown[];
    activity.entities = [{ type: 'mention', mentioned: { ...TEAMS_BOT }, text: mention }, ...entities];
  }
  const attachments = [...(input.attachments ?? []), { contentType: 'text/html', content: html }];
  return { ...activity, text, textFormat: 'plain', attachments };
}

/** The attachment Teams sends for a file shared in a personal chat; `file` is FakeTeams.addFile()'s answer. */
export function fileAttachment(name: string, file: { downloadUrl: string; uniqueId: string; fileType: string }) {
  const contentUrl = `https://contoso-my.sharepoint.com/personal/user/Documents/Microsoft%20Teams%20Chat%20Files/${encodeURIComponent(name)}`;
  return { contentType: 'application/vnd.microsoft.teams.file.download.info', contentUrl, name, content: file };
}

/** An Adaptive Card Action.Execute (Universal Actions); the bot answers in the HTTP response. */
export function adaptiveCardActionInvoke(
  input: TeamsRequestBase & { verb: string; data?: Record<string, unknown>; title?: string },
): TeamsActivityJson {
  const activity = base('invoke', invokeId(), input);
  const action = {
    type: 'Action.Execute',
    title: input.title ?? input.verb,
    id: invokeId(),
    verb: input.verb,
    data: input.data ?? {},
  };
  const channelData = { ...(activity.channelData as object), source: { name: 'message' } };
  return { ...activity, name: 'adaptiveCard/action', value: { action, trigger: 'manual' }, channelData };
}

/** Opening a task module (dialog) from a card's Action.Submit with data.msteams.type 'task/fetch'. */
export function taskFetchInvoke(input: TeamsRequestBase & { data: Record<string, unknown> }): TeamsActivityJson {
  const activity = base('invoke', invokeId(), input);
  return { ...activity, name: 'task/fetch', value: { data: input.data, context: { theme: 'default' } } };
}

/** Submitting a task module's Adaptive Card: `data` is the card's inputs merged with the action's data. */
export function taskSubmitInvoke(input: TeamsRequestBase & { data: Record<string, unknown> }): TeamsActivityJson {
  const activity = base('invoke', invokeId(), input);
  return { ...activity, name: 'task/submit', value: { data: input.data, context: { theme: 'default' } } };
}

/** The bot added to a team (in its General channel; channelData.eventType 'teamMemberAdded') or installed
 * in a personal scope (a personal conversation); `user` is who added it. */
export function conversationUpdate(
  input: TeamsRequestBase & { membersAdded?: { id: string }[]; channel?: { id: string; name?: string } },
): TeamsActivityJson {
  const activity = base('conversationUpdate', invokeId(), input);
  const { channelId, team } = channelOf(input.conversation);
  const inTeam = input.conversation.conversationType === 'channel' && {
    team,
    channel: input.channel ?? { id: channelId, name: 'General' },
    eventType: 'teamMemberAdded',
  };
  const channelData = { tenant: { id: input.conversation.tenantId }, ...inTeam, ...input.channelData };
  const membersAdded = input.membersAdded ?? [{ id: TEAMS_BOT.id }];
  // Teams sends no clientInfo, locale or reply id with it.
  const { entities: _entities, locale: _locale, localTimezone: _zone, replyToId: _reply, ...rest } = activity;
  return { ...rest, membersAdded, channelData };
}

/** POSTs the activity as Teams does. `authorization` is the whole header ('Bearer <jwt>'); omitted if undefined. */
export async function sendActivity(
  endpoint: string,
  activity: Record<string, unknown>,
  options: { authorization?: string } = {},
): Promise<TeamsResponse> {
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'user-agent': 'Microsoft-SkypeBotApi (Microsoft-BotFramework 3.0)',
  };
  if (options.authorization !== undefined) headers.authorization = options.authorization;
  const response = await fetch(endpoint, { method: 'POST', headers, body: JSON.stringify(activity) });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text };
}
