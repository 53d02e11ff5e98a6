// Enterprise logins (src/sso), in English and French. Part of `messages`: channels render them
// through `translate()`.
import { bilingual } from './message.js';

export const ssoMessages = {
  'sso.issuer_invalid': bilingual<{ issuer: string }>(
    (p) =>
      `"${p.issuer}" is not a usable issuer: expected an https:// URL (http:// only on a loopback address such as 127.0.0.1, for development).`,
    (p) =>
      `« ${p.issuer} » n'est pas un émetteur utilisable : une URL https:// est attendue (http:// seulement sur une adresse locale comme 127.0.0.1, pour le développement).`,
  ),
  'sso.field_required': bilingual<{ field: string }>(
    (p) => `${p.field} is required.`,
    (p) => `${p.field} est obligatoire.`,
  ),
  'sso.label_invalid': bilingual(
    () => 'The label must have 1 to 60 characters, without control characters.',
    () => 'Le libellé doit avoir de 1 à 60 caractères, sans caractère de contrôle.',
  ),
  'sso.scopes_invalid': bilingual(
    () => 'The scopes must include openid and email (separated by spaces or commas).',
    () => 'Les portées doivent comprendre openid et email (séparées par des espaces ou des virgules).',
  ),
  'sso.domain_invalid': bilingual<{ domain: string }>(
    (p) => `"${p.domain}" is not a domain name (expected example.com).`,
    (p) => `« ${p.domain} » n'est pas un nom de domaine (attendu : exemple.com).`,
  ),
  'sso.auto_join_domains': bilingual(
    () => 'Automatic join needs at least one domain (--domain), or allowed domains on the organization.',
    () =>
      "L'adhésion automatique demande au moins un domaine (--domain), ou des domaines autorisés sur l'organisation.",
  ),
  'sso.sealing_key_missing': bilingual(
    () =>
      'TOKEN_ENCRYPTION_KEY is not set: the client secret must be kept sealed. Set it (openssl rand -base64 32) and try again.',
    () =>
      "TOKEN_ENCRYPTION_KEY n'est pas défini : le secret client doit être conservé chiffré. Définissez-le (openssl rand -base64 32) puis réessayez.",
  ),
  'sso.not_configured': bilingual(
    () => 'No identity provider is configured for this organization (sesame sso configure).',
    () => "Aucun fournisseur d'identité n'est configuré pour cette organisation (sesame sso configure).",
  ),
  'sso.unreachable': bilingual<{ issuer: string; what: string }>(
    (p) => `The identity provider at ${p.issuer} could not be reached or answered wrongly (${p.what}).`,
    (p) => `Le fournisseur d'identité ${p.issuer} est injoignable ou a mal répondu (${p.what}).`,
  ),
  'sso.enterprise_needs_provider': bilingual(
    () => 'Enterprise invitations need an identity provider: configure one first (sesame sso configure).',
    () =>
      "Les invitations d'entreprise demandent un fournisseur d'identité : configurez-en un d'abord (sesame sso configure).",
  ),
  'sso.password_join_disabled': bilingual(
    () =>
      'This organization joins through its identity provider only: invite with the enterprise login (--enterprise).',
    () =>
      "Cette organisation n'accueille ses membres que par son fournisseur d'identité : invitez avec l'identifiant d'entreprise (--enterprise).",
  ),
  'sso.enterprise_id_invalid': bilingual(
    () => 'The enterprise ID must have 1 to 255 characters, without spaces or control characters.',
    () => "L'ID d'entreprise doit avoir de 1 à 255 caractères, sans espace ni caractère de contrôle.",
  ),
  'sso.enterprise_id_taken': bilingual<{ id: string }>(
    (p) => `The enterprise ID ${p.id} already belongs to a member of this organization.`,
    (p) => `L'ID d'entreprise ${p.id} appartient déjà à un membre de cette organisation.`,
  ),
  'sso.member_not_enterprise': bilingual<{ email: string }>(
    (p) => `${p.email} was not added by enterprise ID.`,
    (p) => `${p.email} n'a pas été ajouté par ID d'entreprise.`,
  ),
  'sso.already_signed_in': bilingual<{ email: string }>(
    (p) => `${p.email} has already signed in with the enterprise login: the enterprise ID can no longer be changed.`,
    (p) =>
      `${p.email} s'est déjà connecté avec l'identifiant d'entreprise : l'ID d'entreprise ne peut plus être modifié.`,
  ),
  'sso.member_not_found': bilingual<{ email: string }>(
    (p) => `No member of this organization has the address ${p.email}.`,
    (p) => `Aucun membre de cette organisation n'a l'adresse ${p.email}.`,
  ),
  'sso.enterprise_id_warning': bilingual(
    () =>
      'The enterprise ID must match the member’s existing enterprise login exactly (the subject the identity provider sends). If it does not, the account is created but cannot be used until an administrator corrects it (sesame sso set-id).',
    () =>
      "L'ID d'entreprise doit correspondre exactement à l'identifiant de connexion d'entreprise existant du membre (le « subject » envoyé par le fournisseur d'identité). Sinon, le compte est créé sans pouvoir être utilisé tant qu'un administrateur ne l'a pas corrigé (sesame sso set-id).",
  ),
  'sso.email_mismatch': bilingual<{ email: string }>(
    (p) =>
      `This invitation is for ${p.email}, but your enterprise login is for another address. Sign in with the account of ${p.email}, or ask the person who invited you to invite the address you use.`,
    (p) =>
      `Cette invitation est destinée à ${p.email}, mais votre identifiant d'entreprise correspond à une autre adresse. Connectez-vous avec le compte de ${p.email}, ou demandez à la personne qui vous a invité d'inviter l'adresse que vous utilisez.`,
  ),
  'sso.email_unverified': bilingual(
    () =>
      'Your identity provider did not confirm your e-mail address, so it cannot be used to join. Ask your administrator to check your account with the provider.',
    () =>
      "Votre fournisseur d'identité n'a pas confirmé votre adresse électronique : elle ne peut pas servir à vous inscrire. Demandez à votre administrateur de vérifier votre compte auprès du fournisseur.",
  ),
  'sso.state_invalid': bilingual(
    () =>
      'This sign-in expired, was already used, or was started in another browser. Start again from your invitation link.',
    () =>
      'Cette connexion a expiré, a déjà servi, ou a été commencée dans un autre navigateur. Recommencez depuis le lien de votre invitation.',
  ),
  'sso.provider_down': bilingual(
    () => 'Your organization’s identity provider could not be reached. Try again in a few minutes.',
    () => "Le fournisseur d'identité de votre organisation est injoignable. Réessayez dans quelques minutes.",
  ),
  'sso.token_refused': bilingual(
    () =>
      'The answer of the identity provider could not be verified, so nothing was done. Start again; if it happens again, tell your administrator.',
    () =>
      "La réponse du fournisseur d'identité n'a pas pu être vérifiée : rien n'a été fait. Recommencez ; si cela se reproduit, prévenez votre administrateur.",
  ),
  'sso.cancelled': bilingual(
    () => 'The sign-in was cancelled or refused by the identity provider. Start again from your invitation link.',
    () =>
      "La connexion a été annulée ou refusée par le fournisseur d'identité. Recommencez depuis le lien de votre invitation.",
  ),
  'sso.identity_taken': bilingual(
    () => 'This enterprise login already belongs to a member of this organization.',
    () => "Cet identifiant d'entreprise appartient déjà à un membre de cette organisation.",
  ),
  'sso.subject_mismatch': bilingual(
    () =>
      'The enterprise ID recorded for your account does not match your enterprise login. Ask an administrator to correct it, then sign in again.',
    () =>
      "L'ID d'entreprise enregistré pour votre compte ne correspond pas à votre identifiant d'entreprise. Demandez à un administrateur de le corriger, puis reconnectez-vous.",
  ),
  'sso.no_account': bilingual(
    () => 'No account of this organization matches your enterprise login. Ask an administrator for an invitation.',
    () =>
      "Aucun compte de cette organisation ne correspond à votre identifiant d'entreprise. Demandez une invitation à un administrateur.",
  ),
  'import.password_and_enterprise_id': bilingual(
    () => 'A row has either a password or an enterprise ID, not both.',
    () => "Une ligne a soit un mot de passe, soit un ID d'entreprise, pas les deux.",
  ),
  'sso.password_not_offered': bilingual(
    () => 'This invitation is accepted with your enterprise login, not with a password.',
    () => "Cette invitation s'accepte avec votre identifiant d'entreprise, pas avec un mot de passe.",
  ),
};
