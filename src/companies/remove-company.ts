// Removes a company that has no subsidiaries left (they are moved or removed first, so that a
// whole branch is never dropped by one mistyped name). Its external invitations are suspended for
// good and its external members kept, without a company, for an administrator to decide.
import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import type { Actor } from '../permissions/actor.js';
import { type CompanyChange, changeCompany } from './change-company.js';

export function removeCompany(db: Db, actor: Actor, ref: string): Promise<CompanyChange> {
  return changeCompany(db, actor, ref, {
    action: 'company.removed',
    removes: true,
    apply: async (tx, company, tree) => {
      const count = tree.filter((node) => node.parentId === company.id).length;
      if (count > 0) throw new AppError('company.has_subsidiaries', { name: company.name, count }, 'refused');
      await tx.company.delete({ where: { id: company.id } });
      return true;
    },
  });
}
