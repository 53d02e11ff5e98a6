// `sso configure`: one identity provider per organization (owners only: it decides how members
// join). The client secret is sealed before it is written; it is never read back to a channel.
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import type { IdentityProvider, Prisma } from '../generated/prisma/client.js';
import type { Actor } from '../permissions/actor.js';
import { assertOwner } from '../permissions/policy.js';
import type { SecretBox } from '../security/secret-box.js';
import { checkIssuer } from './issuer-url.js';
import { type JoinMode, requireSecretBox, secretContext } from './provider-settings.js';

export interface ConfigureProviderInput {
  issuer: string;
  clientId: string;
  /** Required the first time; kept as it is when omitted later. */
  clientSecret?: string;
  label?: string;
  /** Space or comma separated; default "openid email profile". */
  scopes?: string;
  joinMode?: JoinMode;
  /** On or off; kept as it is when omitted. */
  autoJoin?: boolean;
  /** Domains whose addresses join automatically (default: the organization's allowed domains). */
  autoJoinDomains?: string[];
}

const DEFAULT_SCOPES = ['openid', 'email', 'profile'];
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const CONTROL = /\p{Cc}/u;

export function checkScopes(text: string | undefined): string[] {
  if (!text?.trim()) return DEFAULT_SCOPES;
  const scopes = [...new Set(text.split(/[\s,]+/).filter(Boolean))];
  if (!scopes.includes('openid') || !scopes.includes('email') || scopes.some((s) => !/^[\x21-\x7e]+$/.test(s)))
    throw new AppError('sso.scopes_invalid', {}, 'invalid');
  return scopes;
}

function checkLabel(text: string | undefined, issuer: URL): string {
  const label = (text ?? '').trim() || issuer.hostname;
  if (label.length > 60 || CONTROL.test(label)) throw new AppError('sso.label_invalid', {}, 'invalid');
  return label;
}

function checkDomains(domains: string[]): string[] {
  return domains.map((raw) => {
    const domain = raw.trim().toLowerCase().replace(/^@/, '');
    if (!DOMAIN.test(domain)) throw new AppError('sso.domain_invalid', { domain: raw }, 'invalid');
    return domain;
  });
}

export async function configureProvider(
  db: Db,
  actor: Actor,
  input: ConfigureProviderInput,
  options: { secretBox?: SecretBox },
): Promise<IdentityProvider> {
  assertOwner(actor);
  const organizationId = actor.organization.id;
  const issuer = checkIssuer(input.issuer);
  const clientId = input.clientId.trim();
  if (!clientId || CONTROL.test(clientId)) throw new AppError('sso.field_required', { field: 'client id' }, 'invalid');
  const existing = await db.identityProvider.findUnique({ where: { organizationId } });
  const secretText = input.clientSecret?.trim();
  if (!secretText && !existing) throw new AppError('sso.field_required', { field: 'client secret' }, 'invalid');
  const sealed = secretText
    ? (requireSecretBox(options.secretBox).seal(
        secretText,
        secretContext(organizationId),
      ) as unknown as Prisma.InputJsonValue)
    : undefined;
  const autoJoin = input.autoJoin ?? existing?.autoJoin ?? false;
  const autoJoinDomains = checkDomains(
    input.autoJoinDomains?.length
      ? input.autoJoinDomains
      : existing?.autoJoinDomains.length
        ? existing.autoJoinDomains
        : actor.organization.allowedDomains,
  );
  if (autoJoin && autoJoinDomains.length === 0) throw new AppError('sso.auto_join_domains', {}, 'invalid');

  const settings = {
    protocol: 'oidc',
    issuer: issuer.href,
    clientId,
    label: checkLabel(input.label ?? existing?.label, issuer),
    scopes: input.scopes !== undefined ? checkScopes(input.scopes) : (existing?.scopes ?? DEFAULT_SCOPES),
    joinMode: input.joinMode ?? existing?.joinMode ?? 'EITHER',
    autoJoin,
    autoJoinDomains,
    enabled: true,
  };
  return db.$transaction(async (tx) => {
    // A Json column cannot be left out of a create: without a new secret, the row exists (checked above).
    const row = sealed
      ? await tx.identityProvider.upsert({
          where: { organizationId },
          create: { organizationId, ...settings, clientSecret: sealed },
          update: { ...settings, clientSecret: sealed },
        })
      : await tx.identityProvider.update({ where: { organizationId }, data: settings });
    await recordAuditEvent(tx, actor, {
      action: 'sso.configured',
      subjectType: 'organization',
      subjectId: organizationId,
      // What was set, never the secret (only whether it changed).
      data: { ...settings, autoJoinWas: existing?.autoJoin ?? null, secretChanged: Boolean(sealed) },
    });
    return row;
  });
}
