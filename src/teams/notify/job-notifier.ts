// The Teams notifier as the notification job builds it: only what proactive messages need (the
// Teams SDK's Bot Connector client, its token, and the cards), never the bot with its listeners
// and dialogs.
import type { Env } from '../../config/env.js';
import type { Db } from '../../db/database.js';
import type { Logger } from '../../log/logger.js';
import type { ChatNotifier } from '../../notifications/deliver-notifications.js';
import { teamsConfig } from '../teams-config.js';
import { createSdkApp } from '../teams-sdk-app.js';
import { createTeamsNotifier } from './teams-notifier.js';

export function createTeamsJobNotifier(options: { db: Db; env: Env; log: Logger }): ChatNotifier {
  const app = createSdkApp(teamsConfig(options.env), options.log);
  return createTeamsNotifier({ db: options.db, api: app.api });
}
