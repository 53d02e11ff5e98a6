// The shape of an outbox row written in set-based SQL: the one INSERT (columns, conflict rule) and
// payloads built field by field from the schema their reader parses them with. A field the reader
// expects and the writer forgets (or the reverse) fails the type check and, at the latest, the
// module's load: the statements are built once, when their module is imported.
import type { z } from 'zod';
import { sqlText } from '../db/sql-text.js';
import { type OutboxKind, outboxKinds } from './enqueue.js';
import { outboxKeySql, outboxKeys } from './outbox-keys.js';
import { type InvitationEmailPayload, invitationEmailPayload } from './payloads.js';

/** SQL expressions for the row's columns; `source` is the rest of the SELECT (FROM, JOIN, WHERE). */
export function insertOutboxRowsSql(
  kind: OutboxKind,
  row: { organizationId: string; key: string; payload: string },
  source: string,
): string {
  return `INSERT INTO outbox_message (organization_id, kind, idempotency_key, payload)
  SELECT ${row.organizationId}, ${sqlText(kind)}, ${row.key}, ${row.payload}
    ${source}
  ON CONFLICT (idempotency_key) DO NOTHING`;
}

/** A payload as a jsonb expression, with exactly the fields of the reader's schema (SQL expressions). */
export function payloadSql<S extends z.ZodObject>(schema: S, fields: { [K in keyof z.input<S>]: string }): string {
  const expected = Object.keys(schema.shape);
  const given = Object.keys(fields);
  const stray = given.filter((name) => !expected.includes(name));
  const missing = expected.filter((name) => !given.includes(name) && !schema.shape[name]?.safeParse(undefined).success);
  if (stray.length > 0 || missing.length > 0) {
    throw new Error(`Outbox payload does not match its reader's schema: stray [${stray}], missing [${missing}]`);
  }
  const pairs = given.map((name) => `${sqlText(name)}, ${fields[name as keyof typeof fields]}`);
  return `jsonb_build_object(${pairs.join(', ')})`;
}

/**
 * Invitation e-mails queued in SQL (first sends, releases after approval, reminders): over
 * `source`, whose rows have the invitation's `id`; the other fields are SQL expressions.
 */
export function insertInvitationEmailRowsSql(email: {
  organizationId: string;
  sendNumber: string;
  reason: InvitationEmailPayload['reason'];
  source: string;
}): string {
  return insertOutboxRowsSql(
    outboxKinds.invitationEmail,
    {
      organizationId: email.organizationId,
      key: outboxKeySql(outboxKeys.invitationEmail, { invitationId: 'id', sendNumber: email.sendNumber }),
      payload: payloadSql(invitationEmailPayload, { invitationId: 'id', reason: sqlText(email.reason) }),
    },
    email.source,
  );
}
