// The Teams notifier as the notification job builds it: only what proactive messages need
// (the connector client and the cards), never the whole bot with its listeners and dialogs.
import type { Env } from '../../config/env.js';
import type { Db } from '../../db/database.js';
import type { Logger } from '../../log/logger.js';
import type { ChatNotifier } from '../../notifications/deliver-notifications.js';
import { createTeamsAdapter } from '../create-teams-app.js';
import { teamsConfig } from '../teams-config.js';
import { createTeamsNotifier } from './teams-notifier.js';

export function createTeamsJobNotifier(options: { db: Db; env: Env; log: Logger }): ChatNotifier {
  const config = teamsConfig(options.env);
  return createTeamsNotifier({ db: options.db, adapter: createTeamsAdapter(config), appId: config.appId ?? '' });
}
