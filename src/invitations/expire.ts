// Expiry: pending invitations past their lifetime die (links stop working, the seat and the
// username are freed) and the inviter is told. Claimed with SKIP LOCKED so that several
// replicas running the job each take different rows, and each row is expired once.
import { insertAuditRowsSql, systemActorSql } from '../audit/audit-rows.js';
import type { Db } from '../db/database.js';
import { sqlText } from '../db/sql-text.js';
import { invitationOutcomePayload } from '../notifications/notification.js';
import { outboxKinds } from '../outbox/enqueue.js';
import { outboxKeySql, outboxKeys } from '../outbox/outbox-keys.js';
import { insertOutboxRowsSql, payloadSql } from '../outbox/outbox-rows.js';
import { insertWebhookRowsSql } from '../webhooks/webhook-rows.js';
import { invitationKindSql } from './invitation-kind.js';

export async function expireDueInvitations(db: Db, options: { now?: Date; limit?: number } = {}): Promise<number> {
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const expired = await tx.$queryRawUnsafe<
      { id: string; organization_id: string; email: string; inviter_id: string; expires_at: string }[]
    >(
      `WITH due AS (
         SELECT id FROM invitation
          WHERE status = 'PENDING' AND expires_at <= $1::timestamptz
          ORDER BY expires_at
          LIMIT $2
          FOR UPDATE SKIP LOCKED
       )
       UPDATE invitation i
          SET status = 'EXPIRED', open_email = NULL, open_username = NULL, closed_at = $1::timestamptz,
              closed_reason = 'expired'
         FROM due WHERE i.id = due.id
       RETURNING i.id::text, i.organization_id::text, i.email, i.inviter_id::text, ${LIFETIME_END_SQL} AS expires_at`,
      now.toISOString(),
      options.limit ?? 500,
    );
    if (expired.length === 0) return 0;
    const ids = expired.map((e) => e.id);
    // The audit events, the inviters' notifications and the webhooks, set-based like the import.
    await tx.$executeRawUnsafe(
      ANNOUNCE_SQL,
      ids,
      expired.map((e) => e.organization_id),
      expired.map((e) => e.email),
      expired.map((e) => e.inviter_id),
      now.toISOString(),
      expired.map((e) => e.expires_at),
    );
    return expired.length;
  });
}

// Which expiry this is: the end of the lifetime that ran out, in UTC to the millisecond. A revived
// invitation has a new lifetime, so each of its expiries is announced once (outbox-keys.ts).
const LIFETIME_END_SQL = `to_char(i.expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

// The audit events, the inviters' notifications and the webhooks of the expired invitations.
const ANNOUNCE_SQL = `WITH gone AS (
  SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $6::text[])
    AS t(id, organization_id, email, inviter_id, expires_at)
), audit AS (
  ${insertAuditRowsSql(
    {
      organizationId: 'organization_id',
      ...systemActorSql,
      action: sqlText('invitation.expired'),
      subjectType: sqlText('invitation'),
      subjectId: 'id::text',
      data: `jsonb_build_object('email', email)`,
    },
    'FROM gone',
  )}
), notify AS (
  ${insertOutboxRowsSql(
    outboxKinds.notification,
    {
      organizationId: 'organization_id',
      key: outboxKeySql(outboxKeys.invitationExpired, { invitationId: 'id', expiresAt: 'expires_at' }),
      payload: payloadSql(invitationOutcomePayload, {
        type: sqlText('invitation.expired'),
        invitationId: 'id',
        recipientId: 'inviter_id',
      }),
    },
    'FROM gone',
  )}
)
${insertWebhookRowsSql({
  subjects: 'gone g JOIN invitation expired ON expired.id = g.id',
  organizationId: 'g.organization_id',
  event: sqlText('invitation.expired'),
  // The subject is this expiry of the invitation, so that a later expiry is heard again.
  subjectId: `g.id::text || ':' || g.expires_at`,
  // expiresAt: the lifetime that ran out, which also tells a receiver one expiry from a later one.
  data: `jsonb_build_object('invitationId', g.id, 'email', g.email, 'expiresAt', g.expires_at,
           ${invitationKindSql('expired')}, 'occurredAt', $5::timestamptz)`,
})}`;
