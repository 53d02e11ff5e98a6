// `sso show`: the provider's settings without its secret (only that one is set), for those who
// manage invitations (they choose between password and enterprise invitations).
import type { Db } from '../db/database.js';
import type { JoinMode } from '../generated/prisma/client.js';
import type { Actor } from '../permissions/actor.js';
import { assertCanManageInvitations } from '../permissions/policy.js';

export interface ProviderView {
  protocol: string;
  issuer: string;
  clientId: string;
  clientSecretSet: true;
  label: string;
  scopes: string[];
  joinMode: JoinMode;
  autoJoin: boolean;
  autoJoinDomains: string[];
  enabled: boolean;
  updatedAt: Date;
}

export async function showProvider(db: Db, actor: Actor): Promise<ProviderView | undefined> {
  assertCanManageInvitations(actor, 'list_members');
  const row = await db.identityProvider.findUnique({ where: { organizationId: actor.organization.id } });
  if (!row) return undefined;
  return {
    protocol: row.protocol,
    issuer: row.issuer,
    clientId: row.clientId,
    clientSecretSet: true,
    label: row.label,
    scopes: row.scopes,
    joinMode: row.joinMode,
    autoJoin: row.autoJoin,
    autoJoinDomains: row.autoJoinDomains,
    enabled: row.enabled,
    updatedAt: row.updatedAt,
  };
}
