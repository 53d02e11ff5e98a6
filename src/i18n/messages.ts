// Every user-facing message of the domain, in English and French, keyed by a stable code.
// Channels render AppError codes and row errors through `translate()`; they never write their own.

import { brandMessages } from './brand-messages.js';
import { bulkActionMessages } from './bulk-action-messages.js';
import { chatMessages } from './chat-messages.js';
import { companyMessages } from './company-messages.js';
import { digestMessages } from './digest-messages.js';
import { importMessages } from './import-messages.js';
import { inviteRequestMessages } from './invite-request-messages.js';
import { licenceMessages } from './licence-messages.js';
import type { Locale } from './locale.js';
import { memberRemovalMessages } from './member-removal-messages.js';
import { bilingual, type Message } from './message.js';
import { permissionMessages } from './permission-messages.js';
import { seatMessages } from './seat-messages.js';
import { ssoMessages } from './sso-messages.js';
import { textMessages } from './text-messages.js';

type E = { email: string };

const frenchField = (field: string) => ({ 'First name': 'Le prénom', 'Last name': 'Le nom' })[field] ?? field;

export const messages = {
  ...brandMessages,
  ...bulkActionMessages,
  ...chatMessages,
  ...companyMessages,
  ...digestMessages,
  ...importMessages,
  ...inviteRequestMessages,
  ...licenceMessages,
  ...memberRemovalMessages,
  ...permissionMessages,
  ...seatMessages,
  ...ssoMessages,
  ...textMessages,
  'email.required': bilingual(
    () => 'The e-mail address is missing.',
    () => "L'adresse électronique n'est pas renseignée.",
  ),
  'email.malformed': bilingual<E>(
    (p) => `"${p.email}" is not a valid e-mail address (expected name@domain.tld).`,
    (p) => `« ${p.email} » n'est pas une adresse électronique valide (attendu : nom@domaine.tld).`,
  ),
  'email.apostrophe': bilingual<E>(
    (p) => `"${p.email}" contains an apostrophe, which e-mail addresses may not contain here: remove it.`,
    (p) => `« ${p.email} » contient une apostrophe, interdite dans les adresses : retirez-la.`,
  ),
  'email.active_member': bilingual<E>(
    (p) => `${p.email} already has an account in this organization: no invitation is needed.`,
    (p) => `${p.email} a déjà un compte dans cette organisation : aucune invitation n'est nécessaire.`,
  ),
  'email.domain_not_allowed': bilingual<E & { domains: string }>(
    (p) => `${p.email} is outside the allowed domains (${p.domains}).`,
    (p) => `${p.email} n'appartient pas aux domaines autorisés (${p.domains}).`,
  ),
  'email.duplicate_in_file': bilingual<E & { line: number }>(
    (p) => `${p.email} already appears on line ${p.line} of this file.`,
    (p) => `${p.email} figure déjà à la ligne ${p.line} de ce fichier.`,
  ),
  'email.already_invited': bilingual<E>(
    (p) => `${p.email} already has an open invitation: it was kept as it is.`,
    (p) => `${p.email} a déjà une invitation en cours : elle est conservée telle quelle.`,
  ),
  'email.not_choosable': bilingual<E>(
    (p) =>
      `${p.email} cannot be used here: it belongs to someone in this organization. Keep the address you were invited at, or choose another one.`,
    (p) =>
      `${p.email} ne peut pas être utilisée ici : elle appartient à une personne de cette organisation. Gardez l'adresse à laquelle vous avez été invité, ou choisissez-en une autre.`,
  ),
  'verification.code_format': bilingual(
    () => 'Type the 6-digit code from the e-mail.',
    () => 'Saisissez le code à 6 chiffres reçu par courriel.',
  ),
  'verification.code_wrong': bilingual(
    () => 'This is not the code we sent. Check the latest e-mail and type it again.',
    () => "Ce n'est pas le code envoyé. Vérifiez le dernier courriel reçu et saisissez-le à nouveau.",
  ),
  'verification.code_spent': bilingual(
    () =>
      'This code can no longer be used (it expired, or was mistyped too many times). Fill in the form again to receive a new one.',
    () =>
      "Ce code n'est plus utilisable (il a expiré, ou a été mal saisi trop de fois). Remplissez à nouveau le formulaire pour en recevoir un nouveau.",
  ),
  'verification.too_many_codes': bilingual<{ max: number }>(
    (p) =>
      `${p.max} codes were already sent for this invitation: keep the address you were invited at, or ask the person who invited you.`,
    (p) =>
      `${p.max} codes ont déjà été envoyés pour cette invitation : gardez l'adresse à laquelle vous avez été invité, ou adressez-vous à la personne qui vous a invité.`,
  ),
  'role.admin_not_grantable': bilingual<{ role: string }>(
    (p) =>
      `The ${p.role} role cannot be granted by invitation or import; invite with another role, then promote the member.`,
    (p) =>
      `Le rôle ${p.role} ne peut pas être attribué par invitation ou import ; invitez avec un autre rôle, puis promouvez le membre.`,
  ),
  'role.not_allowed_for_type': bilingual<{ role: string; userType: string; allowed: string }>(
    (p) => `The ${p.userType} user type does not allow the ${p.role} role (allowed: ${p.allowed}).`,
    (p) => `Le type d'utilisateur ${p.userType} n'autorise pas le rôle ${p.role} (autorisés : ${p.allowed}).`,
  ),
  'role.unknown_fallback': bilingual<{ role: string; fallback: string }>(
    (p) => `Unknown role "${p.role}": the default role ${p.fallback} was used.`,
    (p) => `Rôle inconnu « ${p.role} » : le rôle par défaut ${p.fallback} a été utilisé.`,
  ),
  'user_type.unknown': bilingual<{ userType: string; known: string }>(
    (p) => `Unknown user type "${p.userType}" (expected one of: ${p.known}).`,
    (p) => `Type d'utilisateur inconnu « ${p.userType} » (attendu : ${p.known}).`,
  ),
  'username.invalid': bilingual<{ username: string }>(
    (p) => `"${p.username}" is not a valid username: 6 to 128 characters, only letters, digits, ".", "_" and "@".`,
    (p) =>
      `« ${p.username} » n'est pas un nom d'utilisateur valide : 6 à 128 caractères, uniquement lettres, chiffres, « . », « _ » et « @ ».`,
  ),
  'username.required': bilingual(
    () => 'Choose a username: 6 to 128 characters, letters, digits, ".", "_" or "@".',
    () => "Choisissez un nom d'utilisateur : 6 à 128 caractères, lettres, chiffres, « . », « _ » ou « @ ».",
  ),
  'username.taken': bilingual<{ username: string }>(
    (p) => `The username ${p.username} is already taken; choose another one.`,
    (p) => `Le nom d'utilisateur ${p.username} est déjà pris ; choisissez-en un autre.`,
  ),
  'password.required': bilingual(
    () => 'A temporary password is required to add a member directly.',
    () => 'Un mot de passe temporaire est requis pour ajouter un membre directement.',
  ),
  'password.too_short': bilingual<{ min: number }>(
    (p) => `The password must have at least ${p.min} characters.`,
    (p) => `Le mot de passe doit comporter au moins ${p.min} caractères.`,
  ),
  'password.too_long': bilingual<{ max: number }>(
    (p) => `The password must have at most ${p.max} characters.`,
    (p) => `Le mot de passe doit comporter au plus ${p.max} caractères.`,
  ),
  'password.needs_letter_and_digit': bilingual(
    () => 'The password must contain at least one letter and one digit.',
    () => 'Le mot de passe doit contenir au moins une lettre et un chiffre.',
  ),
  'password.same_as_username': bilingual(
    () => 'The password must not be the username.',
    () => "Le mot de passe ne doit pas être le nom d'utilisateur.",
  ),
  'password.common': bilingual(
    () => 'This password is too common; choose one that is harder to guess.',
    () => 'Ce mot de passe est trop courant ; choisissez-en un plus difficile à deviner.',
  ),
  'password.repeated_or_sequential': bilingual(
    () => 'The password must not be made of repeated or sequential characters (like aaaabbbb or 1234abcd).',
    () => 'Le mot de passe ne doit pas être fait de caractères répétés ou qui se suivent (comme aaaabbbb ou 1234abcd).',
  ),
  'name.too_long': bilingual<{ field: string; max: number }>(
    (p) => `${p.field} must have at most ${p.max} characters.`,
    (p) => `${frenchField(p.field)} doit comporter au plus ${p.max} caractères.`,
  ),
  'name.required': bilingual<{ field: string }>(
    (p) => `${p.field} is required.`,
    (p) => `${frenchField(p.field)} est obligatoire.`,
  ),
  'message.too_long': bilingual<{ max: number }>(
    (p) => `The message must have at most ${p.max} characters.`,
    (p) => `Le message doit comporter au plus ${p.max} caractères.`,
  ),
  'group.invalid': bilingual<{ group: string }>(
    (p) => `"${p.group}" is not a valid group name (1 to 100 characters).`,
    (p) => `« ${p.group} » n'est pas un nom de groupe valide (1 à 100 caractères).`,
  ),
  'resend.cooldown': bilingual<E & { wait: string }>(
    (p) => `The invitation to ${p.email} was sent recently; it can be resent in ${p.wait}.`,
    (p) => `L'invitation à ${p.email} a été envoyée récemment ; elle pourra être renvoyée dans ${p.wait}.`,
  ),
  'invitation.not_found': bilingual<{ ref: string }>(
    (p) => `No invitation matches ${p.ref}.`,
    (p) => `Aucune invitation ne correspond à ${p.ref}.`,
  ),
  'invitation.not_open': bilingual<E & { status: string }>(
    (p) => `The invitation to ${p.email} is ${p.status}: nothing to do.`,
    (p) => `L'invitation à ${p.email} est ${p.status} : rien à faire.`,
  ),
  'invitation.not_pending': bilingual<E & { status: string }>(
    (p) => `The invitation to ${p.email} is ${p.status}; only pending invitations can be resent.`,
    (p) => `L'invitation à ${p.email} est ${p.status} ; seules les invitations en attente peuvent être renvoyées.`,
  ),
  'org.not_found': bilingual<{ ref: string }>(
    (p) => `No organization matches ${p.ref}.`,
    (p) => `Aucune organisation ne correspond à ${p.ref}.`,
  ),
  'org.none': bilingual(
    () => 'No organization exists yet: create one with `sesame org create`.',
    () => "Aucune organisation n'existe encore : créez-en une avec `sesame org create`.",
  ),
  'org.ambiguous': bilingual<{ names: string }>(
    (p) => `Several organizations exist (${p.names}): say which one with --org.`,
    (p) => `Plusieurs organisations existent (${p.names}) : précisez laquelle avec --org.`,
  ),
  'org.name_taken': bilingual<{ name: string }>(
    (p) => `An organization named ${p.name} already exists.`,
    (p) => `Une organisation nommée ${p.name} existe déjà.`,
  ),
  'org.setting_unknown': bilingual<{ key: string; known: string }>(
    (p) => `Unknown setting "${p.key}" (settings: ${p.known}).`,
    (p) => `Paramètre inconnu « ${p.key} » (paramètres : ${p.known}).`,
  ),
  'org.setting_invalid': bilingual<{ key: string; expected: string }>(
    (p) => `Invalid value for ${p.key}: expected ${p.expected}.`,
    (p) => `Valeur invalide pour ${p.key} : attendu ${p.expected}.`,
  ),
  'org.seats_below_usage': bilingual<{ limit: number; used: number; members: number; pending: number }>(
    (p) =>
      `${p.used} seats are in use (${p.members} member${p.members === 1 ? '' : 's'}, ${p.pending} pending invitation${p.pending === 1 ? '' : 's'}): the limit cannot be set to ${p.limit}. Set at least ${p.used}, or revoke invitations first.`,
    (p) =>
      `${p.used} place${p.used > 1 ? 's sont utilisées' : ' est utilisée'} (${p.members} membre${p.members > 1 ? 's' : ''}, ${p.pending} invitation${p.pending > 1 ? 's' : ''} en attente) : la limite ne peut pas passer à ${p.limit}. Indiquez au moins ${p.used}, ou révoquez d’abord des invitations.`,
  ),
  'member.not_found': bilingual<E>(
    (p) => `${p.email} is not a member of this organization.`,
    (p) => `${p.email} n'est pas membre de cette organisation.`,
  ),
  'member.password_already_chosen': bilingual<E>(
    (p) =>
      `${p.email} has already signed in and chosen their own password: a temporary password is no longer issued for them.`,
    (p) =>
      `${p.email} s'est déjà connecté et a choisi son propre mot de passe : un mot de passe temporaire ne lui est plus émis.`,
  ),
  'member.owner_password': bilingual<E>(
    (p) => `Only an owner may issue a new temporary password for ${p.email}, who is an owner.`,
    (p) =>
      `Seul un propriétaire peut émettre un nouveau mot de passe temporaire pour ${p.email}, qui est propriétaire.`,
  ),
  'accept.unknown': bilingual(
    () =>
      'This invitation link is not valid. Check that you copied the whole link, or ask the person who invited you for a new invitation.',
    () =>
      "Ce lien d'invitation n'est pas valide. Vérifiez que vous avez copié le lien en entier, ou demandez une nouvelle invitation à la personne qui vous a invité.",
  ),
  'accept.expired': bilingual(
    () => 'This invitation has expired. Ask the person who invited you to send a new one.',
    () => 'Cette invitation a expiré. Demandez à la personne qui vous a invité de vous en envoyer une nouvelle.',
  ),
  'accept.revoked': bilingual(
    () =>
      'This invitation was withdrawn by the organization. Ask the person who invited you if you think this is a mistake.',
    () =>
      "Cette invitation a été retirée par l'organisation. Adressez-vous à la personne qui vous a invité si vous pensez qu'il s'agit d'une erreur.",
  ),
  'accept.used': bilingual(
    () => 'This invitation was already accepted. Sign in with the account you created.',
    () => 'Cette invitation a déjà été acceptée. Connectez-vous avec le compte que vous avez créé.',
  ),
  'password.mismatch': bilingual(
    () => 'The two passwords differ: type the same password twice.',
    () => 'Les deux mots de passe diffèrent : saisissez deux fois le même mot de passe.',
  ),
  'login.failed': bilingual(
    () => 'This username and temporary password do not match. Check them, or ask your administrator.',
    () =>
      "Ce nom d'utilisateur et ce mot de passe temporaire ne correspondent pas. Vérifiez-les, ou adressez-vous à votre administrateur.",
  ),
  'password.reuse': bilingual(
    () => 'Choose a new password, different from the temporary one.',
    () => 'Choisissez un nouveau mot de passe, différent du mot de passe temporaire.',
  ),
  'webhook.invalid_url': bilingual<{ url: string }>(
    (p) => `"${p.url}" is not a usable webhook URL: expected https://... (http:// only for localhost).`,
    (p) =>
      `« ${p.url} » n'est pas une URL de webhook utilisable : attendu https://... (http:// seulement pour localhost).`,
  ),
  'webhook.private_address': bilingual<{ host: string; address: string }>(
    (p) =>
      `${p.host} leads to ${p.address}, which is not a public address: webhooks only go to public addresses (an operator may allow private ones for development with WEBHOOKS_ALLOW_PRIVATE_ADDRESSES=true).`,
    (p) =>
      `${p.host} mène à ${p.address}, qui n'est pas une adresse publique\u00a0: les webhooks ne vont qu'à des adresses publiques (un opérateur peut autoriser les adresses privées pour le développement avec WEBHOOKS_ALLOW_PRIVATE_ADDRESSES=true).`,
  ),
  'webhook.unresolvable': bilingual<{ host: string }>(
    (p) => `${p.host} does not resolve to any address.`,
    (p) => `${p.host} ne correspond à aucune adresse.`,
  ),
  'webhook.unknown_event': bilingual<{ event: string; known: string }>(
    (p) => `Unknown webhook event "${p.event}" (events: ${p.known}).`,
    (p) => `Événement de webhook inconnu « ${p.event} » (événements : ${p.known}).`,
  ),
  'webhook.not_found': bilingual<{ id: string }>(
    (p) => `No webhook endpoint matches ${p.id}.`,
    (p) => `Aucun point de terminaison de webhook ne correspond à ${p.id}.`,
  ),
  'username.duplicate_in_file': bilingual<{ username: string; line: number }>(
    (p) => `The username ${p.username} already appears on line ${p.line} of this file.`,
    (p) => `Le nom d'utilisateur ${p.username} figure déjà à la ligne ${p.line} de ce fichier.`,
  ),
  'role.unknown': bilingual<{ role: string; known: string }>(
    (p) => `Unknown role "${p.role}" (expected one of: ${p.known}).`,
    (p) => `Rôle inconnu « ${p.role} » (attendu : ${p.known}).`,
  ),
} satisfies Record<string, Message<never>>;

export type MessageCode = keyof typeof messages;
export type MessageParams<C extends MessageCode> = Parameters<(typeof messages)[C]['en']>[0] extends undefined
  ? Record<string, never>
  : Parameters<(typeof messages)[C]['en']>[0];

export function translate<C extends MessageCode>(locale: Locale, code: C, params: MessageParams<C>): string {
  const message = messages[code] as Message<MessageParams<C>>;
  return message[locale](params);
}

/** A message that travels as data (row errors, warnings) and is rendered at the edge. */
export interface Notice<C extends MessageCode = MessageCode> {
  code: C;
  params: MessageParams<C>;
}

export const notice = <C extends MessageCode>(code: C, params: MessageParams<C>): Notice<C> => ({ code, params });
export const renderNotice = (locale: Locale, given: Notice): string =>
  translate(locale, given.code, given.params as never);
