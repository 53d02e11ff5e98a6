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
import { seatUsage } from '../seats/seat-usage.js';
import { insertWebhookRowsSql } from '../webhooks/webhook-rows.js';
import { lookUpExisting, type OpenInvitation } from './existing-facts.js';

type Tx = Prisma.TransactionClient;

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
    /** External invitations for this (covered) company; internal ones without it. */
    company?: ExternalCompany | null;
  },
): Promise<WriteOutcome> {
  const { actor, rows } = options;
  const orgId = actor.organization.id;
  const outcome: WriteOutcome = { created: [], alreadyInvited: [], refused: [] };
  if (rows.length === 0) return outcome;

  const company = options.company ?? null;
  const [org] = await tx.$queryRawUnsafe<
    { seat_limit: number; external_seat_limit: number; lifetime: number; first_reminder: number | null }[]
  >(
    `SELECT seat_limit, external_seat_limit, invitation_lifetime_days AS lifetime, reminder_days[1] AS first_reminder
       FROM organization WHERE id = $1::uuid FOR UPDATE`,
    orgId,
  );
  if (!org) throw new Error(`organization ${orgId} vanished`);

  const [{ memberEmails, openByEmail, takenUsernames: taken }, usage] = await Promise.all([
    lookUpExisting(tx, orgId, {
      emails: rows.map((r) => r.email),
      usernames: rows.flatMap((r) => (r.username ? [r.username] : [])),
    }),
    seatUsage(tx, orgId, company ? 'external' : 'internal'),
  ]);

  const fresh: NewInvitation[] = [];
  rows.forEach((row, index) => {
    const existing = openByEmail.get(row.email);
    if (memberEmails.has(row.email))
      outcome.refused.push({ index, error: notice('email.active_member', { email: row.email }) });
    else if (existing) outcome.alreadyInvited.push(existing);
    else if (row.username && taken.has(row.username)) {
      outcome.refused.push({ index, error: notice('username.taken', { username: row.username }) });
    } else fresh.push(row);
  });
  if (company) {
    // External seats have their own limit, set by an owner. Beyond it the invitations are refused
    // with the figures: a seat request's approval raises the plan's limit, not this one.
    const room = Math.max(0, org.external_seat_limit - usage.used);
    for (const row of fresh.splice(room)) {
      const error = notice('company.external_seats_full', { limit: org.external_seat_limit, used: usage.used });
      outcome.refused.push({ index: rows.indexOf(row), error });
    }
    if (fresh.length === 0) return outcome;
  }

  // Seats used = members + pending invitations. What does not fit is held for a manager.
  const room = company ? fresh.length : Math.max(0, org.seat_limit - usage.used);
  const held = Math.max(0, fresh.length - room);
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
    fresh.map((_, i) => (i < room ? 'PENDING' : 'AWAITING_APPROVAL')),
    org.first_reminder,
    company?.id ?? null,
    company?.name ?? null,
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
                       $14::text[], $15::text[], $16::boolean[], $17::text[])
    AS t(email, first_name, last_name, username, role, user_type, groups, message, must_use_email, status)
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
         $19::uuid IS NOT NULL, $19::uuid, $20::text
    FROM input
  ON CONFLICT DO NOTHING
  RETURNING id, email, status
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
                              'kind', CASE WHEN $19::uuid IS NULL THEN 'internal' ELSE 'external' END,
                              'company', $20::text, 'occurredAt', now())`,
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
      data: `jsonb_build_object('email', email, 'batchId', $5::uuid,
                                'kind', CASE WHEN $19::uuid IS NULL THEN 'internal' ELSE 'external' END,
                                'company', $20::text)`,
    },
    'FROM created',
  )}
)
SELECT id::text, email, status::text AS status FROM created`;
