// Finds which column holds what from the header row: English or French names, in any order,
// compared without case, accents, spaces or punctuation ("Nom d’utilisateur" = "nom d'utilisateur"
// = "NOM D UTILISATEUR"). Columns with other names are left alone.
import { AppError } from '../errors/app-error.js';

export const fields = [
  'email',
  'firstName',
  'lastName',
  'username',
  'password',
  'enterpriseId',
  'userType',
  'role',
  'company',
  'licences',
  'credits',
  'language',
] as const;
export type Field = (typeof fields)[number];

/** Accepted names, already folded (see `foldHeader`). */
const aliases: Record<Field, string[]> = {
  email: ['email', 'emailaddress', 'courriel', 'adresseelectronique', 'adresseemail', 'adressecourriel', 'adressemail'],
  firstName: ['firstname', 'givenname', 'prenom'],
  lastName: ['lastname', 'surname', 'familyname', 'nom', 'nomdefamille'],
  username: ['username', 'nomdutilisateur', 'nomutilisateur'],
  password: ['password', 'motdepasse'],
  enterpriseId: ['enterpriseid', 'iddentreprise', 'identreprise'],
  userType: ['usertype', 'typedutilisateur', 'typeutilisateur'],
  role: ['role'],
  // A partner company (external members): its name, or its path "Groupe JLO/JLO PARIS".
  company: ['company', 'companyname', 'societe', 'entreprise'],
  // Member properties (issue 17): add-on licences separated by |, credits, the member's language.
  licences: ['licences', 'licenses', 'licence', 'license'],
  credits: ['credits', 'credit'],
  language: ['language', 'langue'],
};

const fieldByAlias = new Map(fields.flatMap((field) => aliases[field].map((alias) => [alias, field] as const)));

/** "Adresse e-mail" → "adresseemail", "Rôle" → "role", "Nom d’utilisateur" → "nomdutilisateur". */
export const foldHeader = (header: string) =>
  header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

export interface Columns {
  /** Position of each field's column in a record; absent fields are not in the file. */
  index: Partial<Record<Field, number>>;
  /** Each field's header as written in the file, for error messages. */
  header: Partial<Record<Field, string>>;
}

export function mapColumns(headers: string[]): Columns {
  if (headers.some((h) => h.includes('\uFFFD'))) throw new AppError('import.not_utf8', {}, 'invalid');
  const columns: Columns = { index: {}, header: {} };
  headers.forEach((written, position) => {
    const field = fieldByAlias.get(foldHeader(written));
    if (!field) return;
    if (columns.index[field] !== undefined)
      throw new AppError('import.duplicate_column', { column: written }, 'invalid');
    columns.index[field] = position;
    columns.header[field] = written;
  });
  if (columns.index.email === undefined) {
    const found = headers.filter(Boolean).join(', ') || '—';
    throw new AppError('import.no_email_column', { headers: found }, 'invalid');
  }
  return columns;
}
