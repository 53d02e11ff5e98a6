// Slack OAuth installations (distribution to many workspaces) kept in the database, so every
// replica can answer every workspace. Keyed like @slack/oauth's own stores: the enterprise id for
// an org-wide install, the team id otherwise. Each installation holds the workspace's bot token:
// it is stored sealed (src/security/secret-box.ts), bound to its row's key.
import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import type { Db } from '../db/database.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { SecretBox } from '../security/secret-box.js';

const keyOf = (q: { isEnterpriseInstall?: boolean; enterpriseId?: string; teamId?: string }) =>
  q.isEnterpriseInstall && q.enterpriseId ? `E:${q.enterpriseId}` : `T:${q.teamId ?? ''}`;

type AnyInstallation = Installation<'v1' | 'v2', boolean>;

/** The installation kept under this key, opened; a value sealed under an older key is sealed again. */
async function readInstallation(db: Db, box: SecretBox, id: string): Promise<AnyInstallation | undefined> {
  const row = await db.slackInstallation.findUnique({ where: { id } });
  if (!row) return undefined;
  const installation = box.open(row.installation, id) as AnyInstallation;
  if (box.isStale(row.installation)) {
    const resealed = box.seal(installation, id) as unknown as Prisma.InputJsonValue;
    await db.slackInstallation.updateMany({
      where: { id, updatedAt: row.updatedAt },
      data: { installation: resealed },
    });
  }
  return installation;
}

export function databaseInstallationStore(db: Db, box: SecretBox): InstallationStore {
  return {
    async storeInstallation(installation) {
      const id = keyOf({
        isEnterpriseInstall: installation.isEnterpriseInstall,
        enterpriseId: installation.enterprise?.id,
        teamId: installation.team?.id,
      });
      const sealed = box.seal(installation, id) as unknown as Prisma.InputJsonValue;
      await db.slackInstallation.upsert({
        where: { id },
        create: { id, installation: sealed },
        update: { installation: sealed },
      });
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const installation = await readInstallation(db, box, keyOf(query));
      if (!installation) throw new Error('No Slack installation for this workspace');
      return installation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await db.slackInstallation.deleteMany({ where: { id: keyOf(query) } });
    },
  };
}

/** The bot token of a workspace (for the notification job, outside any Slack request). */
export async function installedBotToken(db: Db, box: SecretBox, teamId: string): Promise<string | undefined> {
  return (await readInstallation(db, box, `T:${teamId}`))?.bot?.token;
}
