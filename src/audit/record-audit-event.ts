// Appends to the audit trail. Called inside the transaction of the change it records, so the
// trail never claims something that was rolled back (nor misses something that was not). The one
// Prisma write of an audit row (test/outbox/one-definition.test.ts).
import type { Prisma } from '../generated/prisma/client.js';
import type { Actor } from '../permissions/actor.js';
import { type AuditAuthor, type AuditEntry, auditAuthorOf, auditRowBy } from './audit-rows.js';

type Tx = Prisma.TransactionClient;

export async function recordAuditEvent(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await recordAuditEventBy(tx, auditAuthorOf(actor), entry);
}

/** The same for an author who may not be a member (audit-rows.ts: AuditAuthor). */
export async function recordAuditEventBy(tx: Tx, author: AuditAuthor, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({ data: auditRowBy(author, entry) });
}
