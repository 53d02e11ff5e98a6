// The managers' channel digest in words, in English and French: its heading, one line per item,
// its buttons and what they answer. Shared by Slack (mrkdwn), Teams (its Markdown) and the CLI
// (plain text): each passes its `escape`, so the organization's name and addresses show as typed.
import type { DigestSeatRequest, DigestSeats, DigestSummary } from '../../digest/digest-summary.js';
import type { Locale } from '../../i18n/locale.js';

interface Schedule {
  frequency: string;
  time: string;
  weekday: string | null;
  timezone: string;
  always: boolean;
}

const frenchDays: Record<string, string> = {
  monday: 'lundi',
  tuesday: 'mardi',
  wednesday: 'mercredi',
  thursday: 'jeudi',
  friday: 'vendredi',
  saturday: 'samedi',
  sunday: 'dimanche',
};

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/** "4 December 2026, 08:00 CET" in the organization's zone. */
export function digestDate(date: Date, locale: Locale, timezone: string): string {
  const key = `${locale}:${timezone}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: timezone,
      timeZoneName: 'short',
    });
    dateFormats.set(key, format);
  }
  return format.format(date);
}

const en = {
  title: (org: string) => `Invitations digest: ${org}`,
  period: (since: string) => `Since ${since}`,
  pending: (n: number, expiring: number) =>
    `${n} pending ${plural(n, 'invitation', 'invitations')}, ${expiring} expiring within 48 hours`,
  accepted: (n: number) => `${n} accepted since the last digest`,
  bounced: (n: number) => `${n} bounced or undeliverable since the last digest`,
  held: (n: number, requests: number) =>
    `${n} held for approval, ${requests} seat ${plural(requests, 'request', 'requests')} waiting`,
  seatRequest: (r: DigestSeatRequest, by: string) =>
    `${r.seatsRequested} ${r.kind === 'external' ? 'external ' : ''}${plural(r.seatsRequested, 'seat', 'seats')} requested by ${by}`,
  seats: (s: DigestSeats) => `Seats: ${s.used} used of ${s.limit}, ${s.remaining} remaining`,
  externalSeats: (s: DigestSeats) => `External seats: ${s.used} used of ${s.limit}, ${s.remaining} remaining`,
  nothing: 'Nothing new: no invitation pending, accepted or bounced, no seat request waiting.',
  resendExpiring: 'Resend the expiring ones',
  showPending: 'Show pending',
  approve: 'Approve',
  confirmTitle: 'Resend?',
  confirmText: (n: number) =>
    `Resend the ${n} ${plural(n, 'invitation', 'invitations')} expiring within 48 hours, with a new link and a new lifetime? Those e-mailed within the resend cooldown are left alone.`,
  confirmYes: 'Resend',
  confirmNo: 'Cancel',
  resent: (r: { resent: number; cooldown: number; failed: number }) =>
    `${[
      `${r.resent} ${plural(r.resent, 'invitation', 'invitations')} resent`,
      r.cooldown ? `${r.cooldown} left alone (e-mailed within the resend cooldown)` : '',
      r.failed ? `${r.failed} could not be resent (no longer pending)` : '',
    ]
      .filter(Boolean)
      .join(', ')}.`,
  noneExpiring: 'No pending invitation expires within 48 hours.',
  seatRequestGone: 'This seat request was decided or withdrawn in the meantime.',
  schedule: (s: Schedule, channel: boolean) =>
    s.frequency === 'off'
      ? 'Not posted on a schedule: sesame org set digest daily|weekly.'
      : `Posted ${s.frequency === 'weekly' ? `every ${s.weekday}` : 'every day'} at ${s.time} (${s.timezone})${s.always ? ', even when there is nothing to say' : ''}.${channel ? '' : " No managers' channel is chosen: the digest is skipped until an owner chooses one (Slack: /invite settings; Teams: settings in the channel)."}`,
};

const fr: typeof en = {
  title: (org) => `Récapitulatif des invitations : ${org}`,
  period: (since) => `Depuis le ${since}`,
  pending: (n, expiring) =>
    `${n} ${plural(n, 'invitation en attente', 'invitations en attente')}, dont ${expiring} ${plural(expiring, 'expire', 'expirent')} dans les 48 heures`,
  accepted: (n) => `${n} ${plural(n, 'acceptée', 'acceptées')} depuis le dernier récapitulatif`,
  bounced: (n) => `${n} en échec de remise depuis le dernier récapitulatif`,
  held: (n, requests) =>
    `${n} en attente d'approbation, ${requests} ${plural(requests, 'demande', 'demandes')} de places en attente`,
  seatRequest: (r, by) =>
    `${r.seatsRequested} ${plural(r.seatsRequested, 'place', 'places')}${r.kind === 'external' ? ` ${plural(r.seatsRequested, 'externe', 'externes')}` : ''} ${plural(r.seatsRequested, 'demandée', 'demandées')} par ${by}`,
  seats: (s) => `Places : ${s.used} utilisées sur ${s.limit}, ${s.remaining} restantes`,
  externalSeats: (s) => `Places externes : ${s.used} utilisées sur ${s.limit}, ${s.remaining} restantes`,
  nothing: 'Rien de nouveau : aucune invitation en attente, acceptée ou en échec, aucune demande de places en attente.',
  resendExpiring: 'Renvoyer les urgentes',
  showPending: 'Invitations en attente',
  approve: 'Approuver',
  confirmTitle: 'Renvoyer ?',
  confirmText: (n) =>
    `Renvoyer les ${n} ${plural(n, 'invitation qui expire', 'invitations qui expirent')} dans les 48 heures, avec un nouveau lien et une nouvelle durée de validité ? Celles envoyées pendant le délai entre deux renvois ne sont pas renvoyées.`,
  confirmYes: 'Renvoyer',
  confirmNo: 'Annuler',
  resent: (r) =>
    `${[
      `${r.resent} ${plural(r.resent, 'invitation renvoyée', 'invitations renvoyées')}`,
      r.cooldown ? `${r.cooldown} laissée(s) de côté (envoyée(s) pendant le délai entre deux renvois)` : '',
      r.failed ? `${r.failed} impossible(s) à renvoyer (plus en attente)` : '',
    ]
      .filter(Boolean)
      .join(', ')}.`,
  noneExpiring: "Aucune invitation en attente n'expire dans les 48 heures.",
  seatRequestGone: 'Cette demande de places a été décidée ou retirée entre-temps.',
  schedule: (s, channel) =>
    s.frequency === 'off'
      ? 'Pas de publication programmée : sesame org set digest daily|weekly.'
      : `Publié ${s.frequency === 'weekly' ? `chaque ${frenchDays[s.weekday ?? ''] ?? s.weekday}` : 'chaque jour'} à ${s.time} (${s.timezone})${s.always ? ", même quand il n'y a rien à dire" : ''}.${channel ? '' : " Aucun canal des responsables n'est choisi : le récapitulatif n'est pas publié tant qu'un propriétaire n'en a pas choisi un (Slack : /invite settings ; Teams : settings dans le canal)."}`,
};

export const digestTexts = (locale: Locale) => (locale === 'fr' ? fr : en);

/** The digest's lines (each item, then the seats), `escapeText` applied to what people wrote. */
export function digestLines(summary: DigestSummary, locale: Locale, escapeText: (text: string) => string) {
  const t = digestTexts(locale);
  const s = summary;
  const items = [
    t.pending(s.pending, s.expiringSoon),
    t.accepted(s.accepted),
    t.bounced(s.bounced),
    t.held(s.held, s.seatRequests.length),
  ];
  const seats = [t.seats(s.seats.internal), ...(s.seats.external ? [t.externalSeats(s.seats.external)] : [])];
  return {
    title: t.title(escapeText(s.organizationName)),
    period: t.period(digestDate(s.since, locale, s.timezone)),
    items,
    seatRequests: s.seatRequests.map((r) => t.seatRequest(r, escapeText(r.requestedBy))),
    seats,
  };
}
