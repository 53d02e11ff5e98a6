// An organization's outbound webhook endpoints: added (with a generated secret, shown once),
// listed (secrets never shown again), removed. Owners and admins only. URLs lead to public
// addresses only (see public-address.ts).
import { randomBytes } from 'node:crypto';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Db } from '../db/database.js';
import { AppError, isAppError } from '../errors/app-error.js';
import type { WebhookEndpoint } from '../generated/prisma/client.js';
import type { Actor } from '../permissions/actor.js';
import { assertCanManageInvitations } from '../permissions/policy.js';
import { type WebhookEvent, webhookEvents } from './emit-webhook-event.js';
import { resolvePublicAddress, type WebhookNetwork } from './public-address.js';

export type EndpointView = Omit<WebhookEndpoint, 'secret'>;

const hide = ({ secret: _secret, ...rest }: WebhookEndpoint): EndpointView => rest;

async function checkUrl(raw: string, network: WebhookNetwork): Promise<string> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new AppError('webhook.invalid_url', { url: raw }, 'invalid');
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  // Plain http would expose the payloads (e-mail addresses) on the way: only for local tests.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new AppError('webhook.invalid_url', { url: raw }, 'invalid');
  }
  try {
    await resolvePublicAddress(url, network);
  } catch (error) {
    // A name that does not resolve today may tomorrow (DNS being set up, or down for a moment):
    // it is accepted, and each delivery checks where it leads before connecting.
    if (isAppError(error)) throw error;
  }
  return url.toString();
}

export async function addWebhookEndpoint(
  db: Db,
  actor: Actor,
  input: { url: string; events?: string[] },
  network: WebhookNetwork = { allowPrivateAddresses: false },
): Promise<{ endpoint: EndpointView; secret: string }> {
  assertCanManageInvitations(actor, 'manage_webhooks');
  const url = await checkUrl(input.url, network);
  const events = [...new Set((input.events ?? []).map((e) => e.trim()).filter(Boolean))];
  const unknown = events.find((e) => !webhookEvents.includes(e as WebhookEvent));
  if (unknown)
    throw new AppError('webhook.unknown_event', { event: unknown, known: webhookEvents.join(', ') }, 'invalid');
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  const endpoint = await db.$transaction(async (tx) => {
    const created = await tx.webhookEndpoint.create({
      data: { organizationId: actor.organization.id, url, secret, events },
    });
    await recordAuditEvent(tx, actor, {
      action: 'webhook.added',
      subjectType: 'webhook_endpoint',
      subjectId: created.id,
      data: { host: new URL(url).host, events },
    });
    return created;
  });
  return { endpoint: hide(endpoint), secret };
}

export async function listWebhookEndpoints(db: Db, actor: Actor): Promise<EndpointView[]> {
  assertCanManageInvitations(actor, 'manage_webhooks');
  const rows = await db.webhookEndpoint.findMany({
    where: { organizationId: actor.organization.id },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map(hide);
}

export async function removeWebhookEndpoint(db: Db, actor: Actor, id: string): Promise<void> {
  assertCanManageInvitations(actor, 'manage_webhooks');
  await db.$transaction(async (tx) => {
    // Deactivated rather than deleted: its queued deliveries are then dropped, not orphaned.
    const changed = await tx.webhookEndpoint.updateMany({
      where: {
        id: /^[0-9a-f-]{36}$/i.test(id) ? id : '00000000-0000-0000-0000-000000000000',
        organizationId: actor.organization.id,
        active: true,
      },
      data: { active: false },
    });
    if (changed.count === 0) throw new AppError('webhook.not_found', { id }, 'not_found');
    await recordAuditEvent(tx, actor, { action: 'webhook.removed', subjectType: 'webhook_endpoint', subjectId: id });
  });
}
