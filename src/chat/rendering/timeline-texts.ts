// An invitation's story in words, in English and French: its heading, one line per step, the
// address's other invitations. Shared by Slack (mrkdwn), Teams (its Markdown) and the CLI (plain
// text): each passes its markup, whose `escape` shows what people and SendGrid wrote as typed.
import { formatDateTime } from '../../email/format-date.js';
import type { Locale } from '../../i18n/locale.js';
import { statusLabel } from '../../invitations/find-invitation.js';
import type { InvitationStory, InvitationTimeline } from '../../invitations/invitation-timeline.js';
import type { EmailReason, StepActor, TimelineStep } from '../../invitations/timeline-steps.js';

export interface TimelineMarkup {
  escape(text: string): string;
  bold(text: string): string;
  code(text: string): string;
}

/** What one value (a reason, an address, a host) may take of a chat line, so that lines stay short. */
const CHAT_VALUE_CHARS = 160;
const clipValue = (text: string) => (text.length > CHAT_VALUE_CHARS ? `${text.slice(0, CHAT_VALUE_CHARS - 1)}…` : text);

/**
 * Slack's mrkdwn; Teams converts *bold* to its own (src/teams/markdown.ts). Values are clipped,
 * then escaped; `codeText` readies what goes between backquotes (ids, commands, event names),
 * where Teams shows escapes as typed.
 */
export const starMarkup = (
  escapeText: (text: string) => string,
  codeText: (text: string) => string,
): TimelineMarkup => ({
  escape: (text) => escapeText(clipValue(text)),
  bold: (text) => `*${text}*`,
  code: (text) => `\`${codeText(text.replace(/`/g, "'"))}\``,
});

/** Where the command that shows one invitation is typed: it names the others' hint. */
export type TimelineChannel = 'cli' | 'slack' | 'teams';

/**
 * A chat message stays readable, and within Slack's and Teams' sizes (a Teams card under 28 KB),
 * with this many steps of clipped values.
 */
export const CHAT_TIMELINE_STEPS = 30;
/** The other invitations named one by one; beyond, only counted. */
const OTHERS_LISTED = 5;

const channelNames: Record<Locale, Record<string, string>> = {
  en: { cli: 'CLI', slack: 'Slack', teams: 'Teams', web: 'web page' },
  fr: { cli: 'CLI', slack: 'Slack', teams: 'Teams', web: 'page web' },
};

const showCommand: Record<TimelineChannel, string> = {
  cli: 'sesame status <id>',
  slack: '/invite status <id>',
  teams: 'status <id>',
};

type Words = {
  heading: (email: string, status: string) => string;
  expires: (date: string) => string;
  by: (who: string) => string;
  automatically: string;
  created: (by: string, imported: boolean) => string;
  held: (resumed: boolean) => string;
  approved: (by: string) => string;
  denied: (by: string, reason: string | null) => string;
  /** What an e-mail carried. */
  mail: Record<EmailReason, string>;
  emailed: (what: string) => string;
  queued: (what: string, attempts: number) => string;
  delivered: string;
  bounced: (reason: string | null) => string;
  dropped: (reason: string | null) => string;
  undeliverable: (reason: string | null) => string;
  reminded: (by: string | null) => string;
  resent: (by: string) => string;
  /** "in bulk by …": a bulk action's step (`others`: how many more it took; null: not told). */
  inBulk: (by: string, others: number | null) => string;
  accepted: (by: string) => string;
  expired: string;
  revoked: (by: string) => string;
  cancelled: (addedDirectly: boolean, reason: string | null) => string;
  webhook: (
    event: string,
    endpoint: string | null,
    state: 'delivered' | 'pending' | 'failed',
    attempts: number,
  ) => string;
  other: (action: string, by: string, detail: string) => string;
  others: (count: number) => string;
  otherItem: (status: string, date: string, id: string) => string;
  moreOthers: (count: number) => string;
  /** `command` shows them all (the CLI's --all) or one (chat). */
  othersHint: (command: string, all: boolean) => string;
  moreSteps: (count: number, command: string) => string;
};

const withReason = (text: string, reason: string | null, colon: string) => (reason ? `${text}${colon}${reason}` : text);

const en: Words = {
  heading: (email, status) => `Invitation to ${email}: ${status}`,
  expires: (date) => `expires ${date}`,
  by: (who) => `by ${who}`,
  automatically: 'automatically',
  created: (by, imported) => `Invited ${by}${imported ? ', in an import' : ''}`,
  held: (resumed) =>
    resumed
      ? 'Held again for approval: its company is covered again, and no external seat was free'
      : 'Held for approval: no seat was free',
  approved: (by) => `Seats approved ${by}: the invitation leaves`,
  denied: (by, reason) => withReason(`Seats denied ${by}`, reason, ': '),
  mail: { invite: 'the invitation', reminder: 'a reminder', resend: 'the invitation again, with a new link' },
  emailed: (what) => `E-mailed: ${what}`,
  queued: (what, attempts) =>
    `Waiting to be e-mailed: ${what}${attempts > 0 ? ` (${attempts} attempt${attempts === 1 ? '' : 's'} so far)` : ''}`,
  delivered: 'Delivered to the mailbox (SendGrid)',
  bounced: (reason) => withReason('Bounced: the mail server refused it (SendGrid)', reason, ': '),
  dropped: (reason) => withReason('Dropped by SendGrid', reason, ': '),
  undeliverable: (reason) => withReason('E-mail given up after its retries', reason, ': '),
  reminded: (by) => (by ? `Reminder asked ${by}` : 'Reminder, on schedule'),
  resent: (by) => `Resent ${by}, with a new link and a renewed lifetime`,
  inBulk: (by, others) => `in bulk ${by}${others ? ` (with ${others} other${others === 1 ? '' : 's'})` : ''}`,
  accepted: (by) => `Accepted ${by}: a member now`,
  expired: 'Expired: its link no longer works',
  revoked: (by) => `Revoked ${by}`,
  cancelled: (addedDirectly, reason) =>
    addedDirectly ? 'Cancelled: the person was added directly as a member' : withReason('Cancelled', reason, ': '),
  webhook: (event, endpoint, state, attempts) => {
    const to = endpoint ?? 'a removed endpoint';
    if (state === 'delivered')
      return `Webhook ${event} delivered to ${to}${attempts > 1 ? ` (at attempt ${attempts})` : ''}`;
    if (state === 'failed') return `Webhook ${event} to ${to} given up after ${attempts} attempts`;
    return `Webhook ${event} to ${to} waiting${attempts > 0 ? ` (${attempts} attempts so far)` : ''}`;
  },
  other: (action, by, detail) => `${action} ${by}${detail ? `: ${detail}` : ''}`,
  others: (count) => `${count} other invitation${count === 1 ? '' : 's'} to this address:`,
  otherItem: (status, date, id) => `${status}, invited ${date} (${id})`,
  moreOthers: (count) => `and ${count} more`,
  othersHint: (command, all) => `${command} shows ${all ? 'them all' : 'one'}.`,
  moreSteps: (count, command) => `… and ${count} more step${count === 1 ? '' : 's'}: ${command} shows them all.`,
};

const fr: Words = {
  heading: (email, status) => `Invitation à ${email} : ${status}`,
  expires: (date) => `expire le ${date}`,
  by: (who) => `par ${who}`,
  automatically: 'automatiquement',
  created: (by, imported) => `Invitée ${by}${imported ? ', dans un import' : ''}`,
  held: (resumed) =>
    resumed
      ? 'Retenue de nouveau pour approbation : sa société est de nouveau couverte, et aucune place externe n’était libre'
      : 'Retenue pour approbation : aucune place n’était libre',
  approved: (by) => `Places approuvées ${by} : l’invitation part`,
  denied: (by, reason) => withReason(`Places refusées ${by}`, reason, ' : '),
  mail: { invite: 'l’invitation', reminder: 'un rappel', resend: 'l’invitation de nouveau, avec un nouveau lien' },
  emailed: (what) => `Envoyée par e-mail : ${what}`,
  queued: (what, attempts) =>
    `En attente d’envoi : ${what}${attempts > 0 ? ` (${attempts} tentative${attempts <= 1 ? '' : 's'} jusqu’ici)` : ''}`,
  delivered: 'Remise dans la boîte de réception (SendGrid)',
  bounced: (reason) => withReason('Rejetée : le serveur de messagerie l’a refusée (SendGrid)', reason, ' : '),
  dropped: (reason) => withReason('Abandonnée par SendGrid', reason, ' : '),
  undeliverable: (reason) => withReason('E-mail abandonné après ses tentatives', reason, ' : '),
  reminded: (by) => (by ? `Rappel demandé ${by}` : 'Rappel, au calendrier prévu'),
  resent: (by) => `Renvoyée ${by}, avec un nouveau lien et une durée de vie renouvelée`,
  inBulk: (by, others) => `en masse ${by}${others ? ` (avec ${others} autre${others === 1 ? '' : 's'})` : ''}`,
  accepted: (by) => `Acceptée ${by} : membre désormais`,
  expired: 'Expirée : son lien ne fonctionne plus',
  revoked: (by) => `Révoquée ${by}`,
  cancelled: (addedDirectly, reason) =>
    addedDirectly
      ? 'Annulée : la personne a été ajoutée directement comme membre'
      : withReason('Annulée', reason, ' : '),
  webhook: (event, endpoint, state, attempts) => {
    const to = endpoint ?? 'un point de terminaison supprimé';
    if (state === 'delivered')
      return `Webhook ${event} remis à ${to}${attempts > 1 ? ` (à la tentative ${attempts})` : ''}`;
    if (state === 'failed') return `Webhook ${event} vers ${to} abandonné après ${attempts} tentatives`;
    return `Webhook ${event} vers ${to} en attente${attempts > 0 ? ` (${attempts} tentatives jusqu’ici)` : ''}`;
  },
  other: (action, by, detail) => `${action} ${by}${detail ? ` : ${detail}` : ''}`,
  others: (count) => `${count} autre${count <= 1 ? '' : 's'} invitation${count <= 1 ? '' : 's'} à cette adresse :`,
  otherItem: (status, date, id) => `${status}, invitée le ${date} (${id})`,
  moreOthers: (count) => `et ${count} de plus`,
  othersHint: (command, all) => `${command} ${all ? 'les montre toutes' : 'en montre une'}.`,
  moreSteps: (count, command) => `… et ${count} étape${count <= 1 ? '' : 's'} de plus : ${command} les montre toutes.`,
};

const words: Record<Locale, Words> = { en, fr };

/** "by ana@example.com (Slack)", or "automatically" for Sesame itself. */
function byWhom(by: StepActor | null, locale: Locale, m: TimelineMarkup): string {
  if (!by) return words[locale].automatically;
  const channel = by.channel ? (channelNames[locale][by.channel] ?? by.channel) : null;
  const who = m.escape(by.email ?? '?');
  return words[locale].by(channel ? `${who} (${m.escape(channel)})` : who);
}

/** What happened at one step, in one line. */
export function stepText(step: TimelineStep, locale: Locale, m: TimelineMarkup): string {
  const w = words[locale];
  const by = (actor: StepActor | null) => byWhom(actor, locale, m);
  const reason = (text: string | null) => (text ? m.escape(text) : null);
  switch (step.kind) {
    case 'created':
      return w.created(by(step.by), step.imported);
    case 'held':
      return w.held(step.resumed);
    case 'approved':
      return w.approved(by(step.by));
    case 'denied':
      return w.denied(by(step.by), reason(step.reason));
    case 'emailed':
      return step.state === 'sent' ? w.emailed(w.mail[step.reason]) : w.queued(w.mail[step.reason], step.attempts);
    case 'delivered':
      return w.delivered;
    case 'bounced':
      return w.bounced(reason(step.reason));
    case 'dropped':
      return w.dropped(reason(step.reason));
    case 'undeliverable':
      return w.undeliverable(reason(step.reason));
    case 'reminded':
      return w.reminded(step.by ? by(step.by) : null);
    case 'resent':
      return w.resent(step.bulk ? w.inBulk(by(step.by), step.bulk.others) : by(step.by));
    case 'accepted':
      return w.accepted(by(step.by));
    case 'expired':
      return w.expired;
    case 'revoked':
      return w.revoked(step.bulk ? w.inBulk(by(step.by), null) : by(step.by));
    case 'cancelled':
      return w.cancelled(step.addedDirectly, reason(step.reason));
    case 'webhook':
      return w.webhook(m.code(step.event), step.endpoint && m.escape(step.endpoint), step.state, step.attempts);
    case 'other':
      return w.other(m.code(step.action), by(step.by), m.escape(step.detail));
  }
}

/** When the step happened, in the organization's language. */
export const stepTime = (step: TimelineStep, locale: Locale): string => formatDateTime(step.at, locale);

/** "Invitation to ana@example.com: accepted · Partner Co · id `…`" (the status, and the expiry while open). */
export function storyHeading(story: InvitationStory, locale: Locale, m: TimelineMarkup): string {
  const { invitation } = story;
  const w = words[locale];
  const open = invitation.status === 'PENDING' || invitation.status === 'AWAITING_APPROVAL';
  return [
    m.bold(w.heading(m.escape(invitation.email), statusLabel(invitation.status, locale))),
    ...(invitation.companyName ? [m.escape(invitation.companyName)] : []),
    ...(open ? [w.expires(formatDateTime(invitation.expiresAt, locale))] : []),
    `id ${m.code(invitation.id)}`,
  ].join(' · ');
}

/** The address's other invitations, a few named (with how to show one), or undefined when none. */
export function othersText(
  timeline: InvitationTimeline,
  locale: Locale,
  m: TimelineMarkup,
  channel: TimelineChannel,
): string | undefined {
  const { others } = timeline;
  const shown = timeline.stories[0]?.invitation.id;
  if (others.length === 0 || !shown) return undefined;
  const w = words[locale];
  const named = others
    .slice(0, OTHERS_LISTED)
    .map((o) => w.otherItem(statusLabel(o.status, locale), formatDateTime(o.createdAt, locale), m.code(o.id)));
  if (others.length > OTHERS_LISTED) named.push(w.moreOthers(others.length - OTHERS_LISTED));
  // The CLI's --all, by the shown one's id: it tells every invitation of the same address.
  const all = channel === 'cli';
  const hint = w.othersHint(m.code(all ? `sesame status ${shown} --all` : showCommand[channel]), all);
  return `${w.others(others.length)} ${named.join('; ')}. ${hint}`;
}

/** The step lines a chat message shows (at most CHAT_TIMELINE_STEPS), then how many were left out. */
export function chatStepLines(
  story: InvitationStory,
  locale: Locale,
  m: TimelineMarkup,
): { lines: string[]; more?: string } {
  const lines = story.steps
    .slice(0, CHAT_TIMELINE_STEPS)
    .map((step) => `${m.bold(stepTime(step, locale))} · ${stepText(step, locale, m)}`);
  const left = story.steps.length - CHAT_TIMELINE_STEPS;
  return left > 0
    ? { lines, more: words[locale].moreSteps(left, m.code(`sesame status ${story.invitation.id}`)) }
    : { lines };
}
