// The pending list: filterable, paginated, with the counts an admin needs beside it.
import { type CompanyFilter, companyConditions } from '../companies/company-filter.js';
import type { Db } from '../db/database.js';
import { AppError, unwrap } from '../errors/app-error.js';
import type { Invitation, InvitationStatus, Prisma } from '../generated/prisma/client.js';
import { type Catalogue, findRole, findUserType } from '../organizations/catalogue.js';
import type { Actor } from '../permissions/actor.js';
import { assertCanManageInvitations } from '../permissions/policy.js';
import { checkEdgeText } from '../text/edge-text.js';

export interface InvitationFilter extends CompanyFilter {
  /** Default: the open ones (pending and awaiting approval). */
  status?: InvitationStatus[];
  role?: string;
  userType?: string;
  /** The inviter's e-mail. */
  inviter?: string;
  /** Only those expiring within this many days. */
  expiringWithinDays?: number;
  /** Part of the e-mail or name. */
  search?: string;
  page?: number;
  pageSize?: number;
}

export type InvitationView = Invitation & { inviterEmail: string };

export interface InvitationPage {
  invitations: InvitationView[];
  total: number;
  page: number;
  pageSize: number;
  pages: number;
  counts: { pending: number; awaitingApproval: number; byUserType: Record<string, number> };
}

export async function listInvitations(
  db: Db,
  actor: Actor,
  filter: InvitationFilter = {},
  now = new Date(),
): Promise<InvitationPage> {
  // The list holds invitees' addresses and names: for those who manage invitations only.
  assertCanManageInvitations(actor, 'list_invitations');
  const orgId = actor.organization.id;
  const catalogue = actor.organization.catalogue;
  const pageSize = Math.min(Math.max(filter.pageSize ?? 20, 1), 500);
  const page = Math.max(filter.page ?? 1, 1);
  const where: Prisma.InvitationWhereInput = {
    organizationId: orgId,
    status: { in: filter.status?.length ? filter.status : ['PENDING', 'AWAITING_APPROVAL'] },
    ...(await companyConditions(db, orgId, filter)),
  };
  // Role and user type accept any of their names, like everywhere else; an unknown one is refused
  // with the valid ones (it matched nothing before, which read as "nobody is pending").
  if (filter.role) where.role = knownFilterValue(catalogue, 'role', filter.role);
  if (filter.userType) where.userType = knownFilterValue(catalogue, 'user type', filter.userType);
  if (filter.inviter) where.inviter = { email: unwrap(checkEdgeText('Inviter', filter.inviter.trim().toLowerCase())) };
  if (filter.expiringWithinDays !== undefined) {
    where.expiresAt = { lte: new Date(now.getTime() + filter.expiringWithinDays * 86_400_000) };
  }
  if (filter.search?.trim()) {
    const term = likeLiteral(unwrap(checkEdgeText('Search', filter.search.trim())));
    where.OR = [
      { email: { contains: term, mode: 'insensitive' } },
      { firstName: { contains: term, mode: 'insensitive' } },
      { lastName: { contains: term, mode: 'insensitive' } },
    ];
  }
  const [rows, total, grouped] = await Promise.all([
    db.invitation.findMany({
      where,
      include: { inviter: { select: { email: true } } },
      // Newest first; the invitations of one batch (one instant) by address, for a list one can scan.
      orderBy: [{ createdAt: 'desc' }, { email: 'asc' }, { id: 'asc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    db.invitation.count({ where }),
    db.invitation.groupBy({
      by: ['status', 'userType'],
      where: { organizationId: orgId, status: { in: ['PENDING', 'AWAITING_APPROVAL'] } },
      _count: { _all: true },
    }),
  ]);
  const counts = { pending: 0, awaitingApproval: 0, byUserType: {} as Record<string, number> };
  for (const g of grouped) {
    if (g.status === 'PENDING') counts.pending += g._count._all;
    else counts.awaitingApproval += g._count._all;
    counts.byUserType[g.userType] = (counts.byUserType[g.userType] ?? 0) + g._count._all;
  }
  return {
    invitations: rows.map(({ inviter, ...row }) => ({ ...row, inviterEmail: inviter.email })),
    total,
    page,
    pageSize,
    pages: Math.max(1, Math.ceil(total / pageSize)),
    counts,
  };
}

/** The key of the role or user type named `input` (any of its names), or a refusal listing them. */
function knownFilterValue(catalogue: Catalogue, filter: 'role' | 'user type', input: string): string {
  const value = unwrap(checkEdgeText(filter === 'role' ? 'Role' : 'User type', input.trim()));
  const [found, entries] =
    filter === 'role'
      ? [findRole(catalogue, value), catalogue.roles]
      : [findUserType(catalogue, value), catalogue.userTypes];
  if (found) return found.key;
  const known = entries.map((e) => (e.names.fr === e.names.en ? e.names.en : `${e.names.en} / ${e.names.fr}`));
  throw new AppError('filter.unknown_value', { filter, value, known: known.join(', ') }, 'invalid');
}

/** Prisma's `contains` is a LIKE: its wildcards and escape character are matched as themselves. */
const likeLiteral = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);
