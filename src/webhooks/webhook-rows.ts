// Which endpoints receive an event, and the outbox row of each call: defined once, in SQL, and used
// by every writer, the TypeScript one (emit-webhook-event.ts) as well as the set-based statements
// of the bulk invite and of expiry. An endpoint hears an event when it is active, belongs to the
// organization, and either lists no events (it receives every event) or lists this one.

import { outboxKeySql, outboxKeys } from '../outbox/outbox-keys.js';
import { insertOutboxRowsSql, payloadSql } from '../outbox/outbox-rows.js';
import { webhookPayload } from '../outbox/payloads.js';

/** The condition on an endpoint (alias `endpoint`) to hear `event` (SQL expressions). */
export function endpointHearsSql(endpoint: string, organizationId: string, event: string): string {
  return `${endpoint}.organization_id = ${organizationId} AND ${endpoint}.active
     AND (cardinality(${endpoint}.events) = 0 OR ${event} = ANY(${endpoint}.events))`;
}

/**
 * One outbox row per subject and endpoint that hears the event. `subjects` is a FROM item (a CTE,
 * a VALUES list) and the other fields SQL expressions over it.
 */
export function insertWebhookRowsSql(call: {
  subjects: string;
  organizationId: string;
  event: string;
  subjectId: string;
  data: string;
}): string {
  return insertOutboxRowsSql(
    'webhook',
    {
      organizationId: call.organizationId,
      key: outboxKeySql(outboxKeys.webhook, { endpointId: 'w.id', event: call.event, subjectId: call.subjectId }),
      payload: payloadSql(webhookPayload, { endpointId: 'w.id', event: call.event, data: call.data }),
    },
    `FROM ${call.subjects} JOIN webhook_endpoint w ON ${endpointHearsSql('w', call.organizationId, call.event)}`,
  );
}
