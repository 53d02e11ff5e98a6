// The commands' help in the chat channels, in English and French (Slack mrkdwn; Teams converts
// it): Slack's subcommands of /invite, and the words typed to the Teams bot.
import type { Locale } from '../../i18n/locale.js';
import type { ChatPlatform } from '../platform.js';

const help: Record<Locale, Record<ChatPlatform, string[]>> = {
  en: {
    slack: [
      '*Sesame: invite people to your organization*',
      '`/invite`: open the invite form',
      '`/invite ana@example.com bo@example.com [role] [user type]`: invite directly',
      '`/invite import`: upload a CSV (checked row by row before anything is sent)',
      '`/invite add`: add a member directly, with a temporary password (no invitation)',
      '`/invite password <e-mail>`: a new temporary password for a member who has not signed in yet',
      '`/invite remove <e-mail>`: remove a member, freeing their seat and username (asks first); remove then invite to resend to a member added directly',
      '`/invite audit [invitation.|member.|seat_request.…]`: the latest events, who did what and from where',
      '`/invite pending [status:held] [role:…] [type:…] [by:e-mail] [expiring:7] [text]`: the open invitations, with Resend and Revoke',
      '`/invite resend <e-mail|id>` · `/invite revoke <e-mail|id>`',
      '`/invite status <e-mail|id>`: an invitation’s story, step by step: who invited, approved, resent; e-mails delivered or bounced; accepted, expired or revoked; webhooks',
      '`/invite seats`: seats used and remaining, internal and external, and how members sign in',
      '`/invite companies`: the partner companies, secured or not (external members join for them)',
      '`/invite settings`: the managers’ channel (owners)',
      '`/invite link <code>` · `/invite setup`: link this workspace to an organization',
    ],
    teams: [
      '*Sesame: invite people to your organization* (in a channel, mention @Sesame first)',
      '`invite`: open the invite form',
      '`invite ana@example.com bo@example.com [role] [user type]`: invite directly',
      '`import` with a CSV file attached (personal chat): every row is checked before anything is sent',
      '`add`: add a member directly, with a temporary password (no invitation)',
      '`password <e-mail>`: a new temporary password for a member who has not signed in yet',
      '`remove <e-mail>`: remove a member, freeing their seat and username (asks first); remove then invite to resend to a member added directly',
      '`audit [invitation.|member.|seat_request.…]`: the latest events, who did what and from where',
      '`pending [status:held] [role:…] [type:…] [by:e-mail] [expiring:7] [text]`: the open invitations',
      '`resend <e-mail|id>` · `revoke <e-mail|id>` · `seats`',
      '`status <e-mail|id>`: an invitation’s story, step by step: who invited, approved, resent; e-mails delivered or bounced; accepted, expired or revoked; webhooks',
      '`companies`: the partner companies, secured or not (external members join for them)',
      "`settings` in a team channel: make it the managers' channel (owners)",
      '`link <code>`: link this tenant to an organization (`sesame teams link` prints the code)',
    ],
  },
  fr: {
    slack: [
      '*Sesame : invitez des personnes dans votre organisation*',
      "`/invite` : ouvrir le formulaire d'invitation",
      "`/invite ana@exemple.fr bo@exemple.fr [rôle] [type d'utilisateur]` : inviter directement",
      '`/invite import` : charger un CSV (vérifié ligne par ligne avant tout envoi)',
      '`/invite ajouter` : ajouter un membre directement, avec un mot de passe temporaire (sans invitation)',
      '`/invite motdepasse <e-mail>` : un nouveau mot de passe temporaire pour un membre qui ne s’est pas encore connecté',
      '`/invite retirer <e-mail>` : retirer un membre, ce qui libère sa place et son nom d’utilisateur (après confirmation) ; retirez puis invitez pour renvoyer à un membre ajouté directement',
      '`/invite journal [invitation.|member.|seat_request.…]` : les derniers événements, qui a fait quoi et d’où',
      '`/invite pending [statut:retenue] [role:…] [type:…] [par:e-mail] [expire:7] [texte]` : les invitations en cours, avec Renvoyer et Révoquer',
      '`/invite resend <e-mail|id>` · `/invite revoke <e-mail|id>`',
      '`/invite statut <e-mail|id>` : l’histoire d’une invitation, étape par étape : qui a invité, approuvé, renvoyé ; e-mails remis ou rejetés ; acceptée, expirée ou révoquée ; webhooks',
      '`/invite seats` : places utilisées et restantes, internes et externes, et comment les membres se connectent',
      '`/invite companies` : les sociétés partenaires, sécurisées ou non (les membres externes les rejoignent)',
      '`/invite settings` : le canal des responsables (propriétaires)',
      '`/invite link <code>` · `/invite setup` : lier cet espace de travail à une organisation',
    ],
    teams: [
      '*Sesame : invitez des personnes dans votre organisation* (dans un canal, mentionnez d’abord @Sesame)',
      "`invite` : ouvrir le formulaire d'invitation",
      "`invite ana@exemple.fr bo@exemple.fr [rôle] [type d'utilisateur]` : inviter directement",
      '`import` avec un fichier CSV joint (conversation personnelle) : chaque ligne est vérifiée avant tout envoi',
      '`ajouter` : ajouter un membre directement, avec un mot de passe temporaire (sans invitation)',
      '`motdepasse <e-mail>` : un nouveau mot de passe temporaire pour un membre qui ne s’est pas encore connecté',
      '`retirer <e-mail>` : retirer un membre, ce qui libère sa place et son nom d’utilisateur (après confirmation) ; retirez puis invitez pour renvoyer à un membre ajouté directement',
      '`journal [invitation.|member.|seat_request.…]` : les derniers événements, qui a fait quoi et d’où',
      '`pending [statut:retenue] [role:…] [type:…] [par:e-mail] [expire:7] [texte]` : les invitations en cours',
      '`resend <e-mail|id>` · `revoke <e-mail|id>` · `seats`',
      '`statut <e-mail|id>` : l’histoire d’une invitation, étape par étape : qui a invité, approuvé, renvoyé ; e-mails remis ou rejetés ; acceptée, expirée ou révoquée ; webhooks',
      '`companies` : les sociétés partenaires, sécurisées ou non (les membres externes les rejoignent)',
      '`settings` dans un canal d’équipe : en faire le canal des responsables (propriétaires)',
      '`link <code>` : lier ce locataire à une organisation (`sesame teams link` affiche le code)',
    ],
  },
};

export const chatHelp = (locale: Locale, platform: ChatPlatform): string => help[locale][platform].join('\n');
