// Secures a company (it and all its subsidiaries, at any depth, become covered: their people may
// be invited as external members), or stops securing it.
import type { Db } from '../db/database.js';
import type { Actor } from '../permissions/actor.js';
import { type CompanyChange, changeCompany } from './change-company.js';

export function setCompanySecured(db: Db, actor: Actor, ref: string, secured: boolean): Promise<CompanyChange> {
  return changeCompany(db, actor, ref, {
    action: secured ? 'company.secured' : 'company.unsecured',
    apply: async (tx, company) => {
      if (company.secured === secured) return false;
      await tx.company.update({ where: { id: company.id }, data: { secured } });
      return true;
    },
  });
}
