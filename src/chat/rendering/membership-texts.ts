// Hints are plain text in Slack (no mrkdwn): commands in them are quoted, not in backticks.
// The chat forms' words for how a member joins and for whom: the sign-in method (password or the
// organization's enterprise login), internal or external membership, the partner company, the
// Enterprise ID of a direct add, and the companies' tree. Slack mrkdwn, as texts.ts (Teams
// converts it). Kept apart from texts.ts so that each capability's words stay findable.

import { checkUsername } from '../../forms/username.js';
import type { JoinMode } from '../../generated/prisma/client.js';
import type { Locale } from '../../i18n/locale.js';
import { renderNotice } from '../../i18n/messages.js';

const en = {
  signInLabel: 'Sign-in method',
  signInPassword: 'A password of their choosing',
  signInEnterprise: (label: string) => `Continue with ${label} (enterprise login)`,
  signInHint: (joinMode: JoinMode): string =>
    joinMode === 'EITHER'
      ? 'With the enterprise login, invitees may still choose a password: the organization allows both.'
      : 'With the enterprise login, invitees join by signing in with the organization’s identity provider, and the address it sends must be the invited one.',
  kindLabel: 'Membership',
  kindInternal: 'Internal: a member of the organization',
  kindExternal: 'External: from a partner company',
  companyLabel: 'Company (external members only)',
  companyHint: 'Only a secured company, or a subsidiary of one, can be chosen. “/invite companies” shows the tree.',
  companyNotSecured: (path: string) => `${path} (not secured)`,
  companyNone: 'No partner company yet: an owner or administrator adds one with `sesame companies add <name>`.',
  companyNeeded: 'An external member belongs to a partner company: choose it.',
  companyTypedHint:
    'Type its name, or its path when several companies share the name (Groupe JLO/JLO PARIS). Only a secured company, or a subsidiary of one, can be named. “/invite companies” shows the tree.',
  companyForInternal: 'A company is for external members only: choose External, or clear the company.',
  enterpriseIdLabel: 'Enterprise ID (instead of a temporary password)',
  usernameWithEnterpriseId:
    'Leave the username empty with an Enterprise ID: the member signs in with the enterprise login, and their username is made from the e-mail address.',
  inviteUsernameLabel: 'Username (one address only: the e-mail states it; it cannot be changed afterwards)',
  inviteUsernameHint: '6 to 128 letters, digits, ".", "_" or "@". Optional: left empty, the invitee chooses their own.',
  usernameOneAddressOnly: 'A username is for one address only: invite a single address, or leave the username empty.',
  enterpriseIdHint: (label: string) =>
    `The member's ID in ${label}: they sign in with it, with no password. A wrong ID makes an account nobody can use: copy it from the identity provider. It can be corrected until the first sign-in (\`sesame sso set-id\`).`,
  companiesHeading: (count: number) => `*Partner companies* (${count})`,
  companiesLegend: '🔒 secured · ✅ covered by a secured parent · ⚠️ not secured: its people cannot be invited',
  companySecured: '🔒',
  companyCovered: '✅',
  companyUncovered: '⚠️',
  externalSeatsHeading: '*External seats* (people of partner companies)',
  externalSeatsDetail: (members: number, pending: number, held: number) =>
    `${members} external members · ${pending} pending invitations · ${held} awaiting approval`,
  seatsSignIn: (login: { label: string; joinMode: JoinMode } | null): string =>
    !login
      ? 'Members join with a password.'
      : login.joinMode === 'EITHER'
        ? `Members join with ${login.label} or a password.`
        : login.joinMode === 'ENTERPRISE'
          ? `Members join with ${login.label} (enterprise login).`
          : `Members join with a password (${login.label} is configured; enterprise invitations use it).`,
};

type MembershipTexts = typeof en;

const fr: MembershipTexts = {
  signInLabel: 'Méthode de connexion',
  signInPassword: 'Un mot de passe choisi par la personne',
  signInEnterprise: (label) => `Continuer avec ${label} (connexion d’entreprise)`,
  signInHint: (joinMode) =>
    joinMode === 'EITHER'
      ? 'Avec la connexion d’entreprise, la personne peut encore choisir un mot de passe : l’organisation accepte les deux.'
      : 'Avec la connexion d’entreprise, la personne rejoint en se connectant au fournisseur d’identité de l’organisation, et l’adresse qu’il transmet doit être celle invitée.',
  kindLabel: 'Appartenance',
  kindInternal: 'Interne : membre de l’organisation',
  kindExternal: 'Externe : d’une société partenaire',
  companyLabel: 'Société (membres externes seulement)',
  companyHint:
    'Seule une société sécurisée, ou une filiale d’une société sécurisée, peut être choisie. « /invite companies » montre l’arbre.',
  companyNotSecured: (path) => `${path} (non sécurisée)`,
  companyNone:
    'Aucune société partenaire pour l’instant : un propriétaire ou un administrateur en ajoute une avec `sesame companies add <nom>`.',
  companyNeeded: 'Un membre externe appartient à une société partenaire : choisissez-la.',
  companyTypedHint:
    'Tapez son nom, ou son chemin si plusieurs sociétés portent ce nom (Groupe JLO/JLO PARIS). Seule une société sécurisée, ou une filiale d’une société sécurisée, peut être nommée. « /invite companies » montre l’arbre.',
  companyForInternal:
    'Une société ne se choisit que pour un membre externe : choisissez Externe, ou retirez la société.',
  enterpriseIdLabel: 'ID d’entreprise (au lieu d’un mot de passe temporaire)',
  usernameWithEnterpriseId:
    'Laissez le nom d’utilisateur vide avec un ID d’entreprise : le membre se connecte avec la connexion d’entreprise, et son nom d’utilisateur est tiré de l’adresse électronique.',
  inviteUsernameLabel: "Nom d'utilisateur (une seule adresse : l'e-mail l'indique ; il ne pourra plus être changé)",
  inviteUsernameHint:
    '6 à 128 lettres, chiffres, « . », « _ » ou « @ ». Facultatif : laissé vide, la personne invitée choisit le sien.',
  usernameOneAddressOnly:
    "Un nom d'utilisateur ne vaut que pour une adresse : invitez une seule adresse, ou laissez le nom d'utilisateur vide.",
  enterpriseIdHint: (label) =>
    `L’identifiant du membre dans ${label} : il se connecte avec, sans mot de passe. Un ID erroné crée un compte inutilisable : copiez-le depuis le fournisseur d’identité. Il peut être corrigé jusqu’à la première connexion (\`sesame sso set-id\`).`,
  companiesHeading: (count) => `*Sociétés partenaires* (${count})`,
  companiesLegend:
    '🔒 sécurisée · ✅ couverte par une société mère sécurisée · ⚠️ non sécurisée : ses collaborateurs ne peuvent pas être invités',
  companySecured: '🔒',
  companyCovered: '✅',
  companyUncovered: '⚠️',
  externalSeatsHeading: '*Places externes* (personnes des sociétés partenaires)',
  externalSeatsDetail: (members, pending, held) =>
    `${members} membres externes · ${pending} invitations en attente · ${held} en attente d’approbation`,
  seatsSignIn: (login) =>
    !login
      ? 'Les membres rejoignent avec un mot de passe.'
      : login.joinMode === 'EITHER'
        ? `Les membres rejoignent avec ${login.label} ou un mot de passe.`
        : login.joinMode === 'ENTERPRISE'
          ? `Les membres rejoignent avec ${login.label} (connexion d’entreprise).`
          : `Les membres rejoignent avec un mot de passe (${login.label} est configuré ; les invitations d’entreprise l’utilisent).`,
};

export const membershipTexts = (locale: Locale): MembershipTexts => (locale === 'fr' ? fr : en);

/**
 * What is wrong with the username an invite form reserves (shown on that field), or undefined:
 * the username rule, then one address only, as the domain's invite refuses them.
 */
export function inviteUsernameProblem(username: string | undefined, emails: string[], locale: Locale) {
  if (!username?.trim()) return undefined;
  const checked = checkUsername(username);
  if (!checked.ok) return renderNotice(locale, checked.error);
  return emails.length > 1 ? membershipTexts(locale).usernameOneAddressOnly : undefined;
}
