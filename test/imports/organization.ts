// Each import test builds its own organization through the domain, so tests run in any order.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/db/database.js';
import type { Locale } from '../../src/i18n/locale.js';
import { resolveActor } from '../../src/members/resolve-actor.js';
import { createOrganization } from '../../src/organizations/create-organization.js';
import type { Actor } from '../../src/permissions/actor.js';

export async function newOrganization(
  db: Db,
  options: { seats?: number; locale?: Locale; allowedDomains?: string[] } = {},
): Promise<Actor> {
  const tag = randomUUID().slice(0, 8);
  const organization = await createOrganization(db, {
    name: `Import ${tag}`,
    seats: options.seats ?? 100,
    ownerEmail: `owner@${tag}.example.com`,
    locale: options.locale,
    channel: 'cli',
  });
  if (options.allowedDomains) {
    await db.organization.update({ where: { id: organization.id }, data: { allowedDomains: options.allowedDomains } });
    organization.allowedDomains = options.allowedDomains;
  }
  return resolveActor(db, { organization, channel: 'cli' });
}

/** Rows of the tables an import writes to, for "nothing was written" checks. */
export async function countWrites(db: Db, organizationId: string) {
  const where = { organizationId };
  const [invitations, members, outbox, audit, batches, seatRequests] = await Promise.all([
    db.invitation.count({ where }),
    db.member.count({ where }),
    db.outboxMessage.count({ where }),
    db.auditEvent.count({ where }),
    db.importBatch.count({ where }),
    db.seatRequest.count({ where }),
  ]);
  return { invitations, members, outbox, audit, batches, seatRequests };
}

/** The "line column code" of each issue, the way a test reads best. */
export const summary = (issues: { line: number; column: string; code: string }[]) =>
  issues.map((i) => `${i.line} ${i.column} ${i.code}`);
