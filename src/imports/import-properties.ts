// What a row's member properties are checked against, read once per import (never per row): the
// organization's licence catalogue, whether the importer may allocate credits (administrators
// only), and the licences given to every row of the file (the seed's "Set member properties" for a
// whole batch: each must suit every row's user type, or the rows that exclude it are named).
import type { Db } from '../db/database.js';
import { type Notice, notice } from '../i18n/messages.js';
import { type Licence, readLicences } from '../licences/licence-catalogue.js';
import type { Actor } from '../permissions/actor.js';
import { canSetCredits } from '../permissions/policy.js';

export interface RowProperties {
  licences: Licence[];
  /** Why a Credits cell is refused (null: the importer may allocate credits). */
  creditsRefusal: Notice | null;
  /** Licences (as typed) given to every row. */
  batchLicences: string[];
}

export const noRowProperties: RowProperties = { licences: [], creditsRefusal: null, batchLicences: [] };

export async function importProperties(db: Db, actor: Actor, batchLicences: string[] = []): Promise<RowProperties> {
  return {
    licences: await readLicences(db, actor.organization.id),
    creditsRefusal: canSetCredits(actor.member, actor.organization)
      ? null
      : notice('permission.set_credits', { email: actor.member.email }),
    batchLicences: batchLicences.map((l) => l.trim()).filter(Boolean),
  };
}
