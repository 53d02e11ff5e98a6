// What every Teams listener needs from the service.
import type { Db } from '../db/database.js';
import type { Logger } from '../log/logger.js';

export interface TeamsDeps {
  db: Db;
  log: Logger;
  /** Attachments are fetched only from https URLs, or any URL when the bot runs locally (tests). */
  allowInsecureDownloads: boolean;
}
