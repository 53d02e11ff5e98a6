// The middleware every Teams SDK HTTP client of Sesame runs (createSdkApp gives it to the App's
// client; the SDK's clones, per serviceUrl and per turn, keep it): counts each Bot Connector call
// by operation and HTTP status, 429s included, when metrics are on (src/metrics), as Slack's
// calls are counted (src/slack/counted-fetch.ts).
import type { Middleware } from '@microsoft/teams.common';
import { metricsRecording, recordChatApiCall } from '../metrics/record.js';

// The Bot Connector's REST operations Sesame may call, by HTTP method and the end of the path
// (a serviceUrl may carry a path of its own: https://smba.trafficmanager.net/emea/).
const operations: [method: string, path: RegExp, name: string][] = [
  ['POST', /\/v3\/conversations$/, 'conversations.create'],
  ['POST', /\/v3\/conversations\/[^/]+\/activities$/, 'activities.send'],
  ['POST', /\/v3\/conversations\/[^/]+\/activities\/[^/]+$/, 'activities.reply'],
  ['PUT', /\/v3\/conversations\/[^/]+\/activities\/[^/]+$/, 'activities.update'],
  ['DELETE', /\/v3\/conversations\/[^/]+\/activities\/[^/]+$/, 'activities.delete'],
  ['GET', /\/v3\/conversations\/[^/]+\/members\/[^/]+$/, 'members.get'],
  ['GET', /\/v3\/conversations\/[^/]+\/members$/, 'members.list'],
  ['GET', /\/v3\/conversations\/[^/]+\/pagedmembers$/, 'members.listPaged'],
];

/** 'activities.update' for PUT …/v3/conversations/<id>/activities/<id>; anything else is 'other' (labels stay few). */
export function teamsOperationName(method: string, url: URL): string {
  const verb = method.toUpperCase();
  return operations.find(([m, path]) => m === verb && path.test(url.pathname))?.[2] ?? 'other';
}

export const countedTeamsCalls: Middleware = {
  async invoke(context, next) {
    if (!metricsRecording()) return next();
    const { method = 'GET', url = '', baseURL } = context.config;
    const operation = teamsOperationName(method, new URL(url, baseURL ?? 'http://relative.invalid'));
    try {
      const response = await next();
      recordChatApiCall('teams', operation, (response as { status: number }).status);
      return response;
    } catch (error) {
      // The SDK's HTTP client (axios) throws on any status >= 400, with the answer attached.
      const status = (error as { response?: { status?: unknown } }).response?.status;
      recordChatApiCall('teams', operation, typeof status === 'number' ? status : 'error');
      throw error;
    }
  },
};
