// Where a workspace posts the seat requests for the managers to decide. Owners choose it.
import { recordAuditEvent } from '../../audit/record-audit-event.js';
import type { Db } from '../../db/database.js';
import { Prisma } from '../../generated/prisma/client.js';
import type { Actor } from '../../permissions/actor.js';
import { assertOwner, canChangeSettings } from '../../permissions/policy.js';
import type { WorkspaceRef } from '../platform.js';

/**
 * `reference`: Teams' conversation reference of the channel, needed to post there proactively
 * (Slack posts by channel id alone).
 */
export async function setManagersChannel(
  db: Db,
  actor: Actor,
  ref: WorkspaceRef,
  channelId: string,
  reference?: Prisma.InputJsonValue,
): Promise<void> {
  assertOwner(actor);
  await db.$transaction(async (tx) => {
    await tx.chatWorkspace.update({
      // The organization in the key: an owner can only change their own organization's workspace.
      where: {
        platform_externalId: { platform: ref.platform, externalId: ref.externalId },
        organizationId: actor.organization.id,
      },
      data: { managersChannelId: channelId, managersChannelRef: reference ?? Prisma.DbNull },
    });
    await auditChannelChoice(tx, actor, ref, channelId);
  });
}

/**
 * When an owner adds the bot to a Teams team, its channel becomes the managers' one, unless an
 * owner already chose one: the first choice is never replaced silently. Anyone in a team may add
 * an app, so for anyone else this does nothing. Returns whether the channel was taken.
 */
export async function adoptManagersChannel(
  db: Db,
  actor: Actor,
  ref: WorkspaceRef,
  channelId: string,
  reference: Prisma.InputJsonValue,
): Promise<boolean> {
  if (!canChangeSettings(actor.member)) return false;
  return db.$transaction(async (tx) => {
    // The condition on the current value makes two installs at once take one channel.
    const { count } = await tx.chatWorkspace.updateMany({
      where: {
        platform: ref.platform,
        externalId: ref.externalId,
        organizationId: actor.organization.id,
        managersChannelId: null,
      },
      data: { managersChannelId: channelId, managersChannelRef: reference },
    });
    if (count === 0) return false;
    await auditChannelChoice(tx, actor, ref, channelId, { onInstall: true });
    return true;
  });
}

function auditChannelChoice(
  tx: Prisma.TransactionClient,
  actor: Actor,
  ref: WorkspaceRef,
  channelId: string,
  extra: Record<string, unknown> = {},
): Promise<void> {
  return recordAuditEvent(tx, actor, {
    action: 'chat.managers_channel_set',
    subjectType: 'organization',
    subjectId: actor.organization.id,
    data: { platform: ref.platform, workspace: ref.externalId, channel: channelId, ...extra },
  });
}
