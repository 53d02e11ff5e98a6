// Moves a company, with its subsidiaries, under another parent or to the top level. Never into
// itself or one of its own subsidiaries: the tree would become a cycle.
import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import type { Actor } from '../permissions/actor.js';
import { type CompanyChange, changeCompany } from './change-company.js';
import { companyNameKey } from './company-name.js';
import { companyPath } from './company-tree.js';
import { findCompany } from './find-company.js';

/** `parent`: the new parent's name or path, or null for the top level. */
export function moveCompany(db: Db, actor: Actor, ref: string, parent: string | null): Promise<CompanyChange> {
  let from = '';
  let to = '';
  return changeCompany(db, actor, ref, {
    action: 'company.moved',
    apply: async (tx, company, tree) => {
      const target = parent === null ? null : findCompany(tree, parent);
      // The target's lineage holds the company when the target is the company or lies under it.
      if (target?.lineage.includes(company.id)) {
        throw new AppError('company.cycle', { name: company.name, parent: target.name }, 'refused');
      }
      if ((target?.id ?? null) === company.parentId) return false;
      const key = companyNameKey(company.name);
      if (tree.some((node) => node.parentId === (target?.id ?? null) && companyNameKey(node.name) === key)) {
        throw new AppError('company.exists', { name: company.name, parent: target?.name ?? '' }, 'conflict');
      }
      from = company.names.slice(0, -1).join('/');
      to = target ? companyPath(target) : '';
      await tx.company.update({ where: { id: company.id }, data: { parentId: target?.id ?? null } });
      return true;
    },
    details: () => ({ from: from || null, to: to || null }),
  });
}
