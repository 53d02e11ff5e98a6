// The fetch every Slack Web API client of Sesame uses (WebClient's `fetch` option): counts each
// call by method and HTTP status, 429s included, when metrics are on (src/metrics).
import { countedFetch } from '../metrics/counted-fetch.js';

/** 'chat.postMessage' from https://slack.com/api/chat.postMessage; anything else is 'other' (labels stay few). */
export function slackMethodName(url: URL): string {
  const method = url.pathname.split('/').pop() ?? '';
  return /^[a-z]+(\.[A-Za-z]+)+$/.test(method) ? method : 'other';
}

export const slackFetch = countedFetch('slack', slackMethodName);
