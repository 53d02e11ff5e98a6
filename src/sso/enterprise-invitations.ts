// Which new invitations are enterprise ones, and marking them in the transaction that writes them
// (src/invitations/invite.ts). An organization that joins through its provider only makes every
// invitation an enterprise one; an enterprise invitation needs an enabled provider.
import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import type { Prisma } from '../generated/prisma/client.js';
import { findProviderRow } from './provider-settings.js';

export async function enterpriseInvitations(
  db: Db,
  organizationId: string,
  asked: boolean | undefined,
): Promise<boolean> {
  const provider = await findProviderRow(db, organizationId);
  if (!provider) {
    if (asked) throw new AppError('sso.enterprise_needs_provider', {}, 'refused');
    return false;
  }
  if (provider.joinMode === 'ENTERPRISE') {
    if (asked === false) throw new AppError('sso.password_join_disabled', {}, 'refused');
    return true;
  }
  return Boolean(asked);
}

export async function markEnterprise(tx: Prisma.TransactionClient, invitationIds: string[]): Promise<void> {
  if (invitationIds.length === 0) return;
  await tx.invitation.updateMany({ where: { id: { in: invitationIds } }, data: { enterprise: true } });
}
