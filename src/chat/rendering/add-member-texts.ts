// The words of "add a member directly" in the chat channels (Slack mrkdwn; Teams converts it).
import type { Member } from '../../generated/prisma/client.js';
import type { Locale } from '../../i18n/locale.js';

const en = {
  addTitle: 'Add a member',
  addButton: 'Add',
  addIntro:
    'The member is created at once, without an invitation. Sesame chooses a temporary password and shows it to you once: give it to them; they replace it at first login.',
  emailLabel: 'E-mail address',
  firstNameLabel: 'First name',
  lastNameLabel: 'Last name',
  usernameLabel: 'Username',
  usernameHint: '6 to 128 letters, digits, ".", "_" or "@". Optional: made from the e-mail address when left empty.',
  adding: 'Adding the member…',
  added: (name: string, email: string, username: string) => `✅ *${name}* (${email}) is a member, as \`${username}\`.`,
  enterpriseNote: (label: string) =>
    `No temporary password: they sign in with ${label}, their enterprise login. Sesame sent them an e-mail saying so.`,
  passwordHeading: 'Temporary password, shown only this once:',
  passwordNote:
    'Give it to them in person or by another channel than e-mail. They received an e-mail saying their account exists, and must choose their own password at first login.',
  notAdded: 'The member was not added:',
  reissueTitle: 'Temporary password',
  reissuing: 'Issuing a new temporary password…',
  reissued: (name: string, email: string) =>
    `🔑 A new temporary password for *${name}* (${email}); the previous one no longer works.`,
  reissueNote: 'Give it to them in person or by another channel than e-mail; they choose their own at first login.',
  notReissued: 'No new password was issued:',
  passwordNotShown: (email: string) =>
    `${email} was added, but their temporary password could not be shown. Type \`/invite password ${email}\` for a new one.`,
  reissueButton: 'Show a new temporary password',
  reissueIntro: (email: string) =>
    `A new temporary password for ${email} is shown once, in a dialog; the previous one stops working.`,
  openAddForm: 'Open the add form',
};

type AddMemberTexts = typeof en;

const fr: AddMemberTexts = {
  addTitle: 'Ajouter un membre',
  addButton: 'Ajouter',
  addIntro:
    'Le membre est créé tout de suite, sans invitation. Sesame choisit un mot de passe temporaire et vous le montre une seule fois : transmettez-le ; il le remplacera à sa première connexion.',
  emailLabel: 'Adresse électronique',
  firstNameLabel: 'Prénom',
  lastNameLabel: 'Nom',
  usernameLabel: "Nom d'utilisateur",
  usernameHint:
    "6 à 128 lettres, chiffres, « . », « _ » ou « @ ». Facultatif : tiré de l'adresse électronique s'il est laissé vide.",
  adding: 'Ajout du membre…',
  added: (name: string, email: string, username: string) =>
    `✅ *${name}* (${email}) est membre, sous le nom \`${username}\`.`,
  enterpriseNote: (label: string) =>
    `Pas de mot de passe temporaire : le membre se connecte avec ${label}, sa connexion d'entreprise. Sesame lui a envoyé un e-mail pour le lui dire.`,
  passwordHeading: 'Mot de passe temporaire, affiché cette seule fois :',
  passwordNote:
    "Transmettez-le en personne ou par un autre moyen que l'e-mail. Le membre a reçu un e-mail lui disant que son compte existe ; il choisira son propre mot de passe à sa première connexion.",
  notAdded: "Le membre n'a pas été ajouté :",
  reissueTitle: 'Mot de passe temporaire',
  reissuing: "Émission d'un nouveau mot de passe temporaire…",
  reissued: (name: string, email: string) =>
    `🔑 Un nouveau mot de passe temporaire pour *${name}* (${email}) ; le précédent ne fonctionne plus.`,
  reissueNote:
    "Transmettez-le en personne ou par un autre moyen que l'e-mail ; le membre choisira le sien à sa première connexion.",
  notReissued: "Aucun nouveau mot de passe n'a été émis :",
  passwordNotShown: (email: string) =>
    `${email} a été ajouté, mais son mot de passe temporaire n'a pas pu être affiché. Tapez \`/invite motdepasse ${email}\` pour en obtenir un nouveau.`,
  reissueButton: 'Afficher un nouveau mot de passe temporaire',
  reissueIntro: (email: string) =>
    `Un nouveau mot de passe temporaire pour ${email} s'affiche une seule fois, dans une fenêtre ; le précédent cesse de fonctionner.`,
  openAddForm: "Ouvrir le formulaire d'ajout",
};

export const addMemberTexts = (locale: Locale): AddMemberTexts => (locale === 'fr' ? fr : en);

/** What the result says of the member: their names (else their address), address and username. */
export const shownMember = (member: Member) => ({
  name: [member.firstName, member.lastName].filter(Boolean).join(' ') || member.email,
  email: member.email,
  username: member.username ?? '',
});
