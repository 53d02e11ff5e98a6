// A member's invite request in words, in English and French: the admins' card, the answers to the
// member who asked, the outcome they hear, and the e-mail notices when no chat carries them.
// Shared by Slack (mrkdwn), Teams (its Markdown, *bold* converted) and the CLI: arguments are
// already escaped for the caller's markup (the e-mail notices take raw text, their template escapes).
import type { NoticeWords } from '../../email/templates/notice-texts.js';
import type { Locale } from '../../i18n/locale.js';
import type { InviteRequestDetails } from '../../invite-requests/invite-request-details.js';
import type { InviteRequestAnswer } from '../../invite-requests/request-invitation.js';

export interface InviteRequestTexts {
  title: string;
  headline: (requester: string, email: string) => string;
  alsoAskedBy: (emails: string) => string;
  noteLabel: string;
  approve: string;
  deny: string;
  cancel: string;
  approveConfirm: (email: string) => string;
  denyTitle: string;
  reasonLabel: string;
  approvedBy: (by: string, held: boolean) => string;
  deniedBy: (by: string, reason: string) => string;
  /** The answers to the member who asked. */
  requested: (email: string) => string;
  joined: (email: string, first: string | null) => string;
  alreadyRequested: (email: string) => string;
  alreadyMember: (email: string) => string;
  alreadyInvited: (email: string) => string;
  /** What the member who asked hears once decided. */
  outcomeApproved: (email: string, by: string, held: boolean) => string;
  outcomeDenied: (email: string, by: string, reason: string) => string;
  /** The answer to the admin who decided. */
  youApproved: (email: string, held: boolean, already: boolean) => string;
  youDenied: (email: string) => string;
  /** E-mail notices (raw text). */
  noticeRequested: (p: {
    org: string;
    email: string;
    requester: string;
    note: string | null;
    id: string;
  }) => NoticeWords;
  noticeDecided: (p: {
    org: string;
    email: string;
    approved: boolean;
    by: string;
    reason: string | null;
    held: boolean;
  }) => NoticeWords;
}

const en: InviteRequestTexts = {
  title: 'Invite request',
  headline: (requester, email) => `*${requester}* asks to invite *${email}*.`,
  alsoAskedBy: (emails) => `Also asked by ${emails}.`,
  noteLabel: 'Note',
  approve: 'Approve',
  deny: 'Deny',
  cancel: 'Cancel',
  approveConfirm: (email) => `Invite ${email} with the organization's default role and user type?`,
  denyTitle: 'Deny the request',
  reasonLabel: 'Why (the member who asked reads it)',
  approvedBy: (by, held) => `Approved by ${by}: invited${held ? ', held until a manager approves a seat' : ''}.`,
  deniedBy: (by, reason) => `Denied by ${by}: ${reason}`,
  requested: (email) =>
    `Your request to invite ${email} went to the administrators. You will be told what they decide.`,
  joined: (email, first) =>
    `${first ?? 'Someone'} already asked to invite ${email}: you joined that request and will be told what is decided.`,
  alreadyRequested: (email) => `You already asked to invite ${email}: it waits for an administrator.`,
  alreadyMember: (email) => `${email} is already a member of the organization: no invitation is needed.`,
  alreadyInvited: (email) => `${email} already has a pending invitation: no request is needed.`,
  outcomeApproved: (email, by, held) =>
    held
      ? `${by} approved your request: ${email} is invited, and the invitation waits for a manager to approve a seat.`
      : `${by} approved your request: ${email} is invited.`,
  outcomeDenied: (email, by, reason) => `${by} denied your request to invite ${email}: ${reason}`,
  youApproved: (email, held, already) =>
    already
      ? `Approved: ${email} already had a pending invitation, it was kept.`
      : held
        ? `Approved: ${email} is invited, held until a manager approves a seat.`
        : `Approved: ${email} is invited.`,
  youDenied: (email) => `Denied: the request for ${email} is closed and the member who asked is told why.`,
  noticeRequested: (p) => ({
    subject: `${p.requester} asks to invite ${p.email}`,
    paragraphs: [
      `${p.requester} asks the administrators of ${p.org} to invite ${p.email}.`,
      ...(p.note ? [`Their note: ${p.note}`] : []),
    ],
    commands: [`sesame invite-requests approve ${p.id}`, `sesame invite-requests deny ${p.id} --reason "..."`],
  }),
  noticeDecided: (p) => ({
    subject: p.approved ? `${p.email} is invited` : `Your request to invite ${p.email} was denied`,
    paragraphs: [
      p.approved ? en.outcomeApproved(p.email, p.by, p.held) : en.outcomeDenied(p.email, p.by, p.reason ?? ''),
    ],
    commands: [],
  }),
};

const fr: InviteRequestTexts = {
  title: "Demande d'invitation",
  headline: (requester, email) => `*${requester}* demande d'inviter *${email}*.`,
  alsoAskedBy: (emails) => `Également demandé par ${emails}.`,
  noteLabel: 'Note',
  approve: 'Approuver',
  deny: 'Refuser',
  cancel: 'Annuler',
  approveConfirm: (email) => `Inviter ${email} avec le rôle et le type d'utilisateur par défaut de l'organisation ?`,
  denyTitle: 'Refuser la demande',
  reasonLabel: 'Pourquoi (le membre le lira)',
  approvedBy: (by, held) =>
    `Approuvée par ${by} : invitation envoyée${held ? ", retenue jusqu'à ce qu'un responsable approuve une place" : ''}.`,
  deniedBy: (by, reason) => `Refusée par ${by} : ${reason}`,
  requested: (email) =>
    `Votre demande d'invitation pour ${email} a été transmise aux administrateurs. Vous serez informé de leur décision.`,
  joined: (email, first) =>
    `${first ?? "Quelqu'un"} a déjà demandé d'inviter ${email} : vous êtes associé à cette demande et serez informé de la décision.`,
  alreadyRequested: (email) => `Vous avez déjà demandé d'inviter ${email} : la demande attend un administrateur.`,
  alreadyMember: (email) => `${email} est déjà membre de l'organisation : aucune invitation n'est nécessaire.`,
  alreadyInvited: (email) => `${email} a déjà une invitation en cours : aucune demande n'est nécessaire.`,
  outcomeApproved: (email, by, held) =>
    held
      ? `${by} a approuvé votre demande : ${email} est invité, et l'invitation attend qu'un responsable approuve une place.`
      : `${by} a approuvé votre demande : ${email} est invité.`,
  outcomeDenied: (email, by, reason) => `${by} a refusé votre demande d'invitation pour ${email} : ${reason}`,
  youApproved: (email, held, already) =>
    already
      ? `Approuvée : ${email} avait déjà une invitation en cours, elle est conservée.`
      : held
        ? `Approuvée : ${email} est invité, invitation retenue jusqu'à ce qu'un responsable approuve une place.`
        : `Approuvée : ${email} est invité.`,
  youDenied: (email) => `Refusée : la demande pour ${email} est close et le membre qui l'a faite en connaît la raison.`,
  noticeRequested: (p) => ({
    subject: `${p.requester} demande d'inviter ${p.email}`,
    paragraphs: [
      `${p.requester} demande aux administrateurs de ${p.org} d'inviter ${p.email}.`,
      ...(p.note ? [`Sa note : ${p.note}`] : []),
    ],
    commands: [`sesame invite-requests approve ${p.id}`, `sesame invite-requests deny ${p.id} --reason "..."`],
  }),
  noticeDecided: (p) => ({
    subject: p.approved ? `${p.email} est invité` : `Votre demande d'invitation pour ${p.email} a été refusée`,
    paragraphs: [
      p.approved ? fr.outcomeApproved(p.email, p.by, p.held) : fr.outcomeDenied(p.email, p.by, p.reason ?? ''),
    ],
    commands: [],
  }),
};

export const inviteRequestTexts = (locale: Locale): InviteRequestTexts => (locale === 'fr' ? fr : en);

/** What a member who asked hears once the request is decided, escaped for the caller's markup. */
export function inviteRequestOutcome(
  locale: Locale,
  details: InviteRequestDetails,
  escapeText: (text: string) => string,
): string {
  const texts = inviteRequestTexts(locale);
  const email = escapeText(details.request.email);
  const by = escapeText(details.decidedByEmail ?? '?');
  return details.request.status === 'APPROVED'
    ? texts.outcomeApproved(email, by, details.invitationStatus === 'AWAITING_APPROVAL')
    : texts.outcomeDenied(email, by, escapeText(details.request.reason ?? ''));
}

/** The answer to the member who asked, escaped for the caller's markup. */
export function inviteRequestAnswerText(
  locale: Locale,
  answer: InviteRequestAnswer,
  escapeText: (text: string) => string = (text) => text,
): string {
  const texts = inviteRequestTexts(locale);
  const email = escapeText('request' in answer ? answer.request.email : answer.email);
  if (answer.outcome === 'requested') return texts.requested(email);
  if (answer.outcome === 'joined') {
    return texts.joined(email, answer.firstRequestedByEmail && escapeText(answer.firstRequestedByEmail));
  }
  if (answer.outcome === 'already_requested') return texts.alreadyRequested(email);
  if (answer.outcome === 'already_member') return texts.alreadyMember(email);
  return texts.alreadyInvited(email);
}
