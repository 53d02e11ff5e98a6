// What the notification job says of its own (not a domain event's words): the owners' alert when
// the managers' channel refuses posts. Slack mrkdwn; Teams converts it.
import type { Locale } from './locale.js';

const en = {
  /** `channel`: how the platform shows the channel (Slack: <#C123>; Teams: '', it has no mention of it); `cause`: the platform's error code. */
  managersChannelUnreachable: (channel: string, cause: string, fix: string) =>
    `⚠️ Sesame cannot post in the managers' channel${channel && ` ${channel}`} (${cause}). Seat requests now go to each manager and owner in a direct message. To fix it: ${fix}`,
  slackChannelFix:
    'invite the bot to that channel (type `/invite @Sesame` in it), or choose another channel with `/invite settings`.',
  teamsChannelFix: 'add Sesame to that team again, or mention @Sesame with `settings` in another channel.',
};

const fr: typeof en = {
  managersChannelUnreachable: (channel, cause, fix) =>
    `⚠️ Sesame ne peut pas publier dans le canal des responsables${channel && ` ${channel}`} (${cause}). Les demandes de places sont désormais envoyées en message direct à chaque responsable et propriétaire. Pour corriger\u00a0: ${fix}`,
  slackChannelFix:
    'invitez le bot dans ce canal (tapez `/invite @Sesame` dans le canal), ou choisissez-en un autre avec `/invite settings`.',
  teamsChannelFix:
    'ajoutez de nouveau Sesame à cette équipe, ou mentionnez @Sesame avec `settings` dans un autre canal.',
};

export type NotificationTexts = typeof en;
export const notificationTexts = (locale: Locale): NotificationTexts => (locale === 'fr' ? fr : en);
