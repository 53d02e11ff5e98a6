// What every Teams listener needs from the service, and the turn it handles (the Teams SDK's
// activity context: the activity, `send`, and `api`, the Bot Connector client for its serviceUrl,
// still usable after the turn has ended, e.g. to update a card as a long import runs).
import type { Activity } from '@microsoft/teams.api';
import type { IActivityContext } from '@microsoft/teams.apps';
import type { Db } from '../db/database.js';
import type { Logger } from '../log/logger.js';

export type TeamsTurn<A extends Activity = Activity> = IActivityContext<A>;

export interface TeamsDeps {
  db: Db;
  log: Logger;
  /** Attachments are fetched only from https URLs, or any URL when the bot runs locally (tests). */
  allowInsecureDownloads: boolean;
  /** How long an import confirmation waits for the import to finish before answering with its progress. */
  importAnswerWithinMs: number;
}
