// The words of the notices Sesame e-mails to its own members (inviters, managers, owners) when no
// chat can carry them: no Slack or Teams linked, the member not on it, or the chat's access lost.
// Arguments are raw text: the template escapes them for HTML.
import type { Locale } from '../../i18n/locale.js';
import { outcomeParts } from '../../i18n/outcome-words.js';
import type { OutcomeCounts } from '../../notifications/notification.js';

export interface NoticeWords {
  subject: string;
  paragraphs: string[];
  /** Commands that act on it (shown as code). */
  commands: string[];
}

type Words = {
  footer: (org: string) => string;
  whyEmail: string;
  accepted: (email: string, org: string) => NoticeWords;
  expired: (email: string, org: string) => NoticeWords;
  bounced: (email: string, org: string, detail: string) => NoticeWords;
  undeliverable: (email: string, org: string) => NoticeWords;
  outcomes: (org: string, counts: OutcomeCounts, shown: string[], more: number) => NoticeWords;
  seatRequest: (p: SeatRequestWords) => NoticeWords;
  seatDecision: (p: SeatDecisionWords) => NoticeWords;
  chatAccessLost: (p: { org: string; platform: 'slack' | 'teams'; cause: string }) => NoticeWords;
};

export interface SeatRequestWords {
  org: string;
  requestId: string;
  requestedBy: string;
  seats: number;
  limitBefore: number;
  limitAfter: number;
  invitees: string[];
  inviteeCount: number;
  /** A request for external seats (partner companies' people), whose limit is their own. */
  external?: boolean;
}

export interface SeatDecisionWords {
  org: string;
  approved: boolean;
  seats: number;
  decidedBy: string;
  reason: string | null;
  external?: boolean;
}

const plural = (n: number, one: string, many: string) => (n > 1 ? many : one);
const seatsEn = (n: number, external?: boolean) => `${external ? 'external ' : ''}${plural(n, 'seat', 'seats')}`;
const seatsFr = (n: number, external?: boolean) =>
  `${plural(n, 'place', 'places')}${external ? ` ${plural(n, 'externe', 'externes')}` : ''}`;
const andMore = (shown: string[], more: number, and: string) =>
  `${shown.join(', ')}${more > 0 ? ` ${and} ${more}` : ''}`;

const en: Words = {
  footer: (org) => `Sesame, for ${org}.`,
  whyEmail: 'You get this by e-mail because no Slack or Teams conversation with you could carry it.',
  accepted: (email, org) => ({
    subject: `${email} joined ${org}`,
    paragraphs: [`${email} accepted your invitation and is now a member of ${org}.`],
    commands: [],
  }),
  expired: (email, org) => ({
    subject: `Your invitation to ${email} expired`,
    paragraphs: [`${email} did not accept your invitation to ${org} in time: it expired and its seat is free again.`],
    commands: [`sesame invite ${email}`],
  }),
  bounced: (email, org, detail) => ({
    subject: `Your invitation to ${email} could not be delivered`,
    paragraphs: [
      `The invitation to ${org} sent to ${email} was refused by the recipient's mail server (${detail}).`,
      'Check the address: revoke this invitation and invite the right one.',
    ],
    commands: [`sesame revoke ${email}`],
  }),
  undeliverable: (email, org) => ({
    subject: `Your invitation to ${email} could not be sent`,
    paragraphs: [
      `Sesame could not send the invitation to ${org} to ${email}, after several attempts. You may resend it now.`,
    ],
    commands: [`sesame resend ${email}`],
  }),
  outcomes: (org, c, shown, more) => {
    const total = Object.values(c).reduce((a, b) => a + b, 0);
    const parts = outcomeParts('en', c);
    return {
      subject: `${total} ${plural(total, 'update', 'updates')} on your invitations to ${org}`,
      paragraphs: [`${parts.join(', ')}.`, `${andMore(shown, more, 'and')}${more > 0 ? ' more' : ''}.`],
      commands: ['sesame pending'],
    };
  },
  seatRequest: (p) => ({
    subject: `${p.requestedBy} asks for ${p.seats} more ${seatsEn(p.seats, p.external)} in ${p.org}`,
    paragraphs: [
      `${p.requestedBy} invited ${p.inviteeCount} ${plural(p.inviteeCount, 'person', 'people')} beyond ${p.org}'s ${p.external ? 'external seat' : 'seat'} limit. Their invitations wait for a manager's decision.`,
      `Approving raises the limit from ${p.limitBefore} to ${p.limitAfter} and sends the invitations; denying cancels them.`,
      `Invited: ${andMore(p.invitees, p.inviteeCount - p.invitees.length, 'and')}${p.inviteeCount > p.invitees.length ? ' more' : ''}.`,
    ],
    commands: [`sesame requests approve ${p.requestId}`, `sesame requests deny ${p.requestId} --reason "..."`],
  }),
  seatDecision: (p) => ({
    subject: `Your seat request in ${p.org} was ${p.approved ? 'approved' : 'denied'}`,
    paragraphs: [
      p.approved
        ? `${p.decidedBy} approved your request for ${p.seats} ${seatsEn(p.seats, p.external)}: your held invitations are on their way.`
        : `${p.decidedBy} denied your request for ${p.seats} ${seatsEn(p.seats, p.external)}: your held invitations are cancelled.`,
      ...(p.reason ? [`Reason: ${p.reason}`] : []),
    ],
    commands: [],
  }),
  chatAccessLost: (p) => ({
    subject: `Sesame lost its access to ${p.platform === 'slack' ? 'Slack' : 'Microsoft Teams'} for ${p.org}`,
    paragraphs: [
      `${p.platform === 'slack' ? 'Slack' : 'Microsoft Teams'} refuses Sesame's messages (${p.cause}): the app was probably uninstalled or its token revoked.`,
      'Until it is fixed, seat requests and invitation news go to each person by e-mail. To fix it, install Sesame again in the workspace, or link it again with a new code:',
    ],
    commands: [p.platform === 'slack' ? 'sesame slack link' : 'sesame teams link'],
  }),
};

const fr: Words = {
  footer: (org) => `Sesame, pour ${org}.`,
  whyEmail: 'Vous recevez ceci par e-mail parce qu’aucune conversation Slack ou Teams avec vous ne pouvait le porter.',
  accepted: (email, org) => ({
    subject: `${email} a rejoint ${org}`,
    paragraphs: [`${email} a accepté votre invitation et est maintenant membre de ${org}.`],
    commands: [],
  }),
  expired: (email, org) => ({
    subject: `Votre invitation à ${email} a expiré`,
    paragraphs: [
      `${email} n’a pas accepté à temps votre invitation à ${org}\u00a0: elle a expiré et sa place est de nouveau libre.`,
    ],
    commands: [`sesame invite ${email}`],
  }),
  bounced: (email, org, detail) => ({
    subject: `Votre invitation à ${email} n’a pas pu être remise`,
    paragraphs: [
      `L’invitation à ${org} envoyée à ${email} a été refusée par le serveur de messagerie du destinataire (${detail}).`,
      'Vérifiez l’adresse\u00a0: révoquez cette invitation et invitez la bonne.',
    ],
    commands: [`sesame revoke ${email}`],
  }),
  undeliverable: (email, org) => ({
    subject: `Votre invitation à ${email} n’a pas pu être envoyée`,
    paragraphs: [
      `Sesame n’a pas pu envoyer l’invitation à ${org} à ${email}, après plusieurs tentatives. Vous pouvez la renvoyer dès maintenant.`,
    ],
    commands: [`sesame resend ${email}`],
  }),
  outcomes: (org, c, shown, more) => {
    const total = Object.values(c).reduce((a, b) => a + b, 0);
    const s = (n: number) => (n > 1 ? 's' : '');
    const parts = outcomeParts('fr', c);
    return {
      subject: `${total} nouvelle${s(total)} de vos invitations à ${org}`,
      paragraphs: [`${parts.join(', ')}.`, `${andMore(shown, more, 'et')}${more > 0 ? ` autre${s(more)}` : ''}.`],
      commands: ['sesame pending'],
    };
  },
  seatRequest: (p) => ({
    subject: `${p.requestedBy} demande ${p.seats} ${seatsFr(p.seats, p.external)} de plus dans ${p.org}`,
    paragraphs: [
      `${p.requestedBy} a invité ${p.inviteeCount} personne${p.inviteeCount > 1 ? 's' : ''} au-delà de la limite de places${p.external ? ' externes' : ''} de ${p.org}. Leurs invitations attendent la décision d’un responsable.`,
      `Approuver porte la limite de ${p.limitBefore} à ${p.limitAfter} et envoie les invitations\u00a0; refuser les annule.`,
      `Invités\u00a0: ${andMore(p.invitees, p.inviteeCount - p.invitees.length, 'et')}${p.inviteeCount > p.invitees.length ? ' autre(s)' : ''}.`,
    ],
    commands: [`sesame requests approve ${p.requestId}`, `sesame requests deny ${p.requestId} --reason "..."`],
  }),
  seatDecision: (p) => ({
    subject: `Votre demande de places dans ${p.org} a été ${p.approved ? 'approuvée' : 'refusée'}`,
    paragraphs: [
      p.approved
        ? `${p.decidedBy} a approuvé votre demande de ${p.seats} ${seatsFr(p.seats, p.external)}\u00a0: vos invitations retenues partent.`
        : `${p.decidedBy} a refusé votre demande de ${p.seats} ${seatsFr(p.seats, p.external)}\u00a0: vos invitations retenues sont annulées.`,
      ...(p.reason ? [`Motif\u00a0: ${p.reason}`] : []),
    ],
    commands: [],
  }),
  chatAccessLost: (p) => ({
    subject: `Sesame a perdu son accès à ${p.platform === 'slack' ? 'Slack' : 'Microsoft Teams'} pour ${p.org}`,
    paragraphs: [
      `${p.platform === 'slack' ? 'Slack' : 'Microsoft Teams'} refuse les messages de Sesame (${p.cause})\u00a0: l’application a sans doute été désinstallée ou son jeton révoqué.`,
      'En attendant, les demandes de places et les nouvelles des invitations partent par e-mail à chaque personne. Pour corriger, installez de nouveau Sesame dans l’espace de travail, ou reliez-le avec un nouveau code\u00a0:',
    ],
    commands: [p.platform === 'slack' ? 'sesame slack link' : 'sesame teams link'],
  }),
};

export const noticeWords = (locale: Locale): Words => (locale === 'fr' ? fr : en);
