// The pending list as the chat cards carry it: the filter travels in the buttons' values (checked
// again with zod when it comes back), and a page past the end, after revokes or acceptances,
// shows the last page instead.
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { type InvitationFilter, type InvitationPage, listInvitations } from '../../invitations/list-invitations.js';
import type { Actor } from '../../permissions/actor.js';

export const PENDING_PAGE_SIZE = 10;

export const pendingListState = z
  .object({
    status: z.array(z.enum(['PENDING', 'AWAITING_APPROVAL', 'ACCEPTED', 'REVOKED', 'EXPIRED', 'CANCELLED'])).optional(),
    role: z.string().max(100).optional(),
    userType: z.string().max(100).optional(),
    inviter: z.string().max(254).optional(),
    expiringWithinDays: z.number().int().min(0).max(365).optional(),
    search: z.string().max(200).optional(),
    page: z.number().int().min(1).optional(),
  })
  .catch({});

export async function pendingPage(
  db: Db,
  actor: Actor,
  filter: InvitationFilter,
): Promise<{ page: InvitationPage; filter: InvitationFilter }> {
  const page = await listInvitations(db, actor, { ...filter, pageSize: PENDING_PAGE_SIZE });
  if (page.page <= page.pages) return { page, filter };
  const last = { ...filter, page: page.pages };
  return { page: await listInvitations(db, actor, { ...last, pageSize: PENDING_PAGE_SIZE }), filter: last };
}
