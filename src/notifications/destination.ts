// Where a notification goes: the one chat workspace it names (a fanned-out copy) or its
// organization's only one; with several, it becomes one row per workspace, each delivered and
// retried on its own (a failure in one never re-sends to the others).
import type { Db } from '../db/database.js';
import type { ChatWorkspace } from '../generated/prisma/client.js';
import { outboxKinds } from '../outbox/enqueue.js';
import { outboxKeySql, outboxKeys } from '../outbox/outbox-keys.js';
import { insertOutboxRowsSql } from '../outbox/outbox-rows.js';
import type { ChatNotifier } from './deliver-notifications.js';

export type Destination =
  | { type: 'workspace'; workspace: ChatWorkspace; notifier: ChatNotifier }
  | { type: 'several'; workspaces: ChatWorkspace[] }
  | { type: 'none'; note: string };

export async function destinationOfNotification(
  db: Db,
  organizationId: string,
  payload: unknown,
  notifiers: readonly ChatNotifier[],
): Promise<Destination> {
  const target = workspaceOf(payload);
  const workspaces = await db.chatWorkspace.findMany({
    where: {
      organizationId,
      platform: { in: notifiers.map((n) => n.platform) },
      ...(target ? { platform: target.platform, externalId: target.externalId } : {}),
    },
    orderBy: { linkedAt: 'asc' },
  });
  if (workspaces.length === 0) return { type: 'none', note: 'no chat workspace is linked to the organization' };
  if (workspaces.length > 1) return { type: 'several', workspaces };
  const [workspace] = workspaces;
  const notifier = notifiers.find((n) => n.platform === workspace?.platform);
  if (!workspace || !notifier) return { type: 'none', note: 'no notifier' };
  return { type: 'workspace', workspace, notifier };
}

/** Queues one copy of each row per workspace (its key suffixed with the workspace: queued once). */
export async function fanOut(
  db: Db,
  rows: readonly { organizationId: string; key: string; payload: unknown }[],
  workspaces: readonly ChatWorkspace[],
): Promise<void> {
  await db.$executeRawUnsafe(
    FAN_OUT_SQL,
    rows.map((r) => r.organizationId),
    rows.map((r) => r.key),
    rows.map((r) => JSON.stringify(r.payload)),
    workspaces.map((w) => w.platform),
    workspaces.map((w) => w.externalId),
  );
}

const FAN_OUT_SQL = insertOutboxRowsSql(
  outboxKinds.notification,
  {
    organizationId: 'm.organization_id',
    key: outboxKeySql(outboxKeys.perWorkspace, { key: 'm.key', platform: 'w.platform', externalId: 'w.external_id' }),
    payload: `m.payload::jsonb || jsonb_build_object('workspace', jsonb_build_object('platform', w.platform, 'externalId', w.external_id))`,
  },
  `FROM unnest($1::uuid[], $2::text[], $3::text[]) AS m(organization_id, key, payload)
   CROSS JOIN unnest($4::text[], $5::text[]) AS w(platform, external_id)`,
);

/** The workspace a per-workspace copy of a notification is for (see fanOut). */
export function workspaceOf(payload: unknown): { platform: string; externalId: string } | undefined {
  const workspace = (payload as { workspace?: { platform?: unknown; externalId?: unknown } } | null)?.workspace;
  return typeof workspace?.platform === 'string' && typeof workspace.externalId === 'string'
    ? { platform: workspace.platform, externalId: workspace.externalId }
    : undefined;
}

/** The key of a row's destination: its workspace when it names one, else its organization's. */
export function destinationKey(row: { organizationId: string; payload: unknown }): string {
  const workspace = workspaceOf(row.payload);
  return workspace ? `${workspace.platform}:${workspace.externalId}` : `organization:${row.organizationId}`;
}

/** destinationKey in SQL, over an outbox_message aliased `o` (the claim of outcomes groups by it). */
export const destinationKeySql = `CASE
  WHEN jsonb_typeof(o.payload->'workspace'->'platform') = 'string' AND jsonb_typeof(o.payload->'workspace'->'externalId') = 'string'
  THEN (o.payload->'workspace'->>'platform') || ':' || (o.payload->'workspace'->>'externalId')
  ELSE 'organization:' || o.organization_id::text END`;
