// The chat channels' own words (buttons, headings, summaries, notifications) in English and French,
// written in Slack's mrkdwn (*bold*, `code`); Teams converts it (src/teams/markdown.ts). Refusals
// come from the domain's messages (src/i18n) and are rendered from their codes.
import type { Locale } from '../../i18n/locale.js';
import type { RunImportResult } from '../../imports/run-import.js';
import type { SeatKind } from '../../seats/seat-usage.js';

const counted = (count: number, one: string, many: string, locale: Locale) =>
  `${count} ${count === 1 || (locale === 'fr' && count === 0) ? one : many}`;

/** What an import's final message counts (a run's result). */
type ImportCounts = Pick<
  RunImportResult,
  'invited' | 'held' | 'added' | 'alreadyInvited' | 'alreadyMembers' | 'errors'
>;

/** A count of a seat request's seats, named by kind: "2 extra seats", "2 places externes". */
const seatsOf = (count: number, kind: SeatKind, locale: Locale, extra = false) => {
  const external = kind === 'external';
  if (locale === 'fr') {
    const word = `place${external ? ' externe' : ''}${extra ? ' supplémentaire' : ''}`;
    return counted(count, word, word.replace(/(place|externe|supplémentaire)/g, '$1s'), 'fr');
  }
  const word = `${extra ? 'extra ' : ''}${external ? 'external ' : ''}seat`;
  return counted(count, word, `${word}s`, 'en');
};

const en = {
  inviteTitle: 'Invite people',
  send: 'Invite',
  cancel: 'Cancel',
  close: 'Close',
  emailsLabel: 'E-mail addresses',
  emailsHint: 'One or more, separated by commas, spaces or new lines.',
  roleLabel: 'Role',
  userTypeLabel: 'User type',
  userTypeHint: 'The roles offered depend on the user type.',
  groupsLabel: 'Groups',
  groupsHint: 'Separated by commas.',
  messageLabel: 'Personal message',
  messageHint: 'Added to the invitation e-mail.',
  mustUseEmailLabel: 'Enrollment',
  mustUseEmailOption: 'The invitee must enroll with this exact address',
  emailsMissing: 'Type at least one e-mail address.',
  working: 'Working on it…',

  invited: 'invited',
  held: 'held for approval',
  alreadyInvited: 'already invited (kept as it is)',
  refused: 'refused',
  inviteHeading: (count: number) => `*Invitations*: ${counted(count, 'address', 'addresses', 'en')}`,
  heldNote: 'Beyond the seat limit: the managers were asked to approve the extra seats; you will be told their answer.',

  pendingHeading: (total: number, page: number, pages: number) =>
    `*Invitations*: ${counted(total, 'match', 'matches', 'en')} (page ${page} of ${pages})`,
  pendingCounts: (pending: number, held: number) => `${pending} pending · ${held} awaiting approval`,
  pendingEmpty: 'No invitation matches.',
  /** `company`: an external invitation's company (already escaped for the channel). */
  pendingRow: (status: string, role: string, type: string, by: string, expires: string, company?: string | null) =>
    `${status} · ${role} · ${type}${company ? ` · external for ${company}` : ''} · by ${by} · expires ${expires}`,
  resend: 'Resend',
  revoke: 'Revoke',
  previous: 'Previous',
  next: 'Next',
  revokeConfirmTitle: 'Revoke this invitation?',
  revokeConfirm: (email: string) => `The link sent to ${email} will stop working at once, and its seat is freed.`,
  resent: (email: string) => `Invitation to ${email} sent again.`,
  revoked: (email: string) => `Invitation to ${email} revoked: the link no longer works.`,

  seatsHeading: (org: string) => `*Seats of ${org}*`,
  seatsLine: (used: number, limit: number, remaining: number) => `${used} of ${limit} used · ${remaining} remaining`,
  seatsDetail: (members: number, pending: number, held: number, requests: number) =>
    `${members} members · ${pending} pending invitations · ${held} awaiting approval (${counted(requests, 'open request', 'open requests', 'en')})`,
  byUserType: 'By user type',

  seatRequestTitle: 'Seat request',
  seatRequestText: (by: string, seats: number, org: string, kind: SeatKind = 'internal') =>
    `*${by}* asks for ${seatsOf(seats, kind, 'en', true)} in ${org}.`,
  seatRequestFor: 'For',
  seatRequestCompanies: 'Companies',
  externalSeatsLabel: 'External seats',
  andMore: (count: number) => `and ${count} more`,
  seatsBeforeAfter: (before: number, after: number, kind: SeatKind = 'internal') =>
    `${kind === 'external' ? 'External seats' : 'Seats'}: ${before} → ${after}`,
  billingNotice: (seats: number, kind: SeatKind = 'internal') =>
    `Approving adds ${seatsOf(seats, kind, 'en')} ${kind === 'external' ? "(apart from the plan's)" : 'to the plan'}; they are billed from the next invoice.`,
  approve: 'Approve',
  deny: 'Deny',
  approveConfirm: (seats: number, after: number, kind: SeatKind = 'internal') =>
    `Add ${seatsOf(seats, kind, 'en')} (${after} in all)?`,
  denyTitle: 'Deny the seat request',
  denyReasonLabel: 'Reason (sent to the requester)',
  approved: (by: string, after: number, kind: SeatKind = 'internal') =>
    kind === 'external'
      ? `✅ Approved by ${by}: the organization now has ${seatsOf(after, kind, 'en')}.`
      : `✅ Approved by ${by}: the plan now has ${after} seats.`,
  denied: (by: string, reason: string) => `❌ Denied by ${by}: ${reason}`,
  decisionDm: (approved: boolean, seats: number, by: string, reason: string | null, kind: SeatKind = 'internal') =>
    approved
      ? `✅ Your request for ${seatsOf(seats, kind, 'en')} was approved by ${by}: the held invitations are on their way.`
      : `❌ Your request for ${seatsOf(seats, kind, 'en')} was denied by ${by}: ${reason ?? ''}. The held invitations were cancelled.`,

  accepted: (email: string) => `✅ ${email} accepted your invitation and joined.`,
  expired: (email: string) => `⌛ Your invitation to ${email} expired without an answer. Invite again if needed.`,
  bounced: (email: string, detail: string) =>
    `⚠️ The invitation e-mail to ${email} could not be delivered (${detail}). Check the address.`,
  undeliverable: (email: string) =>
    `⚠️ The invitation e-mail to ${email} could not be sent after several attempts. Try \`/invite resend ${email}\`.`,

  importTitle: 'Import people',
  importCheck: 'Check',
  importFileLabel: 'CSV file',
  importFileHint:
    'A header row (Email, First Name, Last Name, User Type, Role… in English or French), separated by commas, semicolons or tabs.',
  importPasteLabel: 'Or paste the rows',
  importChecking: 'Checking every row…',
  importReviewTitle: 'Review the import',
  importConfirm: (count: number) => `Import ${count}`,
  importSummary: (rows: number, valid: number, errors: number) =>
    `*${counted(rows, 'row', 'rows', 'en')}* read: ${valid} valid, ${counted(errors, 'error', 'errors', 'en')}.`,
  importPlan: (invite: number, add: number, already: number, hold: number) =>
    `To invite: ${invite} · to add directly: ${add} · already invited or members: ${already}${hold ? ` · held for approval (beyond the seats): ${hold}` : ''}`,
  importErrorsHeading: 'Rows with an error (they will be skipped; fix the file and upload it again to include them):',
  importErrorLine: (line: number, column: string, message: string) => `Line ${line}, ${column}: ${message}`,
  importMoreErrors: (count: number) => `…and ${counted(count, 'more error', 'more errors', 'en')}.`,
  importNothing: 'No valid row to import: fix the file and upload it again.',
  importProgress: (done: number, total: number | undefined, phase: string) =>
    `⏳ Import in progress: ${phase === 'reading' ? 'reading' : 'writing'} ${done}${total ? ` of ${total}` : ''} rows…`,
  importDone: (r: ImportCounts) =>
    `✅ Import done: ${r.invited} invited, ${r.held} held for approval, ${r.added} added directly, ${r.alreadyInvited + r.alreadyMembers} already there, ${counted(r.errors.length, 'row', 'rows', 'en')} skipped.`,
  importFailed: 'The import stopped before writing anything:',

  setupTitle: 'Create an organization',
  setupNameLabel: 'Organization name',
  setupSeatsLabel: 'Seats in the plan',
  setupDone: (org: string) =>
    `This workspace is now linked to ${org}, and you are its owner. Type \`/invite help\` to see what you can do.`,
  linked: (org: string) => `This workspace is now linked to ${org}.`,
  homeTitle: 'Sesame',
  homePending: 'Pending invitations',
  homeHelp: 'Type `/invite help` in any channel for every command.',
  openInviteForm: 'Open the invite form',
  teamsWelcome:
    'Hello, I am Sesame: I invite people to your organization. Type `help` for the commands. An owner who wants this channel to receive the seat requests types `settings` here (mention me first).',
  teamsWelcomeAdopted:
    "Hello, I am Sesame: I invite people to your organization. Type `help` for the commands. As you are an owner and no managers' channel was chosen yet, this channel now receives the seat requests. To choose another one, type `settings` there (mention me first).",
  importAttach: 'Attach a CSV file to a message that says `import` (in your personal chat with Sesame).',
  settingsInChannel:
    'Type `settings` in the team channel that should receive the seat requests (mention @Sesame there).',
  managersChannelSet: 'This channel now receives the seat requests for the managers.',
  settingsTitle: 'Sesame settings',
  managersChannelLabel: "Managers' channel",
  managersChannelHint: 'Seat requests are posted there for the managers to approve or deny. Invite the bot to it.',
  settingsSaved: (channel: string) => `Seat requests will be posted in <#${channel}>.`,
  save: 'Save',
  unexpected: 'Something went wrong on our side; nothing was lost. Try again in a moment.',
  usage: (problem: string) => `I did not understand "${problem}". Type \`/invite help\` for the commands.`,
  leftOut: (count: number) => `… (${counted(count, 'more character', 'more characters', 'en')})`,
};

export type ChatTexts = typeof en;

const fr: ChatTexts = {
  inviteTitle: 'Inviter des personnes',
  send: 'Inviter',
  cancel: 'Annuler',
  close: 'Fermer',
  emailsLabel: 'Adresses électroniques',
  emailsHint: 'Une ou plusieurs, séparées par des virgules, des espaces ou des retours à la ligne.',
  roleLabel: 'Rôle',
  userTypeLabel: "Type d'utilisateur",
  userTypeHint: "Les rôles proposés dépendent du type d'utilisateur.",
  groupsLabel: 'Groupes',
  groupsHint: 'Séparés par des virgules.',
  messageLabel: 'Message personnel',
  messageHint: "Ajouté à l'e-mail d'invitation.",
  mustUseEmailLabel: 'Inscription',
  mustUseEmailOption: "La personne invitée doit s'inscrire avec cette adresse exacte",
  emailsMissing: 'Saisissez au moins une adresse électronique.',
  working: 'En cours…',

  invited: 'invitée',
  held: "en attente d'approbation",
  alreadyInvited: 'déjà invitée (invitation conservée)',
  refused: 'refusée',
  inviteHeading: (count) => `*Invitations* : ${counted(count, 'adresse', 'adresses', 'fr')}`,
  heldNote:
    'Au-delà du nombre de places : les responsables doivent approuver les places supplémentaires ; vous serez prévenu de leur réponse.',

  pendingHeading: (total, page, pages) =>
    `*Invitations* : ${counted(total, 'résultat', 'résultats', 'fr')} (page ${page} sur ${pages})`,
  pendingCounts: (pending, held) => `${pending} en attente · ${held} en attente d'approbation`,
  pendingEmpty: 'Aucune invitation ne correspond.',
  pendingRow: (status, role, type, by, expires, company) =>
    `${status} · ${role} · ${type}${company ? ` · externe pour ${company}` : ''} · par ${by} · expire le ${expires}`,
  resend: 'Renvoyer',
  revoke: 'Révoquer',
  previous: 'Précédent',
  next: 'Suivant',
  revokeConfirmTitle: 'Révoquer cette invitation ?',
  revokeConfirm: (email) => `Le lien envoyé à ${email} cessera aussitôt de fonctionner, et sa place sera libérée.`,
  resent: (email) => `Invitation à ${email} renvoyée.`,
  revoked: (email) => `Invitation à ${email} révoquée : le lien ne fonctionne plus.`,

  seatsHeading: (org) => `*Places de ${org}*`,
  seatsLine: (used, limit, remaining) => `${used} sur ${limit} utilisées · ${remaining} restantes`,
  seatsDetail: (members, pending, held, requests) =>
    `${members} membres · ${pending} invitations en attente · ${held} en attente d'approbation (${counted(requests, 'demande ouverte', 'demandes ouvertes', 'fr')})`,
  byUserType: "Par type d'utilisateur",

  seatRequestTitle: 'Demande de places',
  seatRequestText: (by, seats, org, kind = 'internal') =>
    `*${by}* demande ${seatsOf(seats, kind, 'fr', true)} pour ${org}.`,
  seatRequestFor: 'Pour',
  seatRequestCompanies: 'Sociétés',
  externalSeatsLabel: 'Places externes',
  andMore: (count) => `et ${count} autres`,
  seatsBeforeAfter: (before, after, kind = 'internal') =>
    `${kind === 'external' ? 'Places externes' : 'Places'} : ${before} → ${after}`,
  billingNotice: (seats, kind = 'internal') =>
    `Approuver ajoute ${seatsOf(seats, kind, 'fr')} ${kind === 'external' ? "(à part de celles de l'abonnement)" : "à l'abonnement"} ; elles seront facturées dès la prochaine facture.`,
  approve: 'Approuver',
  deny: 'Refuser',
  approveConfirm: (seats, after, kind = 'internal') => `Ajouter ${seatsOf(seats, kind, 'fr')} (${after} au total) ?`,
  denyTitle: 'Refuser la demande',
  denyReasonLabel: 'Motif (envoyé au demandeur)',
  approved: (by, after, kind = 'internal') =>
    kind === 'external'
      ? `✅ Approuvée par ${by} : l'organisation compte désormais ${seatsOf(after, kind, 'fr')}.`
      : `✅ Approuvée par ${by} : l'abonnement compte désormais ${after} places.`,
  denied: (by, reason) => `❌ Refusée par ${by} : ${reason}`,
  decisionDm: (approved, seats, by, reason, kind = 'internal') =>
    approved
      ? `✅ Votre demande de ${seatsOf(seats, kind, 'fr')} a été approuvée par ${by} : les invitations retenues partent.`
      : `❌ Votre demande de ${seatsOf(seats, kind, 'fr')} a été refusée par ${by} : ${reason ?? ''}. Les invitations retenues ont été annulées.`,

  accepted: (email) => `✅ ${email} a accepté votre invitation et a rejoint l'organisation.`,
  expired: (email) => `⌛ Votre invitation à ${email} a expiré sans réponse. Invitez à nouveau si besoin.`,
  bounced: (email, detail) =>
    `⚠️ L'e-mail d'invitation à ${email} n'a pas pu être remis (${detail}). Vérifiez l'adresse.`,
  undeliverable: (email) =>
    `⚠️ L'e-mail d'invitation à ${email} n'a pas pu être envoyé après plusieurs tentatives. Essayez \`/invite resend ${email}\`.`,

  importTitle: 'Importer des personnes',
  importCheck: 'Vérifier',
  importFileLabel: 'Fichier CSV',
  importFileHint:
    "Une ligne d'en-tête (Adresse électronique, Prénom, Nom, Type d'utilisateur, Rôle… en français ou en anglais), séparateur virgule, point-virgule ou tabulation.",
  importPasteLabel: 'Ou collez les lignes',
  importChecking: 'Vérification de chaque ligne…',
  importReviewTitle: "Vérifier l'import",
  importConfirm: (count) => `Importer ${count}`,
  importSummary: (rows, valid, errors) =>
    `*${counted(rows, 'ligne lue', 'lignes lues', 'fr')}* : ${valid} valides, ${counted(errors, 'erreur', 'erreurs', 'fr')}.`,
  importPlan: (invite, add, already, hold) =>
    `À inviter : ${invite} · à ajouter directement : ${add} · déjà invitées ou membres : ${already}${hold ? ` · en attente d'approbation (au-delà des places) : ${hold}` : ''}`,
  importErrorsHeading:
    'Lignes en erreur (elles seront ignorées ; corrigez le fichier et chargez-le à nouveau pour les inclure) :',
  importErrorLine: (line, column, message) => `Ligne ${line}, ${column} : ${message}`,
  importMoreErrors: (count) => `…et ${counted(count, 'autre erreur', 'autres erreurs', 'fr')}.`,
  importNothing: 'Aucune ligne valide à importer : corrigez le fichier et chargez-le à nouveau.',
  importProgress: (done, total, phase) =>
    `⏳ Import en cours : ${phase === 'reading' ? 'lecture' : 'écriture'} de ${done}${total ? ` sur ${total}` : ''} lignes…`,
  importDone: (r) =>
    `✅ Import terminé : ${r.invited} invitées, ${r.held} en attente d'approbation, ${r.added} ajoutées directement, ${r.alreadyInvited + r.alreadyMembers} déjà présentes, ${counted(r.errors.length, 'ligne ignorée', 'lignes ignorées', 'fr')}.`,
  importFailed: "L'import s'est arrêté avant d'écrire quoi que ce soit :",

  setupTitle: 'Créer une organisation',
  setupNameLabel: "Nom de l'organisation",
  setupSeatsLabel: "Places de l'abonnement",
  setupDone: (org) =>
    `Cet espace de travail est désormais lié à ${org}, dont vous êtes propriétaire. Tapez \`/invite aide\` pour voir ce que vous pouvez faire.`,
  linked: (org) => `Cet espace de travail est désormais lié à ${org}.`,
  homeTitle: 'Sesame',
  homePending: 'Invitations en cours',
  homeHelp: 'Tapez `/invite aide` dans n’importe quel canal pour voir toutes les commandes.',
  openInviteForm: "Ouvrir le formulaire d'invitation",
  teamsWelcome:
    "Bonjour, je suis Sesame : j'invite des personnes dans votre organisation. Tapez `aide` pour voir les commandes. Un propriétaire qui veut que ce canal reçoive les demandes de places tape ici `settings` (en me mentionnant d'abord).",
  teamsWelcomeAdopted:
    "Bonjour, je suis Sesame : j'invite des personnes dans votre organisation. Tapez `aide` pour voir les commandes. Comme vous êtes propriétaire et qu'aucun canal des responsables n'était choisi, ce canal reçoit désormais les demandes de places. Pour en choisir un autre, tapez-y `settings` (en me mentionnant d'abord).",
  importAttach:
    'Joignez un fichier CSV à un message qui dit `import` (dans votre conversation personnelle avec Sesame).',
  settingsInChannel:
    'Tapez `settings` dans le canal d’équipe qui doit recevoir les demandes de places (en y mentionnant @Sesame).',
  managersChannelSet: 'Ce canal reçoit désormais les demandes de places pour les responsables.',
  settingsTitle: 'Paramètres Sesame',
  managersChannelLabel: 'Canal des responsables',
  managersChannelHint:
    "Les demandes de places y sont publiées pour que les responsables les approuvent ou les refusent. Invitez-y l'application.",
  settingsSaved: (channel) => `Les demandes de places seront publiées dans <#${channel}>.`,
  save: 'Enregistrer',
  unexpected: "Un problème est survenu de notre côté ; rien n'a été perdu. Réessayez dans un instant.",
  usage: (problem) => `Je n'ai pas compris « ${problem} ». Tapez \`/invite aide\` pour voir les commandes.`,
  leftOut: (count) => `… (${counted(count, 'caractère de plus', 'caractères de plus', 'fr')})`,
};

export const chatTexts = (locale: Locale): ChatTexts => (locale === 'fr' ? fr : en);
