// The import's own messages, in English and French: a file that cannot be read or is too big,
// rows that are empty or not UTF-8. Part of `messages`: channels render them through `translate()`.
import { bilingual } from './message.js';

export const importMessages = {
  'import.empty': bilingual(
    () => 'The file is empty: expected a header row (Email, First Name, ...) and one row per person.',
    () =>
      "Le fichier est vide : attendu une ligne d'en-tête (Adresse électronique, Prénom, ...) et une ligne par personne.",
  ),
  'import.no_email_column': bilingual<{ headers: string }>(
    (p) => `No Email column in the header row (found: ${p.headers}). Name it "Email" or "Adresse électronique".`,
    (p) =>
      `Pas de colonne Adresse électronique dans l'en-tête (trouvé : ${p.headers}). Nommez-la « Adresse électronique » ou « Email ».`,
  ),
  'import.duplicate_column': bilingual<{ column: string }>(
    (p) => `The column ${p.column} appears twice in the header row.`,
    (p) => `La colonne ${p.column} apparaît deux fois dans l'en-tête.`,
  ),
  'import.unreadable': bilingual<{ reason: string }>(
    (p) => `The file could not be read as CSV: ${p.reason}`,
    (p) => `Le fichier n'a pas pu être lu comme un CSV : ${p.reason}`,
  ),
  'import.row_empty_email': bilingual(
    () => 'The e-mail address is missing on this row.',
    () => "L'adresse électronique manque sur cette ligne.",
  ),
  'import.bad_quotes': bilingual<{ line: number }>(
    (p) =>
      `A quoted field is not closed properly after line ${p.line}: check the double quotes (a quote inside a quoted field is written "").`,
    (p) =>
      `Un champ entre guillemets n'est pas correctement fermé après la ligne ${p.line} : vérifiez les guillemets (un guillemet dans un champ entre guillemets s'écrit "").`,
  ),
  'import.not_utf8': bilingual(
    () => 'The file is not encoded in UTF-8: save it as "CSV UTF-8" and import it again.',
    () => "Le fichier n'est pas encodé en UTF-8 : enregistrez-le au format « CSV UTF-8 » et importez-le à nouveau.",
  ),
  'import.row_not_utf8': bilingual(
    () => 'This value has characters that are not valid UTF-8: save the file as "CSV UTF-8".',
    () =>
      'Cette valeur contient des caractères qui ne sont pas en UTF-8 valide : enregistrez le fichier au format « CSV UTF-8 ».',
  ),
  'import.no_rows': bilingual(
    () => 'The file has a header row but no row to import.',
    () => "Le fichier a une ligne d'en-tête mais aucune ligne à importer.",
  ),
  'import.too_large': bilingual<{ maxMb: number }>(
    (p) => `The file is larger than ${p.maxMb} MB: split it into smaller files.`,
    (p) => `Le fichier dépasse ${p.maxMb} Mo : découpez-le en fichiers plus petits.`,
  ),
  'import.no_source': bilingual(
    () => 'Upload a CSV file or paste the rows (with their header row).',
    () => "Chargez un fichier CSV ou collez les lignes (avec leur ligne d'en-tête).",
  ),
};
