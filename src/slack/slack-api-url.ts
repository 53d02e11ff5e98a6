// Slack's Web API base, unless SLACK_API_URL says otherwise (GovSlack, a local fake in tests).
export const defaultSlackApiUrl = 'https://slack.com/api/';
