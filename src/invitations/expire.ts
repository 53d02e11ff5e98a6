// Expiry: pending invitations past their lifetime die (links stop working, the seat and the
// username are freed) and the inviter is told. Claimed with SKIP LOCKED so that several
// replicas running the job each take different rows, and each row is expired once.
import type { Db } from '../db/database.js';

export async function expireDueInvitations(db: Db, options: { now?: Date; limit?: number } = {}): Promise<number> {
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const expired = await tx.$queryRawUnsafe<
      { id: string; organization_id: string; email: string; inviter_id: string }[]
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
       RETURNING i.id::text, i.organization_id::text, i.email, i.inviter_id::text`,
      now.toISOString(),
      options.limit ?? 500,
    );
    if (expired.length === 0) return 0;
    const ids = expired.map((e) => e.id);
    // The audit events, the inviters' notifications and the webhooks, set-based like the import.
    await tx.$executeRawUnsafe(
      `WITH gone AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[]) AS t(id, organization_id, email, inviter_id)
       ), audit AS (
         INSERT INTO audit_event (organization_id, actor_id, actor_email, action, subject_type, subject_id, channel, data)
         SELECT organization_id, NULL, NULL, 'invitation.expired', 'invitation', id::text, 'system', jsonb_build_object('email', email)
           FROM gone
       ), notify AS (
         INSERT INTO outbox_message (organization_id, kind, idempotency_key, payload)
         SELECT organization_id, 'notification', 'invitation:' || id || ':expired',
                jsonb_build_object('type', 'invitation.expired', 'invitationId', id, 'recipientId', inviter_id)
           FROM gone
         ON CONFLICT DO NOTHING
       )
       INSERT INTO outbox_message (organization_id, kind, idempotency_key, payload)
       SELECT g.organization_id, 'webhook', 'webhook:' || w.id || ':invitation.expired:' || g.id,
              jsonb_build_object('endpointId', w.id, 'event', 'invitation.expired',
                'data', jsonb_build_object('invitationId', g.id, 'email', g.email, 'occurredAt', $5::timestamptz))
         FROM gone g JOIN webhook_endpoint w ON w.organization_id = g.organization_id AND w.active
        WHERE cardinality(w.events) = 0 OR 'invitation.expired' = ANY(w.events)
       ON CONFLICT DO NOTHING`,
      ids,
      expired.map((e) => e.organization_id),
      expired.map((e) => e.email),
      expired.map((e) => e.inviter_id),
      now.toISOString(),
    );
    return expired.length;
  });
}
