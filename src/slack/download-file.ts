// Fetches a file uploaded through a modal's file_input. The bot token goes only to Slack's own
// hosts (or to the configured SLACK_API_URL's host: GovSlack, tests), whatever URL a payload holds.
import { AppError } from '../errors/app-error.js';
import { readUpload } from '../imports/read-upload.js';
import { MAX_DRAFT_BYTES, tooLarge } from '../imports/save-import-draft.js';
import { chatCallTimeoutMs } from '../notifications/time-limit.js';
import type { SlackFile } from './view-state.js';

export async function downloadSlackFile(file: SlackFile, token: string, slackApiUrl: string): Promise<Buffer> {
  const url = file.url_private_download ?? file.url_private;
  if (!url || !isSlackHost(new URL(url), new URL(slackApiUrl))) {
    throw new AppError('import.unreadable', { reason: 'the file is not on Slack' }, 'invalid');
  }
  if (file.size !== undefined && file.size > MAX_DRAFT_BYTES) throw tooLarge();
  // The time limit covers the body too: a Slack that stops sending must not hold the import's view.
  const signal = AbortSignal.timeout(chatCallTimeoutMs);
  try {
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, redirect: 'error', signal });
    if (!res.ok) {
      throw new AppError('import.unreadable', {
        reason: `Slack answered ${res.status} for the file (files:read scope?)`,
      });
    }
    return await readUpload(res);
  } catch (error) {
    if (!signal.aborted) throw error;
    throw new AppError('chat.slack_file_slow', { seconds: chatCallTimeoutMs / 1000 }, 'refused');
  }
}

function isSlackHost(url: URL, api: URL): boolean {
  if (url.origin === api.origin) return true;
  if (url.protocol !== 'https:') return false;
  return ['slack.com', 'slack-gov.com', 'slack-edge.com'].some(
    (d) => url.hostname === d || url.hostname.endsWith(`.${d}`),
  );
}
