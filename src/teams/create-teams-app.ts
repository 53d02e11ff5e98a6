// Builds the Teams bot on the Teams SDK (@microsoft/teams.apps) and its route in Sesame's one HTTP
// server: POST /api/messages, through the SDK's HTTP server adapter seam (no Express listener, no
// second port). With the bot's credentials every activity's token is verified (401 otherwise);
// without them the bot answers unauthenticated, for local use only (see teamsMode).
import type {
  AdaptiveCardActionResponse,
  IAdaptiveCardActionInvokeActivity,
  ITaskFetchInvokeActivity,
  ITaskSubmitInvokeActivity,
  TaskModuleResponse,
} from '@microsoft/teams.api';
import type { App } from '@microsoft/teams.apps';
import type { Db } from '../db/database.js';
import type { Route } from '../http/server.js';
import { pickLocale } from '../i18n/locale.js';
import type { Logger } from '../log/logger.js';
import { type AdaptiveCard, adaptiveCard, text } from './cards/adaptive.js';
import { ADD_MEMBER_DIALOG, REISSUE_PASSWORD_DIALOG } from './cards/add-member-dialog.js';
import { INVITE_DIALOG } from './cards/invite-dialog.js';
import type { TeamsDeps, TeamsTurn } from './deps.js';
import { fetchAddMemberDialog, fetchReissueDialog, submitAddMemberDialog } from './listeners/add-member-dialog.js';
import { bulkCardActions } from './listeners/bulk-actions.js';
import type { CardAction } from './listeners/card-action.js';
import { digestCardActions } from './listeners/digest-actions.js';
import { importCardActions } from './listeners/import-flow.js';
import { onInstalled } from './listeners/installed.js';
import { fetchInviteDialog, submitInviteDialog } from './listeners/invite-dialog.js';
import { inviteRequestCardActions } from './listeners/invite-request-actions.js';
import { memberRemovalCardActions } from './listeners/member-removal.js';
import { onMessage } from './listeners/messages.js';
import { pendingCardActions } from './listeners/pending-actions.js';
import { seatCardActions } from './listeners/seat-actions.js';
import { createNodeHttpAdapter } from './node-http-adapter.js';
import type { TeamsConfig } from './teams-config.js';
import { createSdkApp } from './teams-sdk-app.js';
import { teamsTexts } from './teams-texts.js';
import { typeset, typesetText } from './typeset.js';

export type { TeamsConfig } from './teams-config.js';

export interface TeamsService {
  app: App;
  /** The bot's app id ('' without credentials). */
  appId: string;
  routes: Record<string, Route>;
  /** Initializes the SDK (it registers its endpoint then); the route also does it on its first request. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * An import confirmation (an invoke) answers with the final counts if the import ends within this,
 * else with its progress, then updates the card. Teams waits five seconds for an invoke's answer
 * before it retries the invoke; claiming the draft and answering must fit in what is left.
 */
const IMPORT_ANSWER_WITHIN_MS = 2000;
const MESSAGING_ENDPOINT = '/api/messages';

/** Action.Execute verbs (Teams sends the verb; the SDK's own `card.action.<x>` routes key on data.action). */
const cardActions: Record<string, CardAction> = {
  ...pendingCardActions,
  ...bulkCardActions,
  ...seatCardActions,
  ...inviteRequestCardActions,
  ...digestCardActions,
  ...importCardActions,
  ...memberRemovalCardActions,
};

type DialogAnswer = Awaited<ReturnType<typeof fetchInviteDialog>>;
type Dialog = (deps: TeamsDeps, turn: TeamsTurn, data: unknown) => Promise<DialogAnswer>;

/** Dialogs (task modules) by the `verb` of the card button that opened them, or of their submit button. */
const dialogOpens: Record<string, Dialog> = {
  [INVITE_DIALOG]: (deps, turn) => fetchInviteDialog(deps, turn),
  [ADD_MEMBER_DIALOG]: (deps, turn) => fetchAddMemberDialog(deps, turn),
  [REISSUE_PASSWORD_DIALOG]: (deps, turn, data) => fetchReissueDialog(deps, turn, data),
};
const dialogSubmits: Record<string, Dialog> = {
  [INVITE_DIALOG]: (deps, turn, data) => submitInviteDialog(deps, turn, data),
  [ADD_MEMBER_DIALOG]: (deps, turn, data) => submitAddMemberDialog(deps, turn, data),
};

const verbOf = (data: unknown): string =>
  data && typeof data === 'object' && typeof (data as { verb?: unknown }).verb === 'string'
    ? (data as { verb: string }).verb
    : '';

/** Action.Execute's answer: the card Teams shows in place of the clicked one. */
const cardAnswer = (card: AdaptiveCard): AdaptiveCardActionResponse => ({
  statusCode: 200,
  type: 'application/vnd.microsoft.card.adaptive',
  value: typeset(card) as never,
});

/** A dialog's answer: its next card, or a line in Teams' message box (which closes it). */
const dialogAnswer = (answer: DialogAnswer): TaskModuleResponse =>
  typeof answer === 'string'
    ? { task: { type: 'message', value: typesetText(answer) } }
    : { task: { type: 'continue', value: typeset(answer) } };

const localeOf = (turn: TeamsTurn) => pickLocale(turn.activity.locale);

export function createTeamsService(options: {
  config: TeamsConfig;
  db: Db;
  log: Logger;
  importAnswerWithinMs?: number;
}): TeamsService {
  const { config, db, log } = options;
  const authenticated = Boolean(config.appId);
  const adapter = createNodeHttpAdapter();
  const app = createSdkApp(config, log, adapter);
  const deps: TeamsDeps = {
    db,
    log,
    allowInsecureDownloads: !authenticated,
    importAnswerWithinMs: options.importAnswerWithinMs ?? IMPORT_ANSWER_WITHIN_MS,
  };

  app.on('message', (turn) => onMessage(deps, turn));
  app.on('conversationUpdate', (turn) => onInstalled(deps, turn));
  app.on('card.action', async (turn: TeamsTurn<IAdaptiveCardActionInvokeActivity>) => {
    const { verb, data } = turn.activity.value.action;
    const action = cardActions[verb ?? ''];
    if (!action) {
      log.warn('Teams card action with an unknown verb', { verb: String(verb).slice(0, 40) });
      return cardAnswer(adaptiveCard([text(teamsTexts(localeOf(turn)).unknownButton, { color: 'Attention' })]));
    }
    return cardAnswer(await action(deps, turn, data));
  });
  app.on('dialog.open', async (turn: TeamsTurn<ITaskFetchInvokeActivity>) => {
    const data: unknown = turn.activity.value?.data;
    const open = dialogOpens[verbOf(data)];
    return dialogAnswer(open ? await open(deps, turn, data) : teamsTexts(localeOf(turn)).unknownForm);
  });
  app.on('dialog.submit', async (turn: TeamsTurn<ITaskSubmitInvokeActivity>) => {
    const data: unknown = turn.activity.value?.data;
    const submit = dialogSubmits[verbOf(data)];
    return dialogAnswer(submit ? await submit(deps, turn, data) : teamsTexts(localeOf(turn)).unknownForm);
  });

  // The SDK registers its endpoint on the adapter when it initializes; once, whoever asks first.
  let initialized: Promise<void> | undefined;
  const start = () => {
    initialized ??= app.initialize();
    return initialized;
  };
  return {
    app,
    appId: config.appId ?? '',
    routes: { [`POST ${MESSAGING_ENDPOINT}`]: adapter.route(MESSAGING_ENDPOINT, start) },
    start,
    stop: () => app.stop(),
  };
}
