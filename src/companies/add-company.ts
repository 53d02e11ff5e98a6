// Adds a partner company, at the top level or under a parent. Owners and administrators only.
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import type { Actor } from '../permissions/actor.js';
import { assertCanManageCompanies } from '../permissions/policy.js';
import { checkCompanyName, companyNameKey } from './company-name.js';
import { type CompanyNode, companyPath, loadCompanyTree, lockOrganization } from './company-tree.js';
import { findCompany } from './find-company.js';

export async function addCompany(
  db: Db,
  actor: Actor,
  input: { name: string; parent?: string | null },
): Promise<CompanyNode> {
  assertCanManageCompanies(actor);
  const name = checkCompanyName(input.name);
  const organizationId = actor.organization.id;
  return db.$transaction(async (tx) => {
    await lockOrganization(tx, organizationId);
    const tree = await loadCompanyTree(tx, organizationId);
    const parent = input.parent ? findCompany(tree, input.parent) : null;
    const nameKey = companyNameKey(name);
    const clash = tree.some((node) => node.parentId === (parent?.id ?? null) && companyNameKey(node.name) === nameKey);
    if (clash) throw new AppError('company.exists', { name, parent: parent?.name ?? '' }, 'conflict');
    const created = await tx.company.create({ data: { organizationId, parentId: parent?.id ?? null, name, nameKey } });
    const company: CompanyNode = {
      id: created.id,
      parentId: created.parentId,
      name,
      secured: false,
      covered: parent?.covered ?? false,
      lineage: [...(parent?.lineage ?? []), created.id],
      names: [...(parent?.names ?? []), name],
    };
    await recordAuditEvent(tx, actor, {
      action: 'company.added',
      subjectType: 'company',
      subjectId: created.id,
      data: { name, path: companyPath(company), covered: company.covered },
    });
    return company;
  });
}
