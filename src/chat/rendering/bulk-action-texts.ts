// The words of the pending list's bulk actions ("resend expired in the last N days", "revoke
// pending older than N days") in English and French, for the chat channels and the CLI alike:
// the buttons, the confirmation (the count first, a few addresses, what is skipped or held) and
// the outcome. Plain text: the addresses are escaped by the channel's own function before they go
// in, and each channel adds its own emphasis.
import type { Locale } from '../../i18n/locale.js';
import type { BulkOperation } from '../../invitations/bulk-actions.js';
import type { BulkResendPreview, ResendSkip } from '../../invitations/bulk-resend-expired.js';
import type { BulkRevokePreview } from '../../invitations/bulk-revoke-stale.js';

export type { BulkOperation } from '../../invitations/bulk-actions.js';

/** The days the buttons start with: a week of expired ones, a month of pending ones. */
export const BULK_DEFAULT_DAYS: Record<BulkOperation, number> = { resend: 7, revoke: 30 };

/** The choices offered in chat (any number from 1 to 365 on the command line). */
export const BULK_DAY_CHOICES = [1, 3, 7, 14, 30, 60, 90, 180, 365] as const;

type Escape = (text: string) => string;

const en = {
  invitations: (n: number) => (n === 1 ? '1 invitation' : `${n} invitations`),
  days: (n: number) => (n === 1 ? '1 day' : `${n} days`),
  more: (n: number) => ` and ${n} more`,
  lastDays: (n: number) => (n === 1 ? 'in the last day' : `in the last ${n} days`),
  resendButton: (days: number) => `Resend expired (last ${days === 1 ? 'day' : `${days} days`})…`,
  revokeButton: (days: number) => `Revoke pending older than ${en.days(days)}…`,
  resendTitle: 'Resend expired invitations',
  revokeTitle: 'Revoke old invitations',
  resendQuestion: (count: number, days: number) =>
    count === 0
      ? `No invitation that expired ${en.lastDays(days)} can be sent again.`
      : `${en.invitations(count)} that expired ${en.lastDays(days)} will be sent again, with a new link and a new lifetime.`,
  resendHeld: (held: number) =>
    `${held === 1 ? '1 of them is' : `${held} of them are`} beyond the seats: held for a manager's approval, e-mailed once approved.`,
  skipped: {
    member: 'now a member',
    reinvited: 'invited again since',
    usernameTaken: 'username taken since',
    uncovered: 'company not secured',
    cooldown: 'within the resend cooldown',
  } satisfies Record<ResendSkip, string>,
  leftExpired: (parts: string) => `Left expired: ${parts}.`,
  revokeQuestion: (count: number, days: number) =>
    count === 0
      ? `No open invitation was created more than ${en.days(days)} ago.`
      : `${en.invitations(count)} created more than ${en.days(days)} ago will be revoked: their links stop working at once, their seats and usernames are freed.`,
  revokeHeld: (held: number) =>
    `${held === 1 ? '1 of them is' : `${held} of them are`} awaiting approval: their seat request shrinks, or is withdrawn.`,
  /** One of the choices of days, as the operation reads it. */
  dayChoice: (operation: BulkOperation, n: number) =>
    operation === 'resend' ? `Expired in the last ${en.days(n)}` : `Created more than ${en.days(n)} ago`,
  daysLabel: 'Period',
  recount: 'Count again',
  back: 'Back to the list',
  resendRun: (count: number) => `Resend ${count}`,
  revokeRun: (count: number) => `Revoke ${count}`,
  resendConfirmTitle: (count: number) => `Resend ${en.invitations(count)}?`,
  revokeConfirmTitle: (count: number) => `Revoke ${en.invitations(count)}?`,
  resent: (count: number, held: number) =>
    `✅ ${en.invitations(count)} sent again${held > 0 ? ` (${held} held for a manager's approval)` : ''}.`,
  revoked: (count: number) => `✅ ${en.invitations(count)} revoked.`,
  nothingDone: 'Nothing was done.',
  changed: (expected: number, done: number) =>
    `The count changed since it was shown (${expected} then, ${done} done): someone acted in between.`,
  ask: 'Go ahead? [y/N] ',
  yes: ['y', 'yes'],
  needsYes: 'Nothing was done: this terminal cannot ask for confirmation. Add --yes to go ahead.',
};

type BulkActionTexts = typeof en;

const fr: BulkActionTexts = {
  invitations: (n) => (n <= 1 ? `${n} invitation` : `${n} invitations`),
  days: (n) => (n <= 1 ? `${n} jour` : `${n} jours`),
  more: (n) => ` et ${n} autre${n > 1 ? 's' : ''}`,
  lastDays: (n) => (n <= 1 ? 'au cours du dernier jour' : `au cours des ${n} derniers jours`),
  resendButton: (days) => `Renvoyer les expirées (${days <= 1 ? 'dernier jour' : `${days} derniers jours`})…`,
  revokeButton: (days) => `Révoquer celles de plus de ${fr.days(days)}…`,
  resendTitle: 'Renvoyer les invitations expirées',
  revokeTitle: 'Révoquer les anciennes invitations',
  resendQuestion: (count, days) =>
    count === 0
      ? `Aucune invitation expirée ${fr.lastDays(days)} ne peut être renvoyée.`
      : `${fr.invitations(count)} expirée${count > 1 ? 's' : ''} ${fr.lastDays(days)} ${count > 1 ? 'seront renvoyées' : 'sera renvoyée'}, avec un nouveau lien et une nouvelle durée de validité.`,
  resendHeld: (held) =>
    `${held > 1 ? `${held} d'entre elles dépassent` : "L'une d'elles dépasse"} les places : en attente de l'approbation d'un responsable, envoyée${held > 1 ? 's' : ''} une fois approuvée${held > 1 ? 's' : ''}.`,
  skipped: {
    member: 'devenue membre',
    reinvited: 'invitée de nouveau depuis',
    usernameTaken: "nom d'utilisateur pris depuis",
    uncovered: 'société non sécurisée',
    cooldown: 'dans le délai avant renvoi',
  },
  leftExpired: (parts) => `Restent expirées : ${parts}.`,
  revokeQuestion: (count, days) =>
    count === 0
      ? `Aucune invitation ouverte n'a été créée il y a plus de ${fr.days(days)}.`
      : `${fr.invitations(count)} créée${count > 1 ? 's' : ''} il y a plus de ${fr.days(days)} ${count > 1 ? 'seront révoquées' : 'sera révoquée'} : les liens cessent aussitôt de fonctionner, les places et noms d'utilisateur sont libérés.`,
  revokeHeld: (held) =>
    `${held > 1 ? `${held} d'entre elles attendent` : "L'une d'elles attend"} une approbation : leur demande de places diminue, ou est retirée.`,
  dayChoice: (operation, n) =>
    operation === 'resend' ? `Expirées ${fr.lastDays(n)}` : `Créées il y a plus de ${fr.days(n)}`,
  daysLabel: 'Période',
  recount: 'Recompter',
  back: 'Retour à la liste',
  resendRun: (count) => `Renvoyer ${count}`,
  revokeRun: (count) => `Révoquer ${count}`,
  resendConfirmTitle: (count) => `Renvoyer ${fr.invitations(count)} ?`,
  revokeConfirmTitle: (count) => `Révoquer ${fr.invitations(count)} ?`,
  resent: (count, held) =>
    `✅ ${fr.invitations(count)} renvoyée${count > 1 ? 's' : ''}${held > 0 ? ` (${held} en attente de l'approbation d'un responsable)` : ''}.`,
  revoked: (count) => `✅ ${fr.invitations(count)} révoquée${count > 1 ? 's' : ''}.`,
  nothingDone: "Rien n'a été fait.",
  changed: (expected, done) =>
    `Le nombre a changé depuis son affichage (${expected} alors, ${done} traitées) : quelqu'un a agi entre-temps.`,
  ask: 'Continuer ? [o/N] ',
  yes: ['o', 'oui', 'y', 'yes'],
  needsYes: "Rien n'a été fait : ce terminal ne peut pas demander de confirmation. Ajoutez --yes pour continuer.",
};

export const bulkActionTexts = (locale: Locale): BulkActionTexts => (locale === 'fr' ? fr : en);

/** The addresses a preview names, then how many more: "a@x.com, b@x.com and 3 more". */
export function sampleLine(sample: readonly string[], count: number, locale: Locale, shown: Escape): string {
  const rest = count - sample.length;
  return `${sample.map(shown).join(', ')}${rest > 0 ? bulkActionTexts(locale).more(rest) : ''}`;
}

/** The confirmation's lines, the count first: the question, the addresses, then what is held or skipped. */
export function bulkConfirmation(
  operation: BulkOperation,
  preview: BulkResendPreview | BulkRevokePreview,
  locale: Locale,
  shown: Escape,
): string[] {
  const texts = bulkActionTexts(locale);
  const lines = [
    operation === 'resend'
      ? texts.resendQuestion(preview.count, preview.days)
      : texts.revokeQuestion(preview.count, preview.days),
  ];
  if (preview.count > 0) lines.push(sampleLine(preview.sample, preview.count, locale, shown));
  if (preview.held > 0)
    lines.push(operation === 'resend' ? texts.resendHeld(preview.held) : texts.revokeHeld(preview.held));
  if ('skipped' in preview) {
    const parts = Object.entries(preview.skipped)
      .filter(([, n]) => n > 0)
      .map(([reason, n]) => `${n} ${texts.skipped[reason as ResendSkip]}`);
    if (parts.length > 0) lines.push(texts.leftExpired(parts.join(', ')));
  }
  return lines;
}

/** What a run did, in one line, with a word when the count moved since it was confirmed. */
export function bulkDone(
  operation: BulkOperation,
  result: { count: number; held: number; expected: number | null; changed: boolean },
  locale: Locale,
): string {
  const texts = bulkActionTexts(locale);
  const done =
    result.count === 0
      ? texts.nothingDone
      : operation === 'resend'
        ? texts.resent(result.count, result.held)
        : texts.revoked(result.count);
  return result.changed && result.expected !== null ? `${done} ${texts.changed(result.expected, result.count)}` : done;
}
