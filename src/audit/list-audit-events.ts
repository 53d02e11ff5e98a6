import type { Db } from '../db/database.js';
import type { AuditEvent } from '../generated/prisma/client.js';
import type { Actor } from '../permissions/actor.js';
import { assertCanManageInvitations } from '../permissions/policy.js';

export interface AuditFilter {
  action?: string;
  since?: Date;
  limit?: number;
}

/** The audit trail of the actor's organization, newest first (owners and admins only). */
export async function listAuditEvents(db: Db, actor: Actor, filter: AuditFilter = {}): Promise<AuditEvent[]> {
  assertCanManageInvitations(actor, 'read_audit');
  return db.auditEvent.findMany({
    where: {
      organizationId: actor.organization.id,
      ...(filter.action ? { action: { startsWith: filter.action } } : {}),
      ...(filter.since ? { createdAt: { gte: filter.since } } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: Math.min(Math.max(filter.limit ?? 100, 1), 10_000),
  });
}
