// The words only Teams says, in English and French (Teams Markdown after toTeamsMarkdown): where the
// chat texts shared with Slack speak of `/invite`, a workspace or Slack's permissions, Teams users
// read their own commands and their tenant; and what is said when Teams itself fails.
import type { Locale } from '../i18n/locale.js';

const en = {
  required: (label: string) => `Fill in “${label}”.`,
  teamsUnreachable:
    'Sesame could not reach Microsoft Teams to read your profile, so it cannot tell who you are yet. Nothing was done: try again in a moment.',
  noTeamsEmail:
    'Sesame could not read an e-mail address on your Microsoft Teams profile, and it needs one to know who you are. Ask your Teams administrator to check your account’s e-mail address.',
  badSubmission:
    'This card or form sent values Sesame cannot read, so nothing was done. Type the command again for a fresh one.',
  unknownButton: 'This button is no longer in use: type the command again for a fresh card.',
  unknownForm: 'This form is no longer in use: type the command again for a fresh one.',
  usage: (problem: string) => `I did not understand "${problem}". Type \`help\` for the commands.`,
  linked: (org: string) => `This Microsoft Teams tenant is now linked to ${org}.`,
  alreadyLinked: (org: string) => `This Microsoft Teams tenant is already linked to the organization ${org}.`,
  linkCodeInvalid:
    'This link code is unknown, already used or expired. Ask your Sesame operator for a new one (`sesame teams link`).',
  importDraftGone: 'This import is no longer available: send the file again with a message that says `import`.',
  welcomePersonal:
    'Hello, I am Sesame: I invite people to your organization. Type `help` for the commands. Notifications about the invitations you send come here.',
  undeliverable: (email: string) =>
    `⚠️ The invitation e-mail to ${email} could not be sent after several attempts. Check the address, then type \`resend ${email}\`.`,
  /** A list cut to fit in one Teams message. */
  andMore: (count: number) =>
    `…and ${count} more: type \`pending\` to list the invitations (or \`sesame pending\` on Sesame's server).`,
  moreRowErrors: (count: number) =>
    `…and ${count} more ${count === 1 ? 'row' : 'rows'} with an error: \`sesame import --dry-run\` on Sesame's server lists them all.`,
  /** The work was done, but Teams refused the answer (too long, or unreachable a moment). */
  doneNotShown:
    'Done, but Teams did not take the full answer. Type `pending` to see the invitations; nothing needs doing again.',
  /** The company field's hint (the shared one names Slack's `/invite companies`). */
  companyHint: 'Only a secured company, or a subsidiary of one, can be chosen. Type `companies` to see the tree.',
  /** The same, when the companies are too many to list and the company is typed. */
  companyTypedHint:
    'Type its name, or its path when several companies share the name (Groupe JLO/JLO PARIS). Only a secured company, or a subsidiary of one, can be named. Type `companies` to see the tree.',
};

export type TeamsTexts = typeof en;

const fr: TeamsTexts = {
  required: (label) => `Renseignez « ${label} ».`,
  teamsUnreachable:
    "Sesame n'a pas pu joindre Microsoft Teams pour lire votre profil : il ne sait donc pas encore qui vous êtes. Rien n'a été fait : réessayez dans un instant.",
  noTeamsEmail:
    "Sesame n'a pas pu lire d'adresse électronique sur votre profil Microsoft Teams ; il en a besoin pour savoir qui vous êtes. Demandez à votre administrateur Teams de vérifier l'adresse de votre compte.",
  badSubmission:
    'Cette carte ou ce formulaire a envoyé des valeurs que Sesame ne sait pas lire : rien n’a été fait. Tapez à nouveau la commande pour en obtenir un nouveau.',
  unknownButton: 'Ce bouton n’est plus utilisé : tapez à nouveau la commande pour obtenir une nouvelle carte.',
  unknownForm: 'Ce formulaire n’est plus utilisé : tapez à nouveau la commande pour en obtenir un nouveau.',
  usage: (problem) => `Je n'ai pas compris « ${problem} ». Tapez \`aide\` pour voir les commandes.`,
  linked: (org) => `Ce locataire Microsoft Teams est désormais lié à ${org}.`,
  alreadyLinked: (org) => `Ce locataire Microsoft Teams est déjà lié à l'organisation ${org}.`,
  linkCodeInvalid:
    'Ce code de liaison est inconnu, déjà utilisé ou expiré. Demandez-en un nouveau à votre opérateur Sesame (`sesame teams link`).',
  importDraftGone: "Cet import n'est plus disponible : envoyez à nouveau le fichier avec un message qui dit `import`.",
  welcomePersonal:
    "Bonjour, je suis Sesame : j'invite des personnes dans votre organisation. Tapez `aide` pour voir les commandes. Les nouvelles des invitations que vous envoyez arrivent ici.",
  undeliverable: (email) =>
    `⚠️ L'e-mail d'invitation à ${email} n'a pas pu être envoyé après plusieurs tentatives. Vérifiez l'adresse, puis tapez \`resend ${email}\`.`,
  andMore: (count) =>
    `…et ${count} de plus : tapez \`pending\` pour lister les invitations (ou \`sesame pending\` sur le serveur de Sesame).`,
  moreRowErrors: (count) =>
    `…et ${count} ${count === 1 ? 'autre ligne' : 'autres lignes'} en erreur : \`sesame import --dry-run\` sur le serveur de Sesame les liste toutes.`,
  doneNotShown:
    "C'est fait, mais Teams n'a pas accepté la réponse complète. Tapez `pending` pour voir les invitations ; rien n'est à refaire.",
  companyHint:
    'Seule une société sécurisée, ou une filiale d’une société sécurisée, peut être choisie. Tapez `sociétés` pour voir l’arbre.',
  companyTypedHint:
    'Tapez son nom, ou son chemin si plusieurs sociétés portent ce nom (Groupe JLO/JLO PARIS). Seule une société sécurisée, ou une filiale d’une société sécurisée, peut être nommée. Tapez `sociétés` pour voir l’arbre.',
};

export const teamsTexts = (locale: Locale): TeamsTexts => (locale === 'fr' ? fr : en);
