// The shared chat texts are written in Slack's mrkdwn; Adaptive Cards and Teams messages use a
// subset of Markdown where *x* is italics and **x** bold.
export const toTeamsMarkdown = (text: string) =>
  text.replace(/(^|[\s(])\*([^*\n]+)\*(?=[\s.,:;!?)]|$)/g, '$1**$2**').replace(/<#([A-Z0-9]+)>/g, '$1');
