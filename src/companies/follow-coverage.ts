// What a change of coverage does to the people of the companies it touched: the open external
// invitations of companies no longer covered are suspended (their links cannot be used, they take
// no seat), those of companies covered again resume; external members are never removed, only
// counted, so that the administrator who made the change is told and decides.
import type { Prisma } from '../generated/prisma/client.js';

export interface CoverageEffects {
  suspendedInvitations: number;
  resumedInvitations: number;
  /** External members of the companies that lost their coverage (kept, listed for a decision). */
  uncoveredMembers: number;
}

export const noEffects: CoverageEffects = { suspendedInvitations: 0, resumedInvitations: 0, uncoveredMembers: 0 };

const OPEN = `status IN ('PENDING', 'AWAITING_APPROVAL')`;

async function setSuspended(
  tx: Prisma.TransactionClient,
  organizationId: string,
  companyIds: string[],
  suspended: boolean,
): Promise<number> {
  if (companyIds.length === 0) return 0;
  return tx.$executeRawUnsafe(
    `UPDATE invitation SET suspended = $3
      WHERE organization_id = $1::uuid AND company_id = ANY ($2::uuid[]) AND external AND ${OPEN}
        AND suspended <> $3`,
    organizationId,
    companyIds,
    suspended,
  );
}

export async function followCoverage(
  tx: Prisma.TransactionClient,
  organizationId: string,
  change: { lostCoverage: { id: string }[]; gainedCoverage: { id: string }[] },
): Promise<CoverageEffects> {
  const lost = change.lostCoverage.map((company) => company.id);
  const suspendedInvitations = await setSuspended(tx, organizationId, lost, true);
  const resumedInvitations = await setSuspended(
    tx,
    organizationId,
    change.gainedCoverage.map((company) => company.id),
    false,
  );
  const uncoveredMembers =
    lost.length === 0
      ? 0
      : await tx.member.count({ where: { organizationId, external: true, companyId: { in: lost } } });
  return { suspendedInvitations, resumedInvitations, uncoveredMembers };
}
