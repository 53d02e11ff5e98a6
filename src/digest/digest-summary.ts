// What the managers' channel digest says: the pending invitations (and how many expire within
// 48 hours), those accepted and those that bounced or could not be delivered since the last
// digest, those held for approval with the seat requests waiting, and the seats used and left.
// Read by the digest job (to decide whether there is anything to say), by the notifiers (to say
// it) and by `sesame digest`.
import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import type { Prisma } from '../generated/prisma/client.js';
import { outboxKinds } from '../outbox/enqueue.js';
import type { Actor } from '../permissions/actor.js';
import { canDecideSeatRequests, canManageInvitations } from '../permissions/policy.js';
import { type SeatKind, seatCounts, seatsUsed } from '../seats/seat-usage.js';
import { periodMs } from './digest-schedule.js';

type Reader = Prisma.TransactionClient | Db;

/** "Expiring soon" in the digest: within 48 hours. */
export const EXPIRING_WITHIN_MS = 48 * 3_600_000;

export interface DigestSeats {
  used: number;
  limit: number;
  remaining: number;
}

export interface DigestSeatRequest {
  id: string;
  kind: SeatKind;
  seatsRequested: number;
  requestedBy: string;
  createdAt: Date;
}

export interface DigestSummary {
  organizationId: string;
  organizationName: string;
  /** The organization's time zone, in which the digest shows its times. */
  timezone: string;
  /** The period the "since" counts cover: from the last digest to now. */
  since: Date;
  now: Date;
  pending: number;
  expiringSoon: number;
  accepted: number;
  /** Bounced, dropped or given up since the last digest (each invitation once). */
  bounced: number;
  held: number;
  seatRequests: DigestSeatRequest[];
  seats: { internal: DigestSeats; external: DigestSeats | null };
}

/** Nothing to say: no invitation waiting or moving, no request to decide. Seats alone are not news. */
export const isEmptyDigest = (s: DigestSummary): boolean =>
  s.pending === 0 && s.accepted === 0 && s.bounced === 0 && s.held === 0 && s.seatRequests.length === 0;

/** The digest read by a member: owners, administrators and managers (it names seat requests and counts invitations). */
export async function readDigest(db: Db, actor: Actor, now = new Date()): Promise<DigestSummary> {
  if (!canManageInvitations(actor.member, actor.organization) && !canDecideSeatRequests(actor.member)) {
    throw new AppError('permission.digest', { email: actor.member.email }, 'forbidden');
  }
  const org = await db.organization.findUniqueOrThrow({
    where: { id: actor.organization.id },
    select: { lastDigestAt: true, digestFrequency: true },
  });
  return digestSummary(db, actor.organization.id, { since: sinceOf(org, now), now });
}

/** Since the last digest, or, before the first one, one period back. */
export const sinceOf = (org: { lastDigestAt: Date | null; digestFrequency: string }, now: Date): Date =>
  org.lastDigestAt ?? new Date(now.getTime() - periodMs(org.digestFrequency));

export async function digestSummary(
  db: Reader,
  organizationId: string,
  period: { since: Date; now: Date },
): Promise<DigestSummary> {
  const { since, now } = period;
  const [org, [counts], requests, internal, external] = await Promise.all([
    db.organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: { name: true, timezone: true, seatLimit: true, externalSeatLimit: true },
    }),
    db.$queryRawUnsafe<{ pending: number; expiring: number; accepted: number; held: number; bounced: number }[]>(
      COUNTS_SQL,
      organizationId,
      since.toISOString(),
      now.toISOString(),
      new Date(now.getTime() + EXPIRING_WITHIN_MS).toISOString(),
      outboxKinds.invitationEmail,
    ),
    db.seatRequest.findMany({
      where: { organizationId, status: 'PENDING' },
      orderBy: { createdAt: 'asc' },
      select: { id: true, kind: true, seatsRequested: true, createdAt: true, requestedBy: { select: { email: true } } },
    }),
    seatCounts(db, organizationId, 'internal'),
    seatCounts(db, organizationId, 'external'),
  ]);
  const seatsOf = (limit: number, used: number): DigestSeats => ({
    used,
    limit,
    remaining: Math.max(0, limit - used),
  });
  const externalUsed = seatsUsed(external);
  return {
    organizationId,
    organizationName: org.name,
    timezone: org.timezone,
    since,
    now,
    pending: counts?.pending ?? 0,
    expiringSoon: counts?.expiring ?? 0,
    accepted: counts?.accepted ?? 0,
    bounced: counts?.bounced ?? 0,
    held: counts?.held ?? 0,
    seatRequests: requests.map((r) => ({
      id: r.id,
      kind: r.kind,
      seatsRequested: r.seatsRequested,
      requestedBy: r.requestedBy.email,
      createdAt: r.createdAt,
    })),
    seats: {
      internal: seatsOf(org.seatLimit, seatsUsed(internal)),
      // Only for an organization with external seats (or external members left from before).
      external: org.externalSeatLimit > 0 || externalUsed > 0 ? seatsOf(org.externalSeatLimit, externalUsed) : null,
    },
  };
}

// $1 organization, $2 since, $3 now, $4 now + 48 h, $5 the invitation e-mail's outbox kind.
// A suspended invitation (its company no longer covered) is not counted as pending: it holds no seat.
const COUNTS_SQL = `
SELECT
  (SELECT count(*)::int FROM invitation
    WHERE organization_id = $1::uuid AND status = 'PENDING' AND NOT suspended) AS pending,
  (SELECT count(*)::int FROM invitation
    WHERE organization_id = $1::uuid AND status = 'PENDING' AND NOT suspended AND expires_at <= $4::timestamptz) AS expiring,
  (SELECT count(*)::int FROM invitation
    WHERE organization_id = $1::uuid AND status = 'ACCEPTED'
      AND closed_at >= $2::timestamptz AND closed_at < $3::timestamptz) AS accepted,
  (SELECT count(*)::int FROM invitation
    WHERE organization_id = $1::uuid AND status = 'AWAITING_APPROVAL' AND NOT suspended) AS held,
  (SELECT count(DISTINCT id)::int FROM (
     SELECT e.invitation_id AS id FROM email_event e JOIN invitation i ON i.id = e.invitation_id
      WHERE i.organization_id = $1::uuid AND e.event IN ('bounce', 'dropped')
        AND e.occurred_at >= $2::timestamptz AND e.occurred_at < $3::timestamptz
     UNION ALL
     SELECT (o.payload->>'invitationId')::uuid FROM outbox_message o
      WHERE o.organization_id = $1::uuid AND o.kind = $5 AND o.status = 'FAILED'
        AND o.next_attempt_at >= $2::timestamptz AND o.next_attempt_at < $3::timestamptz
   ) AS undelivered) AS bounced`;

/** The pending invitations expiring within 48 hours, for "Resend the expiring ones". */
export async function expiringInvitationIds(db: Reader, organizationId: string, now: Date): Promise<string[]> {
  const rows = await db.invitation.findMany({
    where: {
      organizationId,
      status: 'PENDING',
      suspended: false,
      expiresAt: { lte: new Date(now.getTime() + EXPIRING_WITHIN_MS) },
    },
    orderBy: { expiresAt: 'asc' },
    select: { id: true },
    take: 1000,
  });
  return rows.map((r) => r.id);
}

/** The chat post of one period's digest (chat_post's subject, per workspace). */
export const digestSubject = (periodStart: string) => `digest:${periodStart}`;
