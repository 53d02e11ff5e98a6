// What the notification job says of its own (not a domain event's words): the owners' alert when
// the managers' channel refuses posts. Slack mrkdwn; Teams converts it.
import type { OutcomeCounts } from '../notifications/notification.js';
import type { Locale } from './locale.js';
import { outcomeParts } from './outcome-words.js';

/** A summary's figures: each outcome's count, the first addresses (escaped), and how many more. */
export interface OutcomeSummary {
  counts: OutcomeCounts;
  total: number;
  shownEmails: string[];
  more: number;
  /** Where the pending list is (Slack: `/invite pending`; Teams: `pending`). */
  pendingCommand: string;
}

const en = {
  /** `channel`: how the platform shows the channel (Slack: <#C123>; Teams: '', it has no mention of it); `cause`: the platform's error code. */
  managersChannelUnreachable: (channel: string, cause: string, fix: string) =>
    `⚠️ Sesame cannot post in the managers' channel${channel && ` ${channel}`} (${cause}). Seat requests now go to each manager and owner in a direct message. To fix it: ${fix}`,
  slackChannelFix:
    'invite the bot to that channel (type `/invite @Sesame` in it), or choose another channel with `/invite settings`.',
  teamsChannelFix: 'add Sesame to that team again, or mention @Sesame with `settings` in another channel.',
  outcomeSummary: ({ counts: c, total, shownEmails, more, pendingCommand }: OutcomeSummary) =>
    `📬 ${total} update${total > 1 ? 's' : ''} on your invitations: ${outcomeParts('en', c).join(', ')}.\n${shownEmails.join(', ')}${more > 0 ? ` and ${more} more` : ''}.\nSee who has not answered yet with \`${pendingCommand}\`.`,
};

const fr: typeof en = {
  managersChannelUnreachable: (channel, cause, fix) =>
    `⚠️ Sesame ne peut pas publier dans le canal des responsables${channel && ` ${channel}`} (${cause}). Les demandes de places sont désormais envoyées en message direct à chaque responsable et propriétaire. Pour corriger\u00a0: ${fix}`,
  slackChannelFix:
    'invitez le bot dans ce canal (tapez `/invite @Sesame` dans le canal), ou choisissez-en un autre avec `/invite settings`.',
  teamsChannelFix:
    'ajoutez de nouveau Sesame à cette équipe, ou mentionnez @Sesame avec `settings` dans un autre canal.',
  outcomeSummary: ({ counts: c, total, shownEmails, more, pendingCommand }) => {
    const plural = (n: number) => (n > 1 ? 's' : '');
    return `📬 ${total} nouvelle${plural(total)} de vos invitations\u00a0: ${outcomeParts('fr', c).join(', ')}.\n${shownEmails.join(', ')}${more > 0 ? ` et ${more} autre${plural(more)}` : ''}.\nVoyez qui n'a pas encore répondu avec \`${pendingCommand}\`.`;
  },
};

export type NotificationTexts = typeof en;
export const notificationTexts = (locale: Locale): NotificationTexts => (locale === 'fr' ? fr : en);
