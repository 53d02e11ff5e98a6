// An invitation's story, step by step (`/invite status`, `status` in Teams, `sesame status`): read
// from the audit trail, SendGrid's events and the outbox in a fixed number of queries, whatever
// the number of steps or of the address's invitations. For those who manage invitations, within
// their organization: another organization's invitation is "not found", like one that never was.
import type { Db } from '../db/database.js';
import type { Invitation, InvitationStatus } from '../generated/prisma/client.js';
import type { Actor } from '../permissions/actor.js';
import { assertCanManageInvitations } from '../permissions/policy.js';
import { findInvitation } from './find-invitation.js';
import { BULK_ACTIONS, type OutboxRecord, SEAT_DECISIONS, type StoryRecords, stepsOf } from './timeline-records.js';
import type { TimelineStep } from './timeline-steps.js';

export type { TimelineStep } from './timeline-steps.js';

/** What the story shows of the invitation itself. */
export interface TimelineInvitation {
  id: string;
  email: string;
  status: InvitationStatus;
  createdAt: Date;
  expiresAt: Date;
  closedAt: Date | null;
  inviterEmail: string | null;
  external: boolean;
  companyName: string | null;
}

export interface InvitationStory {
  invitation: TimelineInvitation;
  /** Oldest first. */
  steps: TimelineStep[];
}

export interface InvitationTimeline {
  /** The invitation asked for; with `all`, every invitation of its address, oldest first. */
  stories: InvitationStory[];
  /** The address's other invitations (revoked, then invited again...), newest first. */
  others: { id: string; status: InvitationStatus; createdAt: Date }[];
}

/** An address invited more often than this is told in its latest invitations only. */
export const TIMELINE_MAX_INVITATIONS = 50;
/** Far above a real story (a few sends, events and webhooks): bounds what one answer reads. */
const MAX_RECORDS = 1_000;
/** Outbox rows are written in the invitation's transaction or later; a margin for clocks apart. */
const CLOCK_MARGIN_MS = 60_000;

/**
 * The story of the invitation `ref` names (an id, or an address: its latest invitation, the open
 * one if any, as findInvitation picks it). `all`: the stories of every invitation of its address.
 */
export async function invitationTimeline(
  db: Db,
  actor: Actor,
  ref: string,
  options: { all?: boolean } = {},
): Promise<InvitationTimeline> {
  // Before the look-up: a member who may not read invitations learns nothing of which exist.
  assertCanManageInvitations(actor, 'list_invitations');
  const found = await findInvitation(db, actor, ref);
  const organizationId = actor.organization.id;
  const ofAddress = await db.invitation.findMany({
    where: { organizationId, email: found.email },
    include: { inviter: { select: { email: true } } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: TIMELINE_MAX_INVITATIONS,
  });
  const named = ofAddress.find((i) => i.id === found.id) ?? { ...found, inviter: null };
  const shown = options.all ? [...ofAddress].reverse() : [named];
  const shownIds = new Set(shown.map((i) => i.id));
  const records = await readRecords(db, organizationId, shown);
  return {
    stories: shown.map((invitation) => ({
      invitation: {
        id: invitation.id,
        email: invitation.email,
        status: invitation.status,
        createdAt: invitation.createdAt,
        expiresAt: invitation.expiresAt,
        closedAt: invitation.closedAt,
        inviterEmail: invitation.inviter?.email ?? null,
        external: invitation.external,
        companyName: invitation.companyName,
      },
      steps: stepsOf(invitation, records),
    })),
    others: ofAddress
      .filter((i) => !shownIds.has(i.id))
      .map((i) => ({ id: i.id, status: i.status, createdAt: i.createdAt })),
  };
}

/** The audit events (bulk runs included), SendGrid's events and the outbox rows of the invitations: three queries. */
async function readRecords(db: Db, organizationId: string, invitations: Invitation[]): Promise<StoryRecords> {
  const ids = invitations.map((i) => i.id);
  const requestIds = [...new Set(invitations.flatMap((i) => (i.seatRequestId ? [i.seatRequestId] : [])))];
  const since = new Date(Math.min(...invitations.map((i) => i.createdAt.getTime())) - CLOCK_MARGIN_MS);
  const [audit, emailEvents, outbox] = await Promise.all([
    db.auditEvent.findMany({
      where: {
        organizationId,
        OR: [
          { subjectType: 'invitation', subjectId: { in: ids } },
          // Approving or denying the seat request the invitation was held on.
          { subjectType: 'seat_request', subjectId: { in: requestIds }, action: { in: [...SEAT_DECISIONS] } },
          // A bulk action's one row for all it took: the invitation's id in its data's ids (jsonb @>).
          {
            subjectType: 'organization',
            subjectId: organizationId,
            action: { in: BULK_ACTIONS },
            OR: ids.map((id) => ({ data: { path: ['ids'], array_contains: [id] } })),
          },
        ],
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: MAX_RECORDS,
    }),
    db.emailEvent.findMany({
      where: { invitationId: { in: ids }, event: { in: ['delivered', 'bounce', 'dropped'] } },
      orderBy: [{ occurredAt: 'asc' }, { sgEventId: 'asc' }],
      take: MAX_RECORDS,
    }),
    // The invitation's e-mails, and the webhooks whose data names it (member.enrolled included);
    // read through the organization's index on created_at, from the oldest invitation on.
    db.$queryRawUnsafe<OutboxRecord[]>(
      `SELECT o.id, o.kind, o.payload, o.status::text AS status, o.attempts, o.created_at AS "createdAt",
              o.sent_at AS "sentAt", w.url AS "endpointUrl"
         FROM outbox_message o
         LEFT JOIN webhook_endpoint w ON o.kind = 'webhook' AND w.id::text = o.payload->>'endpointId'
        WHERE o.organization_id = $1::uuid AND o.created_at >= $2::timestamptz
          AND ((o.kind = 'invitation.email' AND o.payload->>'invitationId' = ANY($3::text[]))
            OR (o.kind = 'webhook' AND o.payload->'data'->>'invitationId' = ANY($3::text[])))
        ORDER BY o.id
        LIMIT ${MAX_RECORDS}`,
      organizationId,
      since.toISOString(),
      ids,
    ),
  ]);
  return { audit, emailEvents, outbox };
}
