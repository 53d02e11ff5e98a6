// Writes validated invitations in set-based SQL: one statement inserts the invitations, their
// e-mail outbox rows and their audit events. Both the single invite and the 10,000-row import go
// through here, so seat accounting, holding beyond the limit and idempotency have one home. Each
// row is internal or external (its company): each kind is counted against its own limit and held
// beyond it on a seat request of its kind. Must run inside a transaction (the organization row is
// locked to serialize seat accounting).
import { insertAuditRowsSql } from '../audit/audit-rows.js';
import type { ExternalCompany } from '../companies/external-company.js';
import { sqlText } from '../db/sql-text.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { Locale } from '../i18n/locale.js';
import { type Notice, notice } from '../i18n/messages.js';
import { openLicenceRoom } from '../licences/licence-room.js';
import { memberPropertiesSql } from '../licences/member-properties.js';
import { type CreditAllocation, creditColumns } from '../licences/member-settings.js';
import { insertInvitationEmailRowsSql } from '../outbox/outbox-rows.js';
import type { Actor } from '../permissions/actor.js';
import { followHeldInvitations } from '../seats/follow-held-invitations.js';
import { type Reserved, reserveSeatRequest, type SeatRequestSlots } from '../seats/reserve-seat-request.js';
import { type SeatKind, seatKinds, seatUsage } from '../seats/seat-usage.js';
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
  /** Add-on licence keys, already checked against the catalogue and the user type. */
  licences?: string[];
  /** The credits allocated (absent or null: none set). */
  credits?: CreditAllocation | null;
  /** The invitee's language (absent or null: the organization's). */
  language?: Locale | null;
}

export type WrittenInvitation = OpenInvitation;

export interface WriteOutcome {
  created: WrittenInvitation[];
  /** Addresses that already had an open invitation: it is returned unchanged (idempotent). */
  alreadyInvited: WrittenInvitation[];
  /** Rows refused now that the database was consulted: index in `rows`, and why. */
  refused: { index: number; error: Notice }[];
  /** The seat request holding the invitations beyond the limit, if any were held (the internal one first). */
  seatRequestId?: string;
  /** The request of each kind that holds some of these invitations. */
  seatRequestIds?: Partial<Record<SeatKind, string>>;
}

export type { SeatRequestSlot, SeatRequestSlots } from '../seats/reserve-seat-request.js';

export async function writeInvitations(
  tx: Tx,
  options: {
    actor: Actor;
    rows: NewInvitation[];
    batchId?: string | null;
    /** One import's seat requests, shared by its chunks: at most one request per kind. */
    seatRequests?: SeatRequestSlots;
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
  // Licences are left or not like seats, under the same lock; rows without any cost no query.
  const takeLicences = rows.some((row) => row.licences?.length) ? await openLicenceRoom(tx, orgId) : () => null;
  const licencesTaken = (row: NewInvitation, index: number) => {
    const refusal = takeLicences(row.licences ?? []);
    if (refusal) outcome.refused.push({ index, error: refusal });
    return !refusal;
  };
  const fresh: NewInvitation[] = [];
  const statuses: InvitationStatus[] = [];
  const held: Record<SeatKind, number> = { internal: 0, external: 0 };
  rows.forEach((row, index) => {
    const existing = openByEmail.get(row.email);
    const kind = kindOf(row);
    if (memberEmails.has(row.email))
      outcome.refused.push({ index, error: notice('email.active_member', { email: row.email }) });
    else if (existing) outcome.alreadyInvited.push(existing);
    else if (row.username && taken.has(row.username)) {
      outcome.refused.push({ index, error: notice('username.taken', { username: row.username }) });
    } else if (licencesTaken(row, index)) {
      // (A row refused for its licences is told so with the count, and takes no seat.)
      if (room[kind] > 0) {
        room[kind]--;
        fresh.push(row);
        statuses.push('PENDING');
      } else {
        // What does not fit is held for a manager, on a seat request of its kind.
        fresh.push(row);
        statuses.push('AWAITING_APPROVAL');
        held[kind]++;
      }
    }
  });
  if (fresh.length === 0) return outcome;

  const slots = options.seatRequests;
  const limits: Record<SeatKind, number> = { internal: org.seat_limit, external: org.external_seat_limit };
  const reserved: Partial<Record<SeatKind, Reserved>> = {};
  for (const kind of seatKinds) {
    if (held[kind] === 0) continue;
    if (slots && !slots[kind]) slots[kind] = { seats: 0 };
    const slot = slots?.[kind];
    reserved[kind] = await reserveSeatRequest(tx, actor, { kind, limit: limits[kind], held: held[kind], slot });
  }

  const inserted = await tx.$queryRawUnsafe<WrittenInvitation[]>(
    INSERT_SQL,
    orgId,
    actor.member.id,
    actor.member.email,
    actor.channel,
    options.batchId ?? null,
    reserved.internal?.id ?? null,
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
    reserved.external?.id ?? null,
    fresh.map((r) => JSON.stringify(r.licences ?? [])),
    fresh.map((r) => creditColumns(r.credits).credits),
    fresh.map((r) => creditColumns(r.credits).creditsUnlimited),
    fresh.map((r) => r.language ?? null),
  );
  outcome.created = inserted;
  const seatRequestId = reserved.internal?.id ?? reserved.external?.id;
  if (seatRequestId) outcome.seatRequestId = seatRequestId;
  if (seatRequestId)
    outcome.seatRequestIds = Object.fromEntries(Object.entries(reserved).map(([kind, request]) => [kind, request.id]));
  // Joined an open request: its figures and cards now count these invitations too.
  for (const request of Object.values(reserved)) if (request.merged) await followHeldInvitations(tx, orgId, request.id);
  return outcome;
}

// One round trip for the whole chunk. The CTEs see the rows inserted by `created` only through
// its RETURNING list, which is why the outbox and audit rows are built from it.
const INSERT_SQL = `
WITH input AS (
  SELECT * FROM unnest($8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[],
                       $14::text[], $15::text[], $16::boolean[], $17::text[], $19::uuid[], $20::text[],
                       $22::text[], $23::int[], $24::boolean[], $25::text[])
    AS t(email, first_name, last_name, username, role, user_type, groups, message, must_use_email, status,
         company_id, company_name, licences, credits, credits_unlimited, language)
),
created AS (
  INSERT INTO invitation (organization_id, email, first_name, last_name, username, role, user_type, groups,
                          message, must_use_email, status, open_email, open_username, inviter_id, batch_id,
                          seat_request_id, expires_at, last_sent_at, send_count, next_reminder_at,
                          external, company_id, company_name, licences, credits, credits_unlimited, language)
  SELECT $1::uuid, email, first_name, last_name, username, role, user_type,
         ARRAY(SELECT jsonb_array_elements_text(groups::jsonb)), message, must_use_email,
         status::"InvitationStatus", email, username, $2::uuid, $5::uuid,
         CASE WHEN status = 'AWAITING_APPROVAL' THEN CASE WHEN company_id IS NULL THEN $6::uuid ELSE $21::uuid END END,
         now() + make_interval(days => $7::int),
         CASE WHEN status = 'PENDING' THEN now() END,
         CASE WHEN status = 'PENDING' THEN 1 ELSE 0 END,
         CASE WHEN status = 'PENDING' THEN now() + make_interval(days => $18::int) END,
         company_id IS NOT NULL, company_id, company_name,
         ARRAY(SELECT jsonb_array_elements_text(licences::jsonb)), credits, credits_unlimited, language::"Locale"
    FROM input
  ON CONFLICT DO NOTHING
  RETURNING id, email, status, external, company_name, licences, credits, credits_unlimited, language
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
                              ${invitationKindSql('c')}, ${memberPropertiesSql('c')}, 'occurredAt', now())`,
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
      data: `jsonb_build_object('email', c.email, 'batchId', $5::uuid, ${invitationKindSql('c')},
                                ${memberPropertiesSql('c')})`,
    },
    'FROM created c',
  )}
)
SELECT id::text, email, status::text AS status FROM created`;
