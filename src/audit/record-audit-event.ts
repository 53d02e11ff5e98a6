// Appends to the audit trail. Called inside the transaction of the change it records, so the
// trail never claims something that was rolled back (nor misses something that was not).
import type { Prisma } from '../generated/prisma/client.js';
import type { Actor } from '../permissions/actor.js';
import { type AuditEntry, auditRowOf } from './audit-rows.js';

type Tx = Prisma.TransactionClient;

export async function recordAuditEvent(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({ data: auditRowOf(actor, entry) });
}
