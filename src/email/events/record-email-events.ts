// Records SendGrid's events once each and applies them to the invitations they concern, in one
// transaction: the email_event insert (ON CONFLICT DO NOTHING on sg_event_id) decides which
// events are new, and only new ones have effects, so SendGrid's retries of a batch change
// nothing. `delivered` marks the invitation DELIVERED (unless it bounced); `bounce` and `dropped`
// mark it BOUNCED/DROPPED with the reason, write an audit event and tell the inviter in chat.
import { insertAuditRowsSql, systemActorSql } from '../../audit/audit-rows.js';
import type { Db } from '../../db/database.js';
import { sqlText } from '../../db/sql-text.js';
import { invitationBouncedPayload } from '../../notifications/notification.js';
import { outboxKinds } from '../../outbox/enqueue.js';
import { outboxKeySql, outboxKeys } from '../../outbox/outbox-keys.js';
import { insertOutboxRowsSql, payloadSql } from '../../outbox/outbox-rows.js';
import type { SendgridEvent } from './event-schema.js';

export interface RecordedEvents {
  received: number;
  recorded: number;
  delivered: number;
  undeliverable: number;
}

const DETAIL_MAX = 500;

export async function recordEmailEvents(db: Db, events: readonly SendgridEvent[]): Promise<RecordedEvents> {
  const unique = [...new Map(events.map((e) => [e.sg_event_id, e])).values()];
  const outcome: RecordedEvents = { received: events.length, recorded: 0, delivered: 0, undeliverable: 0 };
  if (unique.length === 0) return outcome;
  return db.$transaction(
    async (tx) => {
      const inserted = await tx.$queryRawUnsafe<{ sg_event_id: string; invitation_id: string | null; event: string }[]>(
        `INSERT INTO email_event (sg_event_id, invitation_id, outbox_id, event, reason, occurred_at)
       SELECT t.sg_event_id, i.id, t.outbox_id, t.event, t.reason, t.occurred_at
         FROM unnest($1::text[], $2::uuid[], $3::bigint[], $4::text[], $5::text[], $6::timestamptz[])
              AS t(sg_event_id, invitation_id, outbox_id, event, reason, occurred_at)
         LEFT JOIN invitation i ON i.id = t.invitation_id
       ON CONFLICT (sg_event_id) DO NOTHING
       RETURNING sg_event_id, invitation_id::text, event`,
        unique.map((e) => e.sg_event_id),
        unique.map((e) => e.invitation_id ?? null),
        unique.map((e) => e.outbox_id ?? null),
        unique.map((e) => e.event),
        unique.map((e) => reasonOf(e)),
        unique.map((e) => new Date(e.timestamp * 1000).toISOString()),
      );
      outcome.recorded = inserted.length;
      const fresh = new Set(inserted.filter((r) => r.invitation_id).map((r) => r.sg_event_id));
      const concerned = unique.filter((e) => fresh.has(e.sg_event_id) && e.invitation_id);

      const delivered = concerned.filter((e) => e.event === 'delivered').map((e) => e.invitation_id as string);
      if (delivered.length > 0) {
        outcome.delivered = await tx.$executeRawUnsafe(
          `UPDATE invitation SET delivery_status = 'DELIVERED', delivery_detail = NULL
          WHERE id = ANY($1::uuid[]) AND delivery_status IS DISTINCT FROM 'BOUNCED'
            AND delivery_status IS DISTINCT FROM 'DROPPED'`,
          delivered,
        );
      }

      // After `delivered`: a bounce reported in the same batch wins.
      const failures = concerned.filter((e) => e.event === 'bounce' || e.event === 'dropped');
      if (failures.length > 0) {
        const [row] = await tx.$queryRawUnsafe<{ count: number }[]>(
          `WITH ev AS (
           SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[]) AS t(sg_event_id, invitation_id, status, reason)
         ),
         marked AS (
           UPDATE invitation i SET delivery_status = ev.status::"DeliveryStatus", delivery_detail = ev.reason
             FROM ev WHERE i.id = ev.invitation_id AND i.status = 'PENDING'
           RETURNING i.id, i.organization_id, i.inviter_id, ev.sg_event_id, ev.status, ev.reason
         ),
         audit AS (
           ${AUDIT_FAILURES_SQL}
         ),
         notify AS (
           ${NOTIFY_FAILURES_SQL}
         )
         SELECT count(*)::int AS count FROM marked`,
          failures.map((e) => e.sg_event_id),
          failures.map((e) => e.invitation_id),
          failures.map((e) => (e.event === 'bounce' ? 'BOUNCED' : 'DROPPED')),
          failures.map((e) => reasonOf(e)),
        );
        outcome.undeliverable = row?.count ?? 0;
      }
      return outcome;
    },
    { timeout: 30_000 },
  );
}

// Over the invitations `marked` bounced or dropped: their audit event and the inviter's notification.
const AUDIT_FAILURES_SQL = insertAuditRowsSql(
  {
    organizationId: 'organization_id',
    ...systemActorSql,
    action: `CASE status WHEN 'BOUNCED' THEN 'invitation.bounced' ELSE 'invitation.dropped' END`,
    subjectType: sqlText('invitation'),
    subjectId: 'id::text',
    data: `jsonb_build_object('reason', reason, 'sgEventId', sg_event_id)`,
  },
  'FROM marked',
);
const NOTIFY_FAILURES_SQL = insertOutboxRowsSql(
  outboxKinds.notification,
  {
    organizationId: 'organization_id',
    key: outboxKeySql(outboxKeys.invitationBounced, { sgEventId: 'sg_event_id' }),
    payload: payloadSql(invitationBouncedPayload, {
      type: sqlText('invitation.bounced'),
      invitationId: 'id',
      recipientId: 'inviter_id',
      deliveryStatus: 'status',
      reason: 'reason',
    }),
  },
  'FROM marked',
);

/** SendGrid's reason (an SMTP answer for bounces, e.g. "550 5.1.1 mailbox unavailable"). */
const reasonOf = (event: SendgridEvent): string | null => event.reason?.slice(0, DETAIL_MAX) ?? null;
