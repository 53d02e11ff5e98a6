// Appends to the audit trail. Called inside the transaction of the change it records, so the
// trail never claims something that was rolled back (nor misses something that was not).
import type { Prisma } from '../generated/prisma/client.js';
import type { Actor } from '../permissions/actor.js';

type Tx = Prisma.TransactionClient;

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  data?: Prisma.InputJsonValue;
}

export async function recordAuditEvent(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      organizationId: actor.organization.id,
      actorId: actor.member.id,
      actorEmail: actor.member.email,
      channel: actor.channel,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId ?? null,
      data: entry.data ?? {},
    },
  });
}
