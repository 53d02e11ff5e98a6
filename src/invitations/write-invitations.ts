// Writes validated invitations in set-based SQL: one statement inserts the invitations, their
// e-mail outbox rows and their audit events. Both the single invite and the 10,000-row import go
// through here, so seat accounting, holding beyond the limit and idempotency have one home.
// Must run inside a transaction (the organization row is locked to serialize seat accounting).
import { insertAuditRowsSql } from '../audit/audit-rows.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { ExternalCompany } from '../companies/external-company.js';
import { sqlText } from '../db/sql-text.js';
import type { Prisma } from '../generated/prisma/client.js';
import { type Notice, notice } from '../i18n/messages.js';
import { enqueue, outboxKinds } from '../outbox/enqueue.js';
import { outboxKey, outboxKeys } from '../outbox/outbox-keys.js';
import { insertInvitationEmailRowsSql } from '../outbox/outbox-rows.js';
import type { Actor } from '../permissions/actor.js';
import { followHeldInvitations } from '../seats/follow-held-invitations.js';
import { type SeatKind, seatUsage } from '../seats/seat-usage.js';
import { insertWebhookRowsSql } from '../webhooks/webhook-rows.js';
import { lookUpExisting, type OpenInvitation } from './existing-facts.js';
import { invitationKindSql } from './invitation-kind.js';

type Tx = Prisma.TransactionClient;
type InvitationStatus = 'PENDING' | 'AWAITING_APPROVAL';

export interface NewInvitation {
  /** Already normalized (lower-case) and validated. */
  email: string;
  firstName: string;
  lastName: string;
  username: string | null;
  role: string;
  userType: string;
  groups: string[];
  message: string | null;
  mustUseEmail: boolean;
  /** The (covered) partner company of an external invitation; absent or null: internal. */
  company?: ExternalCompany | null;
}

export type WrittenInvitation = OpenInvitation;

export interface WriteOutcome {
  created: WrittenInvitation[];
  /** Addresses that already had an open invitation: it is returned unchanged (idempotent). */
  alreadyInvited: WrittenInvitation[];
  /** Rows refused now that the database was consulted: index in `rows`, and why. */
  refused: { index: number; error: Notice }[];
  /** The seat request holding the invitations beyond the limit, if any were held. */
  seatRequestId?: string;
}

/** Shared across the chunks of one import, so that one import makes at most one seat request. */
export interface SeatRequestSlot {
  id?: string;
  seats: number;
  /** The import joined a request that was already open (and posted). */
  merged?: boolean;
}

export async function writeInvitations(
  tx: Tx,
  options: {
    actor: Actor;
    rows: NewInvitation[];
    batchId?: string | null;
    seatRequest?: SeatRequestSlot;
  },
): Promise<WriteOutcome> {
  const { actor, rows } = options;
  const orgId = actor.organization.id;
  const outcome: WriteOutcome = { created: [], alreadyInvited: [], refused: [] };
  if (rows.length === 0) return outcome;

  const [org] = await tx.$queryRawUnsafe<
    { seat_limit: number; external_seat_limit: number; lifetime: number; first_reminder: number | null }[]
  >(
    `SELECT seat_limit, external_seat_limit, invitation_lifetime_days AS lifetime, reminder_days[1] AS first_reminder
       FROM organization WHERE id = $1::uuid FOR UPDATE`,
    orgId,
  );
  if (!org) throw new Error(`organization ${orgId} vanished`);

  const kindOf = (row: NewInvitation): SeatKind => (row.company ? 'external' : 'internal');
  const kinds = new Set(rows.map(kindOf));
  const [{ memberEmails, openByEmail, takenUsernames: taken }, internalUsage, externalUsage] = await Promise.all([
    lookUpExisting(tx, orgId, {
      emails: rows.map((r) => r.email),
      usernames: rows.flatMap((r) => (r.username ? [r.username] : [])),
    }),
    kinds.has('internal') ? seatUsage(tx, orgId, 'internal') : null,
    kinds.has('external') ? seatUsage(tx, orgId, 'external') : null,
  ]);

  // Each kind of seat has its own room: the plan's limit for internal rows, the owner's external
  // limit for external ones (seats used = members + pending invitations, src/seats/seat-usage.ts).
  const room: Record<SeatKind, number> = {
    internal: Math.max(0, org.seat_limit - (internalUsage?.used ?? 0)),
    external: Math.max(0, org.external_seat_limit - (externalUsage?.used ?? 0)),
  };
  const fresh: NewInvitation[] = [];
  const statuses: InvitationStatus[] = [];
  rows.forEach((row, index) => {
    const existing = openByEmail.get(row.email);
    const kind = kindOf(row);
    if (memberEmails.has(row.email))
      outcome.refused.push({ index, error: notice('email.active_member', { email: row.email }) });
    else if (existing) outcome.alreadyInvited.push(existing);
    else if (row.username && taken.has(row.username)) {
      outcome.refused.push({ index, error: notice('username.taken', { username: row.username }) });
    } else if (room[kind] > 0) {
      room[kind]--;
      fresh.push(row);
      statuses.push('PENDING');
    } else if (kind === 'external') {
      // External seats have their own limit, set by an owner. Beyond it the invitations are
      // refused with the figures: a seat request's approval raises the plan's limit, not this one.
      const used = externalUsage?.used ?? 0;
      const error = notice('company.external_seats_full', { limit: org.external_seat_limit, used });
      outcome.refused.push({ index, error });
    } else {
      // What does not fit is held for a manager.
      fresh.push(row);
      statuses.push('AWAITING_APPROVAL');
    }
  });
  if (fresh.length === 0) return outcome;

  const held = statuses.filter((status) => status === 'AWAITING_APPROVAL').length;
  const reserved = held > 0 ? await reserveSeatRequest(tx, actor, org.seat_limit, held, options.seatRequest) : null;
  const seatRequestId = reserved?.id ?? null;

  const inserted = await tx.$queryRawUnsafe<WrittenInvitation[]>(
    INSERT_SQL,
    orgId,
    actor.member.id,
    actor.member.email,
    actor.channel,
    options.batchId ?? null,
    seatRequestId,
    org.lifetime,
    fresh.map((r) => r.email),
    fresh.map((r) => r.firstName),
    fresh.map((r) => r.lastName),
    fresh.map((r) => r.username),
    fresh.map((r) => r.role),
    fresh.map((r) => r.userType),
    fresh.map((r) => JSON.stringify(r.groups)),
    fresh.map((r) => r.message),
    fresh.map((r) => r.mustUseEmail),
    statuses,
    org.first_reminder,
    fresh.map((r) => r.company?.id ?? null),
    fresh.map((r) => r.company?.name ?? null),
  );
  outcome.created = inserted;
  if (seatRequestId) outcome.seatRequestId = seatRequestId;
  // Joined an open request: its figures and cards now count these invitations too.
  if (reserved?.merged) await followHeldInvitations(tx, orgId, reserved.id);
  return outcome;
}

/** Where invitations beyond the limit wait: this import's request, the open one, or a new one. */
async function reserveSeatRequest(
  tx: Tx,
  actor: Actor,
  limit: number,
  held: number,
  slot: SeatRequestSlot | undefined,
): Promise<{ id: string; merged: boolean }> {
  if (slot?.id && slot.merged) {
    slot.seats += held;
    return { id: slot.id, merged: true };
  }
  if (slot?.id) {
    // A later chunk of the same import: its card is not posted yet, so it was never "changed".
    await tx.seatRequest.update({
      where: { id: slot.id },
      data: { seatsRequested: { increment: held }, postedLimitAfter: { increment: held } },
    });
    slot.seats += held;
    return { id: slot.id, merged: false };
  }
  // One open request per organization: managers decide once, on figures that add up.
  const open = await tx.seatRequest.findFirst({
    where: { organizationId: actor.organization.id, status: 'PENDING' },
    orderBy: { createdAt: 'asc' },
    select: { id: true },
  });
  if (open) {
    if (slot) Object.assign(slot, { id: open.id, seats: held, merged: true });
    return { id: open.id, merged: true };
  }
  const request = await tx.seatRequest.create({
    data: {
      organizationId: actor.organization.id,
      requestedById: actor.member.id,
      seatsRequested: held,
      limitBefore: limit,
      postedLimitBefore: limit,
      postedLimitAfter: limit + held,
    },
  });
  if (slot) {
    slot.id = request.id;
    slot.seats = held;
  }
  await recordAuditEvent(tx, actor, {
    action: 'seat_request.created',
    subjectType: 'seat_request',
    subjectId: request.id,
    data: { limitBefore: limit },
  });
  // The managers' channel hears of it once the transaction commits (delivered by the chat channels).
  await enqueue(tx, {
    organizationId: actor.organization.id,
    kind: outboxKinds.notification,
    key: outboxKey(outboxKeys.seatRequestCreated, { seatRequestId: request.id }),
    payload: { type: 'seat_request.created', seatRequestId: request.id },
  });
  return { id: request.id, merged: false };
}

// One round trip for the whole chunk. The CTEs see the rows inserted by `created` only through
// its RETURNING list, which is why the outbox and audit rows are built from it.
const INSERT_SQL = `
WITH input AS (
  SELECT * FROM unnest($8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[],
                       $14::text[], $15::text[], $16::boolean[], $17::text[], $19::uuid[], $20::text[])
    AS t(email, first_name, last_name, username, role, user_type, groups, message, must_use_email, status,
         company_id, company_name)
),
created AS (
  INSERT INTO invitation (organization_id, email, first_name, last_name, username, role, user_type, groups,
                          message, must_use_email, status, open_email, open_username, inviter_id, batch_id,
                          seat_request_id, expires_at, last_sent_at, send_count, next_reminder_at,
                          external, company_id, company_name)
  SELECT $1::uuid, email, first_name, last_name, username, role, user_type,
         ARRAY(SELECT jsonb_array_elements_text(groups::jsonb)), message, must_use_email,
         status::"InvitationStatus", email, username, $2::uuid, $5::uuid,
         CASE WHEN status = 'AWAITING_APPROVAL' THEN $6::uuid END,
         now() + make_interval(days => $7::int),
         CASE WHEN status = 'PENDING' THEN now() END,
         CASE WHEN status = 'PENDING' THEN 1 ELSE 0 END,
         CASE WHEN status = 'PENDING' THEN now() + make_interval(days => $18::int) END,
         company_id IS NOT NULL, company_id, company_name
    FROM input
  ON CONFLICT DO NOTHING
  RETURNING id, email, status, external, company_name
),
outbox AS (
  ${insertInvitationEmailRowsSql({
    organizationId: '$1::uuid',
    sendNumber: '1',
    reason: 'invite',
    source: `FROM created WHERE status = 'PENDING'`,
  })}
),
hooks AS (
  ${insertWebhookRowsSql({
    subjects: 'created c',
    organizationId: '$1::uuid',
    event: sqlText('invitation.created'),
    subjectId: 'c.id',
    data: `jsonb_build_object('invitationId', c.id, 'email', c.email, 'status', c.status,
                              ${invitationKindSql('c')}, 'occurredAt', now())`,
  })}
),
audit AS (
  ${insertAuditRowsSql(
    {
      organizationId: '$1::uuid',
      actorId: '$2::uuid',
      actorEmail: '$3',
      channel: '$4',
      action: `CASE WHEN status = 'PENDING' THEN 'invitation.created' ELSE 'invitation.held' END`,
      subjectType: sqlText('invitation'),
      subjectId: 'id::text',
      data: `jsonb_build_object('email', c.email, 'batchId', $5::uuid, ${invitationKindSql('c')})`,
    },
    'FROM created c',
  )}
)
SELECT id::text, email, status::text AS status FROM created`;
