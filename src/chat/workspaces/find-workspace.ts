// The organization a chat workspace acts on, if it is linked.
import type { Db } from '../../db/database.js';
import type { ChatWorkspace } from '../../generated/prisma/client.js';
import { type Organization, toOrganization } from '../../organizations/organization.js';
import type { Actor } from '../../permissions/actor.js';
import type { ChatPlatform, WorkspaceRef } from '../platform.js';

export interface LinkedWorkspace {
  workspace: ChatWorkspace;
  organization: Organization;
}

export async function findLinkedWorkspace(db: Db, ref: WorkspaceRef): Promise<LinkedWorkspace | null> {
  const row = await db.chatWorkspace.findUnique({
    where: { platform_externalId: { platform: ref.platform, externalId: ref.externalId } },
    include: { organization: true },
  });
  if (!row) return null;
  const { organization, ...workspace } = row;
  return { workspace, organization: toOrganization(organization) };
}

/** The workspaces of the acting member's organization on one platform (operators' listing). */
export function linkedWorkspaces(db: Db, actor: Actor, platform: ChatPlatform): Promise<ChatWorkspace[]> {
  return db.chatWorkspace.findMany({
    where: { organizationId: actor.organization.id, platform },
    orderBy: { linkedAt: 'asc' },
  });
}
