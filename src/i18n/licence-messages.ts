// Add-on licences, credits and a member's language (src/licences/), in English and French. Part
// of `messages`: channels render them through `translate()`.
import { bilingual } from './message.js';

/** A licence (and a user type) by its English name, with the French one for the French text. */
type L = { licence: string; licenceFr?: string };
type LT = L & { userType: string; userTypeFr?: string };
const fr = (p: L) => p.licenceFr ?? p.licence;
const frType = (p: LT) => p.userTypeFr ?? p.userType;

export const licenceMessages = {
  'licence.unknown': bilingual<{ licence: string; known: string }>(
    (p) =>
      `"${p.licence}" is not one of the organization's licences (${p.known || 'none yet'}): check the spelling, or add it with \`sesame licences add\`.`,
    (p) =>
      `« ${fr(p)} » n'est pas une licence de l'organisation (${p.known || 'aucune pour l’instant'})\u00a0: vérifiez l'orthographe, ou ajoutez-la avec \`sesame licences add\`.`,
  ),
  'licence.not_compatible': bilingual<LT>(
    (p) => `${p.licence} is not compatible with ${p.userType}: choose another user type or assign it later.`,
    (p) =>
      `${fr(p)} n'est pas compatible avec ${frType(p)}\u00a0: choisissez un autre type d'utilisateur ou attribuez-la plus tard.`,
  ),
  'licence.not_compatible_batch': bilingual<LT>(
    (p) => `${p.licence} is not compatible with ${p.userType}: remove the ${p.userType} rows or assign it later.`,
    (p) =>
      `${fr(p)} n'est pas compatible avec ${frType(p)}\u00a0: retirez les lignes ${frType(p)} ou attribuez-la plus tard.`,
  ),
  'licence.none_left': bilingual<L & { left: number; owned: number }>(
    (p) =>
      `${p.licence}: ${p.left} of ${p.owned} left. Free one (revoke a pending invitation) or raise the number owned (\`sesame licences set <key> --owned <n>\`).`,
    (p) =>
      `${fr(p)}\u00a0: ${p.left} sur ${p.owned} restante(s). Libérez-en une (révoquez une invitation en attente) ou augmentez le nombre détenu (\`sesame licences set <clé> --owned <n>\`).`,
  ),
  'licence.in_use': bilingual<L & { count: number }>(
    (p) =>
      `${p.licence} is assigned (${p.count} member(s) and open invitation(s)): it cannot be removed while assigned.`,
    (p) =>
      `${fr(p)} est attribuée (${p.count} membre(s) et invitation(s) ouverte(s))\u00a0: elle ne peut pas être supprimée tant qu'elle est attribuée.`,
  ),
  'licence.exists': bilingual<L>(
    (p) => `The organization already has the licence "${p.licence}": change it with \`sesame licences set\`.`,
    (p) => `L'organisation a déjà la licence « ${fr(p)} »\u00a0: modifiez-la avec \`sesame licences set\`.`,
  ),
  'licence.not_found': bilingual<L>(
    (p) => `The organization has no licence "${p.licence}": see \`sesame licences\`.`,
    (p) => `L'organisation n'a pas de licence « ${fr(p)} »\u00a0: voir \`sesame licences\`.`,
  ),
  'licence.invalid_key': bilingual<{ key: string }>(
    (p) =>
      `"${p.key}" is not a usable licence key: 1 to 40 lower-case letters, digits, - or _, starting with a letter (e.g. insights).`,
    (p) =>
      `« ${p.key} » n'est pas une clé de licence utilisable\u00a0: 1 à 40 lettres minuscules, chiffres, - ou _, commençant par une lettre (ex. insights).`,
  ),
  'licence.invalid_name': bilingual<{ language: string }>(
    (p) => `The ${p.language === 'fr' ? 'French' : 'English'} name is missing or longer than 100 characters.`,
    (p) => `Le nom ${p.language === 'fr' ? 'français' : 'anglais'} est absent ou dépasse 100 caractères.`,
  ),
  'licence.user_types_required': bilingual(
    () => 'Name at least one compatible user type (--user-types creator,editor).',
    () => "Indiquez au moins un type d'utilisateur compatible (--user-types creator,editor).",
  ),
  'licence.invalid_owned': bilingual<{ value: string }>(
    (p) => `"${p.value}" is not a number of licences: a whole number from 0 to 1,000,000 (or --unlimited).`,
    (p) => `« ${p.value} » n'est pas un nombre de licences\u00a0: un entier de 0 à 1 000 000 (ou --unlimited).`,
  ),
  'licence.owned_below_used': bilingual<L & { owned: number; used: number }>(
    (p) =>
      `${p.licence} is already assigned ${p.used} time(s): the number owned cannot go below that (asked: ${p.owned}).`,
    (p) =>
      `${fr(p)} est déjà attribuée ${p.used} fois\u00a0: le nombre détenu ne peut pas descendre en dessous (demandé\u00a0: ${p.owned}).`,
  ),
  'credits.invalid': bilingual<{ value: string }>(
    (p) => `"${p.value}" is not a credit allocation: a whole number from 0 to 1,000,000,000, or "unlimited".`,
    (p) => `« ${p.value} » n'est pas une allocation de crédits\u00a0: un entier de 0 à 1 000 000 000, ou « illimité ».`,
  ),
  'language.invalid': bilingual<{ value: string }>(
    (p) => `"${p.value}" is not a language Sesame speaks: fr or en.`,
    (p) => `« ${p.value} » n'est pas une langue de Sesame\u00a0: fr ou en.`,
  ),
  'permission.manage_licences': bilingual<{ email: string }>(
    (p) => `${p.email} may not manage licences: only owners and administrators may.`,
    (p) => `${p.email} ne peut pas gérer les licences\u00a0: seuls les propriétaires et administrateurs le peuvent.`,
  ),
  'permission.set_credits': bilingual<{ email: string }>(
    (p) => `${p.email} may not allocate credits: only administrators (and owners) may.`,
    (p) => `${p.email} ne peut pas allouer de crédits\u00a0: seuls les administrateurs (et propriétaires) le peuvent.`,
  ),
};
