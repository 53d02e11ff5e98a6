// The frame every change to an existing company shares (secure, unsecure, move, remove): the
// permission, one transaction under the organization's lock, the tree read before and after, the
// coverage it changed, what that did to the external invitations and members of the companies
// concerned (follow-coverage.ts), and the audit event saying so.

import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Db } from '../db/database.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { Actor } from '../permissions/actor.js';
import { assertCanManageCompanies } from '../permissions/policy.js';
import { type CompanyNode, companyPath, loadCompanyTree, lockOrganization } from './company-tree.js';
import { type CoverageChange, coverageChange } from './coverage.js';
import { findCompany } from './find-company.js';
import { type CoverageEffects, followCoverage, noEffects } from './follow-coverage.js';

export interface CompanyChange extends CoverageChange, CoverageEffects {
  /** The company as it was before the change. */
  company: CompanyNode;
  /** False when the company already was as asked (nothing written, nothing recorded). */
  changed: boolean;
}

interface Change {
  action: 'company.secured' | 'company.unsecured' | 'company.moved' | 'company.removed';
  /** Writes the change, or returns false when there is nothing to change. */
  apply: (tx: Prisma.TransactionClient, company: CompanyNode, tree: CompanyNode[]) => Promise<boolean>;
  /** What the audit event records beside the company's name and the coverage change. */
  details?: (company: CompanyNode, after: CompanyNode[]) => Prisma.InputJsonObject;
  /** The company is deleted: its people are followed before, while they still name it. */
  removes?: boolean;
}

export async function changeCompany(db: Db, actor: Actor, ref: string, change: Change): Promise<CompanyChange> {
  assertCanManageCompanies(actor);
  const organizationId = actor.organization.id;
  return db.$transaction(async (tx) => {
    await lockOrganization(tx, organizationId);
    const before = await loadCompanyTree(tx, organizationId);
    const company = findCompany(before, ref);
    const removal = change.removes
      ? await followCoverage(tx, actor, { lostCoverage: [company], gainedCoverage: [] })
      : undefined;
    if (!(await change.apply(tx, company, before))) {
      return { company, changed: false, lostCoverage: [], gainedCoverage: [], ...noEffects };
    }
    const after = await loadCompanyTree(tx, organizationId);
    const coverage = coverageChange(before, after);
    const effects = removal ?? (await followCoverage(tx, actor, coverage));
    await recordAuditEvent(tx, actor, {
      action: change.action,
      subjectType: 'company',
      subjectId: company.id,
      data: {
        name: company.name,
        path: companyPath(company),
        ...change.details?.(company, after),
        lostCoverage: coverage.lostCoverage.map(companyPath),
        gainedCoverage: coverage.gainedCoverage.map(companyPath),
        ...effects,
      },
    });
    return { company, changed: true, ...coverage, ...effects };
  });
}
