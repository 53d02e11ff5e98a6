// The organization's catalogue of add-on licences (ArcGIS's "licences additionnelles"): each has a
// key, French and English names, the user types it may be assigned to and how many the
// organization owns (null: unlimited). Read here; written by manage-licences.ts.
import type { Prisma } from '../generated/prisma/client.js';
import type { Locale } from '../i18n/locale.js';

type Reader = Pick<Prisma.TransactionClient, 'licence'>;

export interface Licence {
  key: string;
  names: { en: string; fr: string };
  /** Keys of the organization's user types (src/organizations/catalogue.ts). */
  userTypes: string[];
  /** How many the organization owns; null: unlimited. */
  owned: number | null;
}

export async function readLicences(db: Reader, organizationId: string): Promise<Licence[]> {
  const rows = await db.licence.findMany({ where: { organizationId }, orderBy: { key: 'asc' } });
  return rows.map((row) => ({
    key: row.key,
    names: { en: row.nameEn, fr: row.nameFr },
    userTypes: row.userTypes,
    owned: row.owned,
  }));
}

const fold = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');

/** A licence by its key or either of its names, case-insensitively (as roles and user types are found). */
export function findLicence(licences: Licence[], input: string): Licence | undefined {
  const wanted = fold(input);
  return licences.find((l) => [l.key, l.names.en, l.names.fr].some((name) => fold(name) === wanted));
}

/** A licence named in a message: its English name, and its French one for the French text. */
export const licenceParams = (licence: Licence) => ({ licence: licence.names.en, licenceFr: licence.names.fr });

export const licenceName = (licence: Licence, locale: Locale) => licence.names[locale];
