// The CLI's own words (labels, headings, confirmations) in English and French. Refusals and row
// errors are domain messages (src/i18n/messages.ts) and are rendered from their codes instead.
import type { Locale } from '../i18n/locale.js';
import type { InvitationPage } from '../invitations/list-invitations.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
/** French uses the singular for 0 and 1. */
const pluralFr = (n: number, one: string, many: string) => `${n} ${n <= 1 ? one : many}`;

interface DryRunCounts {
  rows: number;
  valid: number;
  toInvite: number;
  toAdd: number;
  alreadyInvited: number;
  alreadyMembers: number;
  wouldHold: number;
  errors: unknown[];
}

interface ImportCounts {
  batchId: string;
  invited: number;
  held: number;
  added: number;
  alreadyInvited: number;
  alreadyMembers: number;
  errors: unknown[];
}

const en = {
  errorPrefix: 'error:',
  warningPrefix: 'warning:',
  debugHint: '(set LOG_LEVEL=debug for details)',
  internalError: 'an internal error stopped the command.',
  importConnectionLost:
    'the connection to the database was lost during the import (did the service stop?). Nothing was written: ' +
    'an import is all or nothing. Run it again once the database answers; addresses already invited are skipped.',
  // Never the URL itself: it may hold a password.
  databaseUnreachable: (reason: string) => `cannot reach the database given by DATABASE_URL (${reason}).`,
  interrupted: 'Interrupted: closing the database...',
  backedUp: (path: string, megabytes: string) => `Backed up the embedded database to ${path} (${megabytes} MB).`,
  backupNeedsEmbedded:
    'sesame backup copies the embedded database; with DATABASE_URL, back up PostgreSQL with pg_dump.',
  yes: 'yes',
  no: 'no',
  none: 'none',

  orgCreated: (name: string, id: string, owner: string, seats: number) =>
    `Organization ${name} created (id ${id}), owned by ${owner}, with ${plural(seats, 'seat', 'seats')}.`,
  createdOn: (date: string) => `created ${date}`,
  settingsHeading: 'Settings (change them with `sesame org set <key> <value>`):',
  catalogueHeading: 'User types and the roles they allow:',
  adminRole: 'admin, never by invitation',
  defaultRole: (name: string) => `Default role: ${name}.`,
  anyDomain: 'any',
  settingChanged: (key: string, value: string) => `${key} is now ${value}.`,

  invited: 'invited',
  heldForApproval: (id: string) => `held for approval (seat request ${id})`,
  alreadyInvited: 'already invited (the open invitation is kept)',
  refused: 'refused',
  seatRequestHint: (id: string) =>
    `Beyond the seat limit: a manager decides with \`sesame requests approve ${id}\` (or deny).`,

  memberAdded: (email: string, username: string, role: string, type: string) =>
    `Added ${email} (username ${username}, role ${role}, user type ${type}); the temporary password must be changed at first login.`,
  memberHeaders: ['E-mail', 'Name', 'Username', 'Role', 'User type', 'Access', 'Status', 'Since'],
  owner: 'owner',
  manager: 'manager',
  active: 'active',
  mustChangePassword: 'must change password',
  membersShown: (shown: number, total: number) =>
    shown === total ? plural(total, 'member', 'members') : `${shown} of ${total} members shown (see --limit).`,
  accessField: { role: 'role', manager: 'manager' },
  accessChanged: (email: string, field: string, value: string) => `${email}: ${field} is now ${value}.`,
  accessUnchanged: (email: string, field: string, value: string) => `${email}: ${field} was already ${value}.`,

  noInvitations: 'No invitation matches.',
  invitationHeaders: [
    'ID',
    'E-mail',
    'Name',
    'Status',
    'Role',
    'User type',
    'Invited by',
    'Last sent',
    'Delivery',
    'Expires',
  ],
  pendingFooter: (p: InvitationPage, byType: string) =>
    `Page ${p.page}/${p.pages}, ${plural(p.total, 'invitation', 'invitations')}. Open: ${p.counts.pending} pending, ${p.counts.awaitingApproval} awaiting approval${byType ? ` (${byType})` : ''}.`,
  revoked: (email: string) => `Revoked the invitation to ${email}: its link no longer works.`,
  resent: (email: string, count: number, expires: string) =>
    `Resent the invitation to ${email} (send #${count}); it now expires ${expires}.`,

  seatsUsed: 'Seats used',
  usedOf: (used: number, limit: number) => `${used} of ${limit}`,
  seatsRemaining: 'Remaining',
  seatsMembers: 'Members',
  seatsPending: 'Pending invitations',
  seatsAwaiting: 'Awaiting approval',
  seatsOpenRequests: 'Open seat requests',
  seatsByType: 'By user type',
  noSeatRequests: 'No seat request.',
  requestHeaders: ['ID', 'Status', 'Seats', 'Kind', 'Limit', 'Requested by', 'On', 'Decided by', 'Reason'],
  requestKind: { internal: 'plan', external: 'external' },
  requestStatus: { PENDING: 'pending', APPROVED: 'approved', DENIED: 'denied', WITHDRAWN: 'withdrawn' },
  approved: (limit: number, n: number, kind: 'internal' | 'external') =>
    `Approved: the ${kind === 'external' ? 'external seat' : 'seat'} limit is now ${limit}; ${plural(n, 'held invitation was', 'held invitations were')} sent.`,
  denied: (n: number) => `Denied: ${plural(n, 'held invitation was', 'held invitations were')} cancelled.`,

  noEvents: 'No audit event.',
  auditHeaders: ['When', 'Who', 'Channel', 'Action', 'Details'],

  upToDate: 'The database is up to date: no migration to apply.',
  appliedMigrations: (names: string[]) =>
    `Applied ${plural(names.length, 'migration', 'migrations')}:\n  ${names.join('\n  ')}`,
  stillPending: (names: string[]) => `Still pending: ${names.join(', ')}`,

  progressLabel: (phase: string | undefined): string => (phase === 'writing' ? 'Writing rows' : 'Reading rows'),
  standardInput: 'standard input',
  at: (line: number, column: string | null): string => (column ? `line ${line}, column ${column}` : `line ${line}`),
  dryRunSummary: (name: string, c: DryRunCounts) =>
    `Dry run of ${name}: ${plural(c.rows, 'row', 'rows')}, ${c.valid} valid, ${plural(c.errors.length, 'error', 'errors')}. Nothing was written.\n` +
    `  would invite ${c.toInvite}, would add ${c.toAdd}, already invited ${c.alreadyInvited}, already members ${c.alreadyMembers}, would be held for approval ${c.wouldHold}`,
  importSummary: (name: string, c: ImportCounts) =>
    `Imported ${name} (batch ${c.batchId}): ${c.invited} invited, ${c.added} added, ${c.alreadyInvited} already invited, ${c.alreadyMembers} already members, ${c.held} held for approval` +
    (c.errors.length > 0 ? `; ${plural(c.errors.length, 'row', 'rows')} with errors skipped.` : '.'),
  errorsHeading: (n: number) => `${plural(n, 'error', 'errors')}:`,
  warningsHeading: (n: number) => `${plural(n, 'warning', 'warnings')}:`,
};

export type Texts = typeof en;

const fr: Texts = {
  errorPrefix: 'erreur :',
  warningPrefix: 'attention :',
  debugHint: '(LOG_LEVEL=debug pour le détail)',
  internalError: 'une erreur interne a interrompu la commande.',
  importConnectionLost:
    "la connexion à la base de données a été perdue pendant l'import (le service s'est-il arrêté ?). Rien n'a été " +
    'écrit : un import se fait en entier ou pas du tout. Relancez-le quand la base de données répond ; les adresses ' +
    'déjà invitées sont ignorées.',
  databaseUnreachable: (reason) => `impossible de joindre la base de données indiquée par DATABASE_URL (${reason}).`,
  interrupted: 'Interrompu : fermeture de la base de données...',
  backedUp: (path: string, megabytes: string) => `Base de données intégrée sauvegardée dans ${path} (${megabytes} Mo).`,
  backupNeedsEmbedded:
    'sesame backup copie la base de données intégrée ; avec DATABASE_URL, sauvegardez PostgreSQL avec pg_dump.',
  yes: 'oui',
  no: 'non',
  none: 'aucun',

  orgCreated: (name, id, owner, seats) =>
    `Organisation ${name} créée (id ${id}), propriétaire ${owner}, ${pluralFr(seats, 'place', 'places')}.`,
  createdOn: (date) => `créée le ${date}`,
  settingsHeading: 'Paramètres (à modifier avec `sesame org set <clé> <valeur>`) :',
  catalogueHeading: "Types d'utilisateur et rôles qu'ils autorisent :",
  adminRole: 'administrateur, jamais par invitation',
  defaultRole: (name) => `Rôle par défaut : ${name}.`,
  anyDomain: 'tous',
  settingChanged: (key, value) => `${key} vaut maintenant ${value}.`,

  invited: 'invitée',
  heldForApproval: (id) => `en attente d'approbation (demande de places ${id})`,
  alreadyInvited: "déjà invitée (l'invitation en cours est conservée)",
  refused: 'refusée',
  seatRequestHint: (id) =>
    `Au-delà de la limite de places : un responsable décide avec \`sesame requests approve ${id}\` (ou deny).`,

  memberAdded: (email, username, role, type) =>
    `${email} ajouté (nom d'utilisateur ${username}, rôle ${role}, type d'utilisateur ${type}) ; le mot de passe temporaire devra être changé à la première connexion.`,
  memberHeaders: ['Adresse', 'Nom', "Nom d'utilisateur", 'Rôle', "Type d'utilisateur", 'Accès', 'État', 'Depuis'],
  owner: 'propriétaire',
  manager: 'responsable',
  active: 'actif',
  mustChangePassword: 'doit changer son mot de passe',
  membersShown: (shown, total) =>
    shown === total ? pluralFr(total, 'membre', 'membres') : `${shown} membres affichés sur ${total} (voir --limit).`,
  accessField: { role: 'rôle', manager: 'responsable' },
  accessChanged: (email, field, value) => `${email} : ${field} vaut maintenant ${value}.`,
  accessUnchanged: (email, field, value) => `${email} : ${field} valait déjà ${value}.`,

  noInvitations: 'Aucune invitation ne correspond.',
  invitationHeaders: [
    'ID',
    'Adresse',
    'Nom',
    'État',
    'Rôle',
    "Type d'utilisateur",
    'Invitée par',
    'Dernier envoi',
    'Remise',
    'Expire',
  ],
  pendingFooter: (p, byType) =>
    `Page ${p.page}/${p.pages}, ${pluralFr(p.total, 'invitation', 'invitations')}. Ouvertes : ${p.counts.pending} en attente, ${p.counts.awaitingApproval} en attente d'approbation${byType ? ` (${byType})` : ''}.`,
  revoked: (email) => `Invitation à ${email} révoquée : son lien ne fonctionne plus.`,
  resent: (email, count, expires) =>
    `Invitation à ${email} renvoyée (envoi n° ${count}) ; elle expire maintenant le ${expires}.`,

  seatsUsed: 'Places utilisées',
  usedOf: (used, limit) => `${used} sur ${limit}`,
  seatsRemaining: 'Restantes',
  seatsMembers: 'Membres',
  seatsPending: 'Invitations en attente',
  seatsAwaiting: "En attente d'approbation",
  seatsOpenRequests: 'Demandes de places ouvertes',
  seatsByType: "Par type d'utilisateur",
  noSeatRequests: 'Aucune demande de places.',
  requestHeaders: ['ID', 'État', 'Places', 'Sorte', 'Limite', 'Demandée par', 'Le', 'Décidée par', 'Motif'],
  requestKind: { internal: 'abonnement', external: 'externes' },
  requestStatus: { PENDING: 'en attente', APPROVED: 'approuvée', DENIED: 'refusée', WITHDRAWN: 'retirée' },
  approved: (limit, n, kind) =>
    `Approuvée : la limite est maintenant de ${limit} places${kind === 'external' ? ' externes' : ''} ; ${pluralFr(n, 'invitation retenue envoyée', 'invitations retenues envoyées')}.`,
  denied: (n) => `Refusée : ${pluralFr(n, 'invitation retenue annulée', 'invitations retenues annulées')}.`,

  noEvents: "Aucun événement d'audit.",
  auditHeaders: ['Quand', 'Qui', 'Canal', 'Action', 'Détails'],

  upToDate: 'La base de données est à jour : aucune migration à appliquer.',
  appliedMigrations: (names) =>
    `${pluralFr(names.length, 'migration appliquée', 'migrations appliquées')} :\n  ${names.join('\n  ')}`,
  stillPending: (names) => `Encore en attente : ${names.join(', ')}`,

  progressLabel: (phase) => (phase === 'writing' ? 'Écriture des lignes' : 'Lecture des lignes'),
  standardInput: "l'entrée standard",
  at: (line, column) => (column ? `ligne ${line}, colonne ${column}` : `ligne ${line}`),
  dryRunSummary: (name, c) =>
    `Essai de ${name} : ${pluralFr(c.rows, 'ligne', 'lignes')}, ${pluralFr(c.valid, 'valide', 'valides')}, ${pluralFr(c.errors.length, 'erreur', 'erreurs')}. Rien n'a été écrit.\n` +
    `  à inviter ${c.toInvite}, à ajouter ${c.toAdd}, déjà invitées ${c.alreadyInvited}, déjà membres ${c.alreadyMembers}, retenues pour approbation ${c.wouldHold}`,
  importSummary: (name, c) =>
    `${name} importé (lot ${c.batchId}) : ${c.invited} invitées, ${c.added} ajoutées, ${c.alreadyInvited} déjà invitées, ${c.alreadyMembers} déjà membres, ${c.held} retenues pour approbation` +
    (c.errors.length > 0
      ? ` ; ${pluralFr(c.errors.length, 'ligne en erreur ignorée', 'lignes en erreur ignorées')}.`
      : '.'),
  errorsHeading: (n) => `${pluralFr(n, 'erreur', 'erreurs')} :`,
  warningsHeading: (n) => `${pluralFr(n, 'avertissement', 'avertissements')} :`,
};

const texts: Record<Locale, Texts> = { en, fr };

export const cliTexts = (locale: Locale): Texts => texts[locale];
