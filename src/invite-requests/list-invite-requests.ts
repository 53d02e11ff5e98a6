// The organization's invite requests, newest first, for those who decide them (owners and
// administrators): the addresses are personal data, so reading is checked like deciding.
import type { Db } from '../db/database.js';
import type { InviteRequest, InviteRequestStatus } from '../generated/prisma/client.js';
import type { Actor } from '../permissions/actor.js';
import { assertCanManageInvitations } from '../permissions/policy.js';

export interface InviteRequestView extends InviteRequest {
  requestedByEmail: string | null;
  decidedByEmail: string | null;
  /** How many members asked for the address (merged requests). */
  requesters: number;
}

export async function listInviteRequests(
  db: Db,
  actor: Actor,
  options: { status?: InviteRequestStatus; limit?: number } = {},
): Promise<InviteRequestView[]> {
  assertCanManageInvitations(actor, 'list_invite_requests');
  const rows = await db.inviteRequest.findMany({
    where: { organizationId: actor.organization.id, ...(options.status ? { status: options.status } : {}) },
    include: { requestedBy: { select: { email: true } }, decidedBy: { select: { email: true } } },
    orderBy: { createdAt: 'desc' },
    take: options.limit ?? 200,
  });
  return rows.map(({ requestedBy, decidedBy, ...request }) => ({
    ...request,
    requestedByEmail: requestedBy?.email ?? null,
    decidedByEmail: decidedBy?.email ?? null,
    requesters: (request.requestedById ? 1 : 0) + request.alsoRequestedByIds.length,
  }));
}
