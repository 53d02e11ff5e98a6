// What every Slack listener needs from the service.
import type { Db } from '../db/database.js';
import type { Logger } from '../log/logger.js';

export interface SlackDeps {
  db: Db;
  log: Logger;
  /** Slack's Web API base: file downloads carry the bot token only to Slack's own hosts. */
  slackApiUrl: string;
}
