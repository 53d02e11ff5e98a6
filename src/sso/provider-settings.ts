// An organization's identity provider as the domain uses it: the row with its client secret
// opened. The secret is sealed under TOKEN_ENCRYPTION_KEY, bound to the organization (a sealed
// secret copied to another organization's row does not open).
import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import type { IdentityProvider, JoinMode } from '../generated/prisma/client.js';
import type { SecretBox } from '../security/secret-box.js';

export type { JoinMode } from '../generated/prisma/client.js';

export interface ProviderSettings {
  organizationId: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  label: string;
  scopes: string[];
  joinMode: JoinMode;
  autoJoin: boolean;
  autoJoinDomains: string[];
}

export const secretContext = (organizationId: string) => `identity_provider:${organizationId}:client_secret`;

export function requireSecretBox(box: SecretBox | undefined): SecretBox {
  if (!box) throw new AppError('sso.sealing_key_missing', {}, 'refused');
  return box;
}

/** The enabled provider's row, or undefined (never the secret). */
export async function findProviderRow(db: Db, organizationId: string): Promise<IdentityProvider | undefined> {
  const row = await db.identityProvider.findUnique({ where: { organizationId } });
  return row?.enabled ? row : undefined;
}

/** The enabled provider with its secret opened, or sso.not_configured. */
export async function loadProvider(
  db: Db,
  organizationId: string,
  box: SecretBox | undefined,
): Promise<ProviderSettings> {
  const row = await findProviderRow(db, organizationId);
  if (!row) throw new AppError('sso.not_configured', {}, 'not_found');
  const secret = requireSecretBox(box).open(row.clientSecret, secretContext(organizationId));
  if (typeof secret !== 'string') throw new Error('the identity provider secret is not a string');
  return {
    organizationId,
    issuer: row.issuer,
    clientId: row.clientId,
    clientSecret: secret,
    label: row.label,
    scopes: row.scopes,
    joinMode: row.joinMode,
    autoJoin: row.autoJoin,
    autoJoinDomains: row.autoJoinDomains,
  };
}
