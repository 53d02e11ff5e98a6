// Slack OAuth installations (distribution to many workspaces) kept in the database, so every
// replica can answer every workspace. Keyed like @slack/oauth's own stores: the enterprise id for
// an org-wide install, the team id otherwise.
import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import type { Db } from '../db/database.js';
import type { Prisma } from '../generated/prisma/client.js';

const keyOf = (q: { isEnterpriseInstall?: boolean; enterpriseId?: string; teamId?: string }) =>
  q.isEnterpriseInstall && q.enterpriseId ? `E:${q.enterpriseId}` : `T:${q.teamId ?? ''}`;

export function databaseInstallationStore(db: Db): InstallationStore {
  return {
    async storeInstallation(installation) {
      const id = keyOf({
        isEnterpriseInstall: installation.isEnterpriseInstall,
        enterpriseId: installation.enterprise?.id,
        teamId: installation.team?.id,
      });
      const value = installation as unknown as Prisma.InputJsonValue;
      await db.slackInstallation.upsert({
        where: { id },
        create: { id, installation: value },
        update: { installation: value },
      });
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const row = await db.slackInstallation.findUnique({ where: { id: keyOf(query) } });
      if (!row) throw new Error('No Slack installation for this workspace');
      return row.installation as unknown as Installation<'v1' | 'v2', boolean>;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await db.slackInstallation.deleteMany({ where: { id: keyOf(query) } });
    },
  };
}

/** The bot token of a workspace (for the notification job, outside any Slack request). */
export async function installedBotToken(db: Db, teamId: string): Promise<string | undefined> {
  const row = await db.slackInstallation.findUnique({ where: { id: `T:${teamId}` } });
  const installation = row?.installation as { bot?: { token?: string } } | undefined;
  return installation?.bot?.token;
}
