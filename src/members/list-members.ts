// The members of the actor's organization, with who invited them. Their addresses and names are
// for owners and administrators; a manager deciding seats has the seat summary's counts.
import { type CompanyFilter, companyConditions } from '../companies/company-filter.js';
import type { Db } from '../db/database.js';
import type { Member, Prisma } from '../generated/prisma/client.js';
import type { Actor } from '../permissions/actor.js';
import { assertCanManageInvitations } from '../permissions/policy.js';

export interface MemberFilter extends CompanyFilter {
  /** Part of the e-mail, name or username. */
  search?: string;
  limit?: number;
}

export type MemberView = Omit<Member, 'passwordHash'> & { invitedByEmail: string | null };

export interface MemberList {
  members: MemberView[];
  /** How many members match, even beyond the limit. */
  total: number;
}

export async function listMembers(db: Db, actor: Actor, filter: MemberFilter = {}): Promise<MemberList> {
  assertCanManageInvitations(actor, 'list_members');
  const where: Prisma.MemberWhereInput = {
    organizationId: actor.organization.id,
    ...(await companyConditions(db, actor.organization.id, filter)),
  };
  const term = filter.search?.trim();
  if (term) {
    where.OR = ['email', 'firstName', 'lastName', 'username'].map((field) => ({
      [field]: { contains: term, mode: 'insensitive' },
    }));
  }
  const [rows, total] = await Promise.all([
    db.member.findMany({
      where,
      omit: { passwordHash: true },
      include: { invitedBy: { select: { email: true } } },
      orderBy: [{ isOwner: 'desc' }, { email: 'asc' }],
      take: Math.min(Math.max(filter.limit ?? 1000, 1), 10_000),
    }),
    db.member.count({ where }),
  ]);
  return {
    members: rows.map(({ invitedBy, ...row }) => ({ ...row, invitedByEmail: invitedBy?.email ?? null })),
    total,
  };
}
