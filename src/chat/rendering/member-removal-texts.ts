// The words of "remove a member" in the chat channels (Slack mrkdwn; Teams converts it): the
// confirmation saying what is freed and handed over, and the result. The values are escaped by
// the channel's own function (Slack mrkdwn or Teams markdown) before they go in.
import type { Locale } from '../../i18n/locale.js';
import type { MemberRemoval } from '../../members/remove-member.js';

const en = {
  title: 'Remove a member',
  question: (who: string) => `Remove ${who} from the organization?`,
  owner: 'They are an owner.',
  manager: 'They are a manager: they decide seat requests.',
  internalSeat: 'their internal seat',
  externalSeat: (company: string | null) => (company ? `their external seat (${company})` : 'their external seat'),
  freed: (seat: string, username: string) =>
    `It frees ${seat} and the username *${username}*; their address can be invited again right after.`,
  invitations: (n: number) =>
    `${n === 1 ? 'Their open invitation becomes' : `Their ${n} open invitations become`} yours: you will be told ${n === 1 ? 'its outcome' : 'their outcomes'}.`,
  seatRequests: (n: number) =>
    n === 1 ? 'Their seat request waiting for a manager becomes yours.' : `Their ${n} seat requests become yours.`,
  resend: 'To send a member added directly an invitation instead: remove them, then invite them.',
  remove: 'Remove',
  cancel: 'Cancel',
  confirmTitle: 'Remove this member?',
  confirmText: (email: string) => `${email} is removed at once; their seat and username are freed.`,
  cancelled: (email: string) => `Nothing was removed: ${email} is still a member.`,
  removed: (email: string, seat: string, username: string) =>
    `✅ ${email} was removed: ${seat} and the username *${username}* are free.`,
  notRemoved: 'The member was not removed:',
};

type MemberRemovalTexts = typeof en;

const fr: MemberRemovalTexts = {
  title: 'Retirer un membre',
  question: (who) => `Retirer ${who} de l'organisation ?`,
  owner: 'Ce membre est propriétaire.',
  manager: 'Ce membre est responsable : il décide des demandes de places.',
  internalSeat: 'sa place interne',
  externalSeat: (company) => (company ? `sa place externe (${company})` : 'sa place externe'),
  freed: (seat, username) =>
    `Cela libère ${seat} et le nom d'utilisateur *${username}* ; son adresse pourra être invitée de nouveau aussitôt.`,
  invitations: (n) =>
    n === 1
      ? 'Son invitation ouverte devient la vôtre : vous serez informé de son issue.'
      : `Ses ${n} invitations ouvertes deviennent les vôtres : vous serez informé de leur issue.`,
  seatRequests: (n) =>
    n === 1
      ? 'Sa demande de places en attente d’un responsable devient la vôtre.'
      : `Ses ${n} demandes de places deviennent les vôtres.`,
  resend: 'Pour envoyer plutôt une invitation à un membre ajouté directement : retirez-le, puis invitez-le.',
  remove: 'Retirer',
  cancel: 'Annuler',
  confirmTitle: 'Retirer ce membre ?',
  confirmText: (email) => `${email} est retiré aussitôt ; sa place et son nom d'utilisateur sont libérés.`,
  cancelled: (email) => `Rien n'a été retiré : ${email} est toujours membre.`,
  removed: (email, seat, username) =>
    `✅ ${email} a été retiré : ${seat} et le nom d'utilisateur *${username}* sont libres.`,
  notRemoved: "Le membre n'a pas été retiré :",
};

export const memberRemovalTexts = (locale: Locale): MemberRemovalTexts => (locale === 'fr' ? fr : en);

type Escape = (text: string) => string;

const seatOf = (removal: MemberRemoval, texts: MemberRemovalTexts, shown: Escape) =>
  removal.kind === 'external'
    ? texts.externalSeat(removal.company === null ? null : shown(removal.company))
    : texts.internalSeat;

/** The confirmation's question, then one line per thing freed or handed over. */
export function removalConfirmation(removal: MemberRemoval, locale: Locale, shown: Escape): [string, string[]] {
  const texts = memberRemovalTexts(locale);
  const name = [removal.firstName, removal.lastName].filter(Boolean).join(' ');
  const who = name ? `*${shown(name)}* (${shown(removal.email)})` : `*${shown(removal.email)}*`;
  const lines = [
    texts.freed(seatOf(removal, texts, shown), shown(removal.username)),
    ...(removal.isOwner ? [texts.owner] : []),
    ...(removal.isManager ? [texts.manager] : []),
    ...(removal.openInvitations > 0 ? [texts.invitations(removal.openInvitations)] : []),
    ...(removal.pendingSeatRequests > 0 ? [texts.seatRequests(removal.pendingSeatRequests)] : []),
  ];
  return [texts.question(who), lines];
}

/** What the removal did, in one line. */
export function removalDone(removal: MemberRemoval, locale: Locale, shown: Escape): string {
  const texts = memberRemovalTexts(locale);
  return texts.removed(shown(removal.email), seatOf(removal, texts, shown), shown(removal.username));
}
