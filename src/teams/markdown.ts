// The shared chat texts are written in Slack's mrkdwn; Adaptive Cards and Teams messages use a
// subset of Markdown where *x* is italics and **x** bold. French spacing is set on the way (see
// typeset.ts).
import { typesetText } from './typeset.js';

export const toTeamsMarkdown = (text: string) =>
  typesetText(text.replace(/(^|[\s(])\*([^*\n]+)\*(?=[\s.,:;!?)]|$)/g, '$1**$2**').replace(/<#([A-Z0-9]+)>/g, '$1'));

/**
 * What a person typed (a deny reason, a name, an organization's name), shown in Teams Markdown as
 * typed: a backslash before each sign that Markdown reads (CommonMark escapes), so that
 * [label](http://x) is no link, **x** no bold and <at> no mention. Applied to the values before
 * they go into a text; toTeamsMarkdown leaves escaped signs alone.
 */
export const escapeTeamsMarkdown = (text: string) => text.replace(/[\\`*_~[\]<>#|]/g, '\\$&');
