// The shared chat texts are written in Slack's mrkdwn; Adaptive Cards and Teams messages use a
// subset of Markdown where *x* is italics and **x** bold. French spacing is set on the way (see
// typeset.ts).
import { typesetText } from './typeset.js';

export const toTeamsMarkdown = (text: string) =>
  typesetText(text.replace(/(^|[\s(])\*([^*\n]+)\*(?=[\s.,:;!?)]|$)/g, '$1**$2**').replace(/<#([A-Z0-9]+)>/g, '$1'));
