// The bot token Sesame uses in a Slack workspace outside a Slack request (the notification job,
// the CLI): the configured one (one workspace), or the workspace's OAuth installation's.
import type { Db } from '../db/database.js';
import type { SecretBox } from '../security/secret-box.js';
import { installedBotToken } from './installation-store.js';

export async function botTokenFor(
  db: Db,
  teamId: string,
  options: { botToken?: string; secretBox?: SecretBox },
): Promise<string | undefined> {
  return options.botToken ?? (options.secretBox ? await installedBotToken(db, options.secretBox, teamId) : undefined);
}
