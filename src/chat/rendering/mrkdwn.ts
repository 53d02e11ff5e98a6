// The chat texts are written in Slack's mrkdwn (Teams converts them): what a user typed, or any
// other data, is escaped before it goes in, so that it is shown and never read as markup.
export const escapeMrkdwn = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
