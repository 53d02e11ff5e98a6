// What a request's card and its outcome messages say: the address, the note, who asked (merged
// requests: everyone), who decided and why, and what became of the invitation an approval made.
import type { Db } from '../db/database.js';
import type { InvitationStatus, InviteRequest } from '../generated/prisma/client.js';

/** Where a request's cards are recorded (chat_post), to redraw them once decided. */
export const inviteRequestSubject = (id: string) => `invite_request:${id}`;

export interface InviteRequestDetails {
  request: InviteRequest;
  organizationName: string;
  /** The first requester (null once removed from the organization), then those who joined. */
  requestedByEmail: string | null;
  alsoRequestedByEmails: string[];
  decidedByEmail: string | null;
  /** The invitation an approval made: PENDING (sent) or AWAITING_APPROVAL (held beyond the seats). */
  invitationStatus: InvitationStatus | null;
}

export async function inviteRequestDetails(
  db: Db,
  organizationId: string,
  id: string,
): Promise<InviteRequestDetails | null> {
  const request = await db.inviteRequest.findFirst({
    where: { id, organizationId },
    include: {
      organization: { select: { name: true } },
      requestedBy: { select: { email: true } },
      decidedBy: { select: { email: true } },
    },
  });
  if (!request) return null;
  const { organization, requestedBy, decidedBy, ...plain } = request;
  const [others, invitation] = await Promise.all([
    plain.alsoRequestedByIds.length > 0
      ? db.member.findMany({
          where: { organizationId, id: { in: plain.alsoRequestedByIds } },
          select: { email: true },
          orderBy: { email: 'asc' },
        })
      : [],
    plain.invitationId
      ? db.invitation.findFirst({ where: { id: plain.invitationId, organizationId }, select: { status: true } })
      : null,
  ]);
  return {
    request: plain,
    organizationName: organization.name,
    requestedByEmail: requestedBy?.email ?? null,
    alsoRequestedByEmails: others.map((o) => o.email),
    decidedByEmail: decidedBy?.email ?? null,
    invitationStatus: invitation?.status ?? null,
  };
}
