// An organization's brand, sender and next step (src/brand, src/organizations/brand.ts), in
// English and French. Part of `messages`: channels render them through `translate()`.
import type { SvgFlaw } from '../brand/svg-check.js';
import { bilingual } from './message.js';

const svgFlaws: Record<SvgFlaw, { en: string; fr: string }> = {
  not_svg: { en: 'its root element is not <svg>', fr: "son élément racine n'est pas <svg>" },
  doctype: {
    en: 'it has a DOCTYPE or entity declarations',
    fr: "il contient un DOCTYPE ou des déclarations d'entités",
  },
  script: { en: 'it contains a script', fr: 'il contient un script' },
  event_handler: {
    en: 'it has event handler attributes (onload, onclick...)',
    fr: "il contient des attributs de gestion d'événements (onload, onclick...)",
  },
  embedded_document: {
    en: 'it embeds another document (foreignObject, iframe, object or embed)',
    fr: 'il intègre un autre document (foreignObject, iframe, object ou embed)',
  },
  external_reference: {
    en: 'it refers to something outside the file (a link, an image or a font by URL)',
    fr: 'il fait référence à quelque chose hors du fichier (un lien, une image ou une police par URL)',
  },
  stylesheet: {
    en: 'it loads a style sheet (xml-stylesheet or @import)',
    fr: 'il charge une feuille de style (xml-stylesheet ou @import)',
  },
  link_animation: {
    en: 'it animates a link (set or animate on href)',
    fr: 'il anime un lien (set ou animate sur href)',
  },
};

export const brandMessages = {
  'brand.logo_empty': bilingual(
    () => 'The logo file is empty.',
    () => 'Le fichier du logo est vide.',
  ),
  'brand.logo_too_large': bilingual<{ size: number; max: number }>(
    (p) => `The logo is ${p.size} KB; the limit is ${p.max} KB. Export it smaller (about 400 pixels wide is plenty).`,
    (p) =>
      `Le logo fait ${p.size} Ko ; la limite est de ${p.max} Ko. Exportez-le plus petit (environ 400 pixels de large suffisent).`,
  ),
  'brand.logo_type': bilingual(
    () => 'The logo must be a PNG, JPEG or SVG image (read from its content, not from its name).',
    () => "Le logo doit être une image PNG, JPEG ou SVG (d'après son contenu, pas son nom).",
  ),
  'brand.logo_unreadable': bilingual<{ file: string }>(
    (p) => `The logo file ${p.file} could not be read: check its path.`,
    (p) => `Le fichier du logo ${p.file} n'a pas pu être lu : vérifiez son chemin.`,
  ),
  'brand.svg_unsafe': bilingual<{ flaw: SvgFlaw }>(
    (p) =>
      `This SVG logo was refused: ${svgFlaws[p.flaw].en}. A logo must be a plain drawing: remove it, or export the logo as PNG.`,
    (p) =>
      `Ce logo SVG est refusé : ${svgFlaws[p.flaw].fr}. Un logo doit être un simple dessin : retirez cet élément, ou exportez le logo en PNG.`,
  ),
  'brand.color_invalid': bilingual<{ color: string }>(
    (p) => `"${p.color}" is not a colour: expected #rgb or #rrggbb, e.g. #1a56db.`,
    (p) => `« ${p.color} » n'est pas une couleur : attendu #rvb ou #rrvvbb, par exemple #1a56db.`,
  ),
  'brand.color_contrast': bilingual<{ color: string; ratio: string; needed: number; suggestion: string }>(
    (p) =>
      `${p.color} is too light for the white text of the buttons: its contrast is ${p.ratio}:1, and WCAG AA asks at least ${p.needed}:1. Choose a darker shade, e.g. ${p.suggestion}.`,
    (p) =>
      `${p.color} est trop clair pour le texte blanc des boutons : son contraste est de ${p.ratio.replace('.', ',')}:1, et le niveau AA des WCAG demande au moins ${String(p.needed).replace('.', ',')}:1. Choisissez une teinte plus foncée, par exemple ${p.suggestion}.`,
  ),
  'brand.display_name_invalid': bilingual(
    () => 'The display name must have 1 to 100 characters, without control characters.',
    () => 'Le nom affiché doit avoir de 1 à 100 caractères, sans caractère de contrôle.',
  ),
  'brand.nothing_to_change': bilingual(
    () => 'Nothing to change: give --logo, --color, --display-name or --sesame-footer, or --reset.',
    () => 'Rien à changer : indiquez --logo, --color, --display-name ou --sesame-footer, ou --reset.',
  ),
  'brand.url_invalid': bilingual<{ key: string; url: string }>(
    (p) =>
      `"${p.url}" cannot be used for ${p.key}: expected an https:// address (http:// only on this machine, such as http://localhost), or "none".`,
    (p) =>
      `« ${p.url} » ne peut pas servir pour ${p.key} : une adresse https:// est attendue (http:// seulement sur cette machine, comme http://localhost), ou « none ».`,
  ),
  'brand.from_name_invalid': bilingual(
    () => 'The sender name must have 1 to 100 characters, without control characters, or be "none" (the default).',
    () =>
      "Le nom de l'expéditeur doit avoir de 1 à 100 caractères, sans caractère de contrôle, ou être « none » (par défaut).",
  ),
  'brand.reply_to_invalid': bilingual<{ email: string }>(
    (p) => `"${p.email}" is not an e-mail address (expected name@domain.tld, or "none" for the inviter's address).`,
    (p) =>
      `« ${p.email} » n'est pas une adresse électronique (attendu : nom@domaine.tld, ou « none » pour l'adresse de la personne qui invite).`,
  ),
};
