// What a valid row must pass once the database is read, before what it knows about the address:
// its company exists and is covered (external rows), and enterprise IDs have the organization's
// identity provider. The dry run and the import ask the same gates in the same order, so they
// report the same row errors.
import type { ExternalCompany } from '../companies/external-company.js';
import type { Db } from '../db/database.js';
import type { Notice } from '../i18n/messages.js';
import { enterpriseIdRefusal } from '../sso/add-member-by-enterprise-id.js';
import type { CompanyResolver } from './import-companies.js';
import type { Field } from './map-columns.js';
import type { ValidRow } from './validate-row.js';

export interface RowGates {
  /** The companies, read once; needed as soon as a row names one. */
  companies?: CompanyResolver;
  /** Why enterprise IDs are refused (no identity provider), or null; asked once, if a row has one. */
  noProvider?: Notice | null;
}

export type GateVerdict = { ok: true; company: ExternalCompany | null } | { ok: false; field: Field; reason: Notice };

const internal: GateVerdict = { ok: true, company: null };

export function passGates(row: ValidRow, gates: RowGates): GateVerdict {
  let verdict = internal;
  if (row.companyRef !== null) {
    if (!gates.companies) throw new Error('the companies were not read before a row naming one');
    verdict = gates.companies(row.companyRef);
    if (!verdict.ok) return verdict;
  }
  if (row.enterpriseId !== null) {
    if (gates.noProvider === undefined) throw new Error('the identity provider was not asked before an enterprise ID');
    if (gates.noProvider) return { ok: false, field: 'enterpriseId', reason: gates.noProvider };
  }
  return verdict;
}

export const namesCompany = (rows: readonly ValidRow[]) => rows.some((row) => row.companyRef !== null);

/** Asks for the identity provider once, the first time rows carry an enterprise ID. */
export async function askProvider(db: Db, organizationId: string, gates: RowGates, rows: readonly ValidRow[]) {
  if (gates.noProvider === undefined && rows.some((row) => row.enterpriseId !== null)) {
    gates.noProvider = await enterpriseIdRefusal(db, organizationId);
  }
}
