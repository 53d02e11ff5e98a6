// Messages of the edge rules on incoming text (src/text/edge-text.ts), on list filters and on
// keyboard-run passwords, in English and French. Part of `messages`: channels render them through `translate()`.
// French typography: a non-breaking space (U+00A0) before : ; ? ! and inside « ».
import { frenchFieldName } from '../text/text-fields.js';
import { bilingual } from './message.js';

type F = { field: string };

export const textMessages = {
  'text.nul': bilingual<F>(
    (p) => `"${p.field}" contains a NUL character (\\0), which text may not contain: remove it.`,
    (p) =>
      `«\u00a0${frenchFieldName(p.field)}\u00a0» contient un caractère NUL (\\0), interdit dans un texte\u00a0: retirez-le.`,
  ),
  'text.control': bilingual<F & { character: string }>(
    (p) =>
      `"${p.field}" contains an invisible control character (${p.character}), such as a tab or a line break, which it may not contain: remove it.`,
    (p) =>
      `«\u00a0${frenchFieldName(p.field)}\u00a0» contient un caractère de contrôle invisible (${p.character}), comme une tabulation ou un saut de ligne, qui n'y est pas permis\u00a0: retirez-le.`,
  ),
  'text.not_utf8': bilingual<F>(
    (p) =>
      `"${p.field}" contains characters that are not valid UTF-8 (shown as "\ufffd"): type the value again, or save the file as UTF-8.`,
    (p) =>
      `«\u00a0${frenchFieldName(p.field)}\u00a0» contient des caractères qui ne sont pas en UTF-8 valide (affichés «\u00a0\ufffd\u00a0»)\u00a0: saisissez la valeur à nouveau, ou enregistrez le fichier en UTF-8.`,
  ),
  'filter.unknown_value': bilingual<{ filter: string; value: string; known: string }>(
    (p) => `Unknown ${p.filter} "${p.value}": expected one of ${p.known}.`,
    (p) => `${frenchFilter(p.filter)} inconnu «\u00a0${p.value}\u00a0»\u00a0: attendu l'un de ${p.known}.`,
  ),
  'password.keyboard_run': bilingual(
    () => 'The password must not be a run of neighbouring keys (like azerty, qwerty or wxcvbn).',
    () => 'Le mot de passe ne doit pas être une suite de touches voisines (comme azerty, qwerty ou wxcvbn).',
  ),
  'unexpected.internal': bilingual<{ reference: string }>(
    (p) =>
      `Something went wrong on our side (reference ${p.reference}). Nothing you typed caused it; try again, and tell your administrator if it happens again.`,
    (p) =>
      `Une erreur s'est produite de notre côté (référence ${p.reference}). Votre saisie n'en est pas la cause\u00a0; réessayez, et prévenez votre administrateur si cela se reproduit.`,
  ),
};

const frenchFilter = (filter: string) => ({ role: 'Rôle', 'user type': "Type d'utilisateur" })[filter] ?? filter;
