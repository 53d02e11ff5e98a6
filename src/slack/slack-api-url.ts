// Slack's Web API base, unless SLACK_API_URL says otherwise (GovSlack, a local fake in tests).
export const defaultSlackApiUrl = 'https://slack.com/api/';

/**
 * Where installers approve the app: on the same host as the Web API (slack.com,
 * slack-gov.com for GovSlack, or the local fake).
 */
export const slackAuthorizeUrl = (apiUrl: string): string => new URL('/oauth/v2/authorize', apiUrl).toString();
