// What a manager needs in front of them to decide a seat request: who asked, for whom (and, for
// external seats, from which companies), the seats before and after. Read by the chat cards
// (posted by the notification job, redrawn on change). An open request shows the figures of now
// (see seat-figures.ts); a decided one, those applied.
import type { Db } from '../db/database.js';
import type { SeatRequest } from '../generated/prisma/client.js';
import { currentFigures } from './seat-figures.js';
import type { SeatKind } from './seat-usage.js';

export interface SeatRequestDetails {
  request: SeatRequest;
  organizationName: string;
  requestedByEmail: string;
  decidedByEmail: string | null;
  /** The first held addresses (a card shows a few); `inviteeCount` counts them all. */
  invitees: string[];
  inviteeCount: number;
  /** Which seats: the plan's (internal) or the external ones (people of partner companies). */
  kind: SeatKind;
  /** For external seats: the first companies of the held people, by name; `companyCount` counts them all. */
  companies: string[];
  companyCount: number;
  /** Seats approving adds (open), or added (approved). */
  seats: number;
  limitBefore: number;
  limitAfter: number;
  /** Set when the figures differ from those the request was first posted with. */
  figuresChanged?: { limitBefore: number; limitAfter: number };
}

export async function seatRequestDetails(
  db: Db,
  organizationId: string,
  requestId: string,
  shown = 10,
): Promise<SeatRequestDetails | null> {
  const request = await db.seatRequest.findFirst({
    where: { id: requestId, organizationId },
    include: {
      requestedBy: { select: { email: true } },
      decidedBy: { select: { email: true } },
      organization: { select: { name: true } },
    },
  });
  if (!request) return null;
  // Open: the invitations it holds; closed: those it held (released, cancelled or revoked).
  const held = request.status === 'PENDING' ? { status: 'AWAITING_APPROVAL' as const } : {};
  const [invitees, inviteeCount, companies] = await Promise.all([
    db.invitation.findMany({
      where: { seatRequestId: requestId, ...held },
      select: { email: true },
      orderBy: { createdAt: 'asc' },
      take: shown,
    }),
    db.invitation.count({ where: { seatRequestId: requestId, ...held } }),
    request.kind === 'external' ? companiesOf(db, requestId, request.status === 'PENDING', shown) : [],
  ]);
  const { requestedBy, decidedBy, organization, ...plain } = request;
  const figures =
    plain.status === 'PENDING'
      ? await currentFigures(db, organizationId, requestId)
      : {
          seats: plain.seatsRequested,
          limitBefore: plain.limitBefore,
          limitAfter: plain.limitAfter ?? plain.limitBefore + plain.seatsRequested,
        };
  const posted =
    plain.postedLimitBefore !== null && plain.postedLimitAfter !== null
      ? { limitBefore: plain.postedLimitBefore, limitAfter: plain.postedLimitAfter }
      : undefined;
  const changed = posted && (posted.limitBefore !== figures.limitBefore || posted.limitAfter !== figures.limitAfter);
  return {
    request: plain,
    organizationName: organization.name,
    requestedByEmail: requestedBy.email,
    decidedByEmail: decidedBy?.email ?? null,
    invitees: invitees.map((i) => i.email),
    inviteeCount,
    kind: plain.kind,
    companies: companies.map((c) => c.name),
    companyCount: companies[0]?.total ?? 0,
    seats: figures.seats,
    limitBefore: figures.limitBefore,
    limitAfter: figures.limitAfter,
    ...(changed ? { figuresChanged: posted } : {}),
  };
}

/** The distinct companies of the people a request holds (or held), the first `shown` by name. */
function companiesOf(db: Db, requestId: string, open: boolean, shown: number) {
  return db.$queryRawUnsafe<{ name: string; total: number }[]>(
    `SELECT name, (count(*) OVER ())::int AS total
       FROM (SELECT DISTINCT company_name AS name FROM invitation
              WHERE seat_request_id = $1::uuid AND company_name IS NOT NULL
                AND (NOT $2 OR status = 'AWAITING_APPROVAL')) AS held
      ORDER BY name LIMIT $3`,
    requestId,
    open,
    shown,
  );
}
