// What every Teams listener needs from the service.
import type { ConversationReference, TurnContext } from 'botbuilder';
import type { Db } from '../db/database.js';
import type { Logger } from '../log/logger.js';

export interface TeamsDeps {
  db: Db;
  log: Logger;
  /** Attachments are fetched only from https URLs, or any URL when the bot runs locally (tests). */
  allowInsecureDownloads: boolean;
  /** Acts in a conversation after the turn that started the work has ended (a long import). */
  continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void>;
  /** How long an import confirmation waits for the import to finish before answering with its progress. */
  importAnswerWithinMs: number;
}
