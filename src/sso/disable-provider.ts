// `sso disable`: members stop joining and signing in through the provider. The row (and its
// sealed secret) is kept so that `sso configure` can enable it again; members keep their
// enterprise identities.
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import type { Actor } from '../permissions/actor.js';
import { assertOwner } from '../permissions/policy.js';

export async function disableProvider(db: Db, actor: Actor): Promise<void> {
  assertOwner(actor);
  const organizationId = actor.organization.id;
  await db.$transaction(async (tx) => {
    const changed = await tx.identityProvider.updateMany({ where: { organizationId }, data: { enabled: false } });
    if (changed.count === 0) throw new AppError('sso.not_configured', {}, 'not_found');
    await recordAuditEvent(tx, actor, {
      action: 'sso.disabled',
      subjectType: 'organization',
      subjectId: organizationId,
    });
  });
}
