// Refusals of the chat capabilities (workspace links, managers' channel, import drafts), in
// English and French. Part of `messages` (messages.ts): channels render them through `translate()`.
import { bilingual } from './message.js';

export const chatMessages = {
  'chat.not_linked': bilingual(
    () =>
      'This workspace is not linked to a Sesame organization yet. Ask your Sesame operator for a link code (`sesame slack link`), then type `/invite link <code>`; or, as a workspace admin, create a new organization with `/invite setup`.',
    () =>
      "Cet espace de travail n'est lié à aucune organisation Sesame. Demandez un code de liaison à votre opérateur Sesame (`sesame slack link`), puis tapez `/invite link <code>` ; ou, en tant qu'administrateur de l'espace, créez une organisation avec `/invite setup`.",
  ),
  'chat.not_linked_teams': bilingual(
    () =>
      'This Microsoft Teams tenant is not linked to a Sesame organization yet. Ask your Sesame operator for a link code (`sesame teams link`), then send me `link <code>`.',
    () =>
      "Ce locataire Microsoft Teams n'est lié à aucune organisation Sesame. Demandez un code de liaison à votre opérateur Sesame (`sesame teams link`), puis envoyez-moi `link <code>`.",
  ),
  'chat.already_linked': bilingual<{ organization: string }>(
    (p) => `This workspace is already linked to the organization ${p.organization}.`,
    (p) => `Cet espace de travail est déjà lié à l'organisation ${p.organization}.`,
  ),
  'chat.link_code_invalid': bilingual(
    () =>
      'This link code is unknown, already used or expired. Ask your operator for a new one (`sesame slack link` or `sesame teams link`).',
    () =>
      'Ce code de liaison est inconnu, déjà utilisé ou expiré. Demandez-en un nouveau à votre opérateur (`sesame slack link` ou `sesame teams link`).',
  ),
  'chat.link_not_admin': bilingual(
    () =>
      'Only an admin or owner of this Slack workspace may link it to a Sesame organization: ask one of them to type `/invite link <code>`.',
    () =>
      "Seul un administrateur ou propriétaire de cet espace de travail Slack peut le lier à une organisation Sesame\u00a0: demandez à l'un d'eux de taper `/invite link <code>`.",
  ),
  'chat.slack_slow': bilingual(
    () => 'Slack did not tell Sesame who you are in time. Nothing was saved: submit the form again in a moment.',
    () =>
      "Slack n'a pas indiqué à temps à Sesame qui vous êtes. Rien n'a été enregistré\u00a0: envoyez à nouveau le formulaire dans un instant.",
  ),
  'chat.slack_timeout': bilingual<{ seconds: number }>(
    (p) =>
      `Slack did not answer Sesame in time (${p.seconds} s), so what you asked may not be complete. Check, then try again in a moment.`,
    (p) =>
      `Slack n'a pas répondu à temps à Sesame (${p.seconds}\u00a0s)\u00a0: votre demande n'a peut-être pas abouti. Vérifiez, puis réessayez dans un instant.`,
  ),
  'chat.slack_file_slow': bilingual<{ seconds: number }>(
    (p) => `Slack did not send the file in time (${p.seconds} s). Nothing was imported: upload it again in a moment.`,
    (p) =>
      `Slack n'a pas envoyé le fichier à temps (${p.seconds}\u00a0s). Rien n'a été importé\u00a0: chargez-le à nouveau dans un instant.`,
  ),
  'chat.channel_unusable': bilingual<{ channel: string; cause: string }>(
    (p) =>
      `Sesame cannot post in the channel ${p.channel} (${p.cause}), so seat requests would go unseen there. Nothing was saved. To fix it, invite the bot into that channel (type \`/invite @Sesame\` in it), then choose it again; or choose another channel.`,
    (p) =>
      `Sesame ne peut pas publier dans le canal ${p.channel} (${p.cause})\u00a0: les demandes de places n'y seraient vues par personne. Rien n'a été enregistré. Pour corriger, invitez le bot dans ce canal (tapez \`/invite @Sesame\` dans le canal), puis choisissez-le à nouveau\u00a0; ou choisissez un autre canal.`,
  ),
  'chat.channel_check_slow': bilingual<{ channel: string }>(
    (p) =>
      `Slack did not say in time whether Sesame can post in the channel ${p.channel}. Nothing was saved: try again in a moment.`,
    (p) =>
      `Slack n'a pas indiqué à temps si Sesame peut publier dans le canal ${p.channel}. Rien n'a été enregistré\u00a0: réessayez dans un instant.`,
  ),
  'chat.channel_check_unavailable': bilingual(
    () =>
      'Sesame cannot check that channel from here: Slack is not configured in this environment (SLACK_BOT_TOKEN, or TOKEN_ENCRYPTION_KEY with the installation of that workspace). Nothing was saved: run the command where the service runs, or choose the channel in Slack with `/invite settings`.',
    () =>
      "Sesame ne peut pas vérifier ce canal d'ici\u00a0: Slack n'est pas configuré dans cet environnement (SLACK_BOT_TOKEN, ou TOKEN_ENCRYPTION_KEY avec l'installation de cet espace de travail). Rien n'a été enregistré\u00a0: lancez la commande là où tourne le service, ou choisissez le canal dans Slack avec `/invite settings`.",
  ),
  'chat.setup_not_admin': bilingual(
    () => 'Only an admin or owner of this workspace may create an organization for it.',
    () => 'Seul un administrateur ou propriétaire de cet espace de travail peut lui créer une organisation.',
  ),
  'chat.no_verified_email': bilingual(
    () =>
      'Sesame could not read a confirmed e-mail address on your profile, and it needs one to know who you are. Confirm your address in your chat account; if it is confirmed, ask the administrator who installed Sesame to check its permissions (users:read.email in Slack).',
    () =>
      "Sesame n'a pas pu lire d'adresse électronique confirmée sur votre profil ; il en a besoin pour savoir qui vous êtes. Confirmez votre adresse dans votre compte de messagerie ; si elle l'est, demandez à l'administrateur qui a installé Sesame de vérifier ses permissions (users:read.email dans Slack).",
  ),
  'chat.not_a_member': bilingual<{ email: string; organization: string }>(
    (p) =>
      `${p.email} is not a member of ${p.organization}. Ask an administrator of the organization to invite or add you.`,
    (p) =>
      `${p.email} n'est pas membre de ${p.organization}. Demandez à un administrateur de l'organisation de vous inviter ou de vous ajouter.`,
  ),
  'import_draft.not_found': bilingual(
    () => 'This import is no longer available: upload the file again with `/invite import`.',
    () => "Cet import n'est plus disponible : chargez à nouveau le fichier avec `/invite import`.",
  ),
  'import_draft.already_started': bilingual<{ status: string }>(
    (p) => `This import was already confirmed (${p.status}): it runs once.`,
    (p) => `Cet import a déjà été confirmé (${p.status}) : il ne s'exécute qu'une fois.`,
  ),
};
