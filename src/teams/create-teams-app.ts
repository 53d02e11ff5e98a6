// Builds the Teams bot (@microsoft/teams-ai on botbuilder) and its route in Sesame's one HTTP
// server: POST /api/messages. With the bot's credentials every activity's token is verified
// (401 otherwise); without them the bot answers unauthenticated, for local use only.
import { Application, TeamsAdapter } from '@microsoft/teams-ai';
import type { ConfigurationBotFrameworkAuthenticationOptions, TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Db } from '../db/database.js';
import type { Route } from '../http/server.js';
import type { Logger } from '../log/logger.js';
import { ADD_MEMBER_DIALOG, REISSUE_PASSWORD_DIALOG } from './cards/add-member-dialog.js';
import { importVerbs } from './cards/import-cards.js';
import { INVITE_DIALOG } from './cards/invite-dialog.js';
import { pendingVerbs } from './cards/pending-card.js';
import { seatVerbs } from './cards/seat-request-card.js';
import type { TeamsDeps } from './deps.js';
import { botRequest, botResponse, readJsonBody } from './http-shim.js';
import { fetchAddMemberDialog, fetchReissueDialog, submitAddMemberDialog } from './listeners/add-member-dialog.js';
import { asTeamsMember, importConfirm, pendingAction, seatAction } from './listeners/card-actions.js';
import { onInstalled } from './listeners/installed.js';
import { fetchInviteDialog, submitInviteDialog } from './listeners/invite-dialog.js';
import { onMessage } from './listeners/messages.js';

/** What every Bot Framework activity has; botbuilder checks the rest (and the token). */
const activityShape = z.looseObject({
  type: z.string().min(1),
  serviceUrl: z.string().min(1).optional(),
  conversation: z.looseObject({ id: z.string().min(1) }),
});

export interface TeamsService {
  app: Application;
  adapter: TeamsAdapter;
  /** The bot's app id ('' without credentials): proactive messages are sent in its name. */
  appId: string;
  routes: Record<string, Route>;
}

export interface TeamsConfig {
  appId?: string;
  appPassword?: string;
  tenantId?: string;
  /** Overrides of Bot Framework's endpoints (sovereign clouds; a local identity provider in tests). */
  authOverrides?: Partial<ConfigurationBotFrameworkAuthenticationOptions>;
}

/** The Bot Framework adapter alone: what proactive messages need (the notification job). */
export function createTeamsAdapter(config: TeamsConfig): TeamsAdapter {
  if (!config.appId) return new TeamsAdapter({});
  return new TeamsAdapter({
    MicrosoftAppId: config.appId,
    MicrosoftAppPassword: config.appPassword,
    MicrosoftAppTenantId: config.tenantId,
    MicrosoftAppType: 'SingleTenant',
    ...config.authOverrides,
  } as ConfigurationBotFrameworkAuthenticationOptions);
}

/**
 * An import confirmation (an invoke) answers with the final counts if the import ends within this,
 * else with its progress, then updates the card. Teams waits five seconds for an invoke's answer
 * before it retries the invoke; claiming the draft and answering must fit in what is left.
 */
const IMPORT_ANSWER_WITHIN_MS = 2000;

export function createTeamsService(options: {
  config: TeamsConfig;
  db: Db;
  log: Logger;
  importAnswerWithinMs?: number;
}): TeamsService {
  const { config, db, log } = options;
  const authenticated = Boolean(config.appId);
  const adapter = createTeamsAdapter(config);
  const app = new Application({
    adapter,
    botAppId: config.appId ?? '',
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });
  const deps: TeamsDeps = {
    db,
    log,
    allowInsecureDownloads: !authenticated,
    continueConversation: (reference, logic) => adapter.continueConversationAsync(config.appId ?? '', reference, logic),
    importAnswerWithinMs: options.importAnswerWithinMs ?? IMPORT_ANSWER_WITHIN_MS,
  };

  app.message(/.*/s, (context) => onMessage(deps, context));
  app.conversationUpdate('membersAdded', (context) => onInstalled(deps, context));
  app.adaptiveCards.actionExecute(pendingVerbs.resend, (context, _state, data) =>
    asTeamsMember(deps, context, 'pending resend', (who) => pendingAction(deps, who, 'resend', data)),
  );
  app.adaptiveCards.actionExecute(pendingVerbs.revoke, (context, _state, data) =>
    asTeamsMember(deps, context, 'pending revoke', (who) => pendingAction(deps, who, 'revoke', data)),
  );
  app.adaptiveCards.actionExecute(pendingVerbs.page, (context, _state, data) =>
    asTeamsMember(deps, context, 'pending page', (who) => pendingAction(deps, who, 'page', data)),
  );
  app.adaptiveCards.actionExecute(seatVerbs.approve, (context, _state, data) =>
    asTeamsMember(deps, context, 'seat approve', (who) => seatAction(deps, context, who, 'approve', data)),
  );
  app.adaptiveCards.actionExecute(seatVerbs.deny, (context, _state, data) =>
    asTeamsMember(deps, context, 'seat deny', (who) => seatAction(deps, context, who, 'deny', data)),
  );
  app.adaptiveCards.actionExecute(importVerbs.confirm, (context, _state, data) =>
    asTeamsMember(deps, context, 'import confirm', (who) => importConfirm(deps, context, who, data)),
  );
  app.taskModules.fetch(INVITE_DIALOG, (context) => fetchInviteDialog(deps, context));
  app.taskModules.submit(INVITE_DIALOG, (context, _state, data) => submitInviteDialog(deps, context, data));
  app.taskModules.fetch(ADD_MEMBER_DIALOG, (context) => fetchAddMemberDialog(deps, context));
  app.taskModules.submit(ADD_MEMBER_DIALOG, (context, _state, data) => submitAddMemberDialog(deps, context, data));
  app.taskModules.fetch(REISSUE_PASSWORD_DIALOG, (context, _state, data) => fetchReissueDialog(deps, context, data));
  app.error(async (_context, error) => {
    log.error('Teams turn failed', { error: error.message });
  });

  const route: Route = async (req, res) => {
    const body = await readJsonBody(req);
    if (!body || !activityShape.safeParse(body).success) {
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'invalid activity' }));
      return;
    }
    await adapter.process(botRequest(req, body), botResponse(res), (context: TurnContext) =>
      app.run(context).then(() => {}),
    );
  };
  return { app, adapter, appId: config.appId ?? '', routes: { 'POST /api/messages': route } };
}
