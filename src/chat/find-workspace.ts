// The organization a chat workspace acts on, if it is linked.
import type { Db } from '../db/database.js';
import type { ChatWorkspace } from '../generated/prisma/client.js';
import { type Organization, toOrganization } from '../organizations/organization.js';
import type { WorkspaceRef } from './platform.js';

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

/** The workspaces of an organization on one platform (notifications go to each of them). */
export function workspacesOf(db: Db, organizationId: string, platform?: string): Promise<ChatWorkspace[]> {
  return db.chatWorkspace.findMany({
    where: { organizationId, ...(platform ? { platform } : {}) },
    orderBy: { linkedAt: 'asc' },
  });
}
