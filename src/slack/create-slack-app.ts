// Builds the Bolt app for the configured mode and the HTTP routes that serve it in Sesame's one
// server. HTTP mode (POST /slack/events, several replicas behind a load balancer) or Socket Mode
// (SLACK_APP_TOKEN: no public URL); one workspace (SLACK_BOT_TOKEN) or many (OAuth, installations
// in the database, GET /slack/install and /slack/oauth_redirect).
import type { IncomingMessage } from 'node:http';
import { App, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import type { Env } from '../config/env.js';
import type { Db } from '../db/database.js';
import type { Route } from '../http/server.js';
import type { Logger } from '../log/logger.js';
import { createSecretBox } from '../security/secret-box.js';
import { boltLogger } from './bolt-logger.js';
import { slackFetch } from './counted-fetch.js';
import type { SlackDeps } from './deps.js';
import { checkSlackBody } from './inbound-body.js';
import { databaseInstallationStore } from './installation-store.js';
import { listenerClientOptions } from './listener-client.js';
import { registerListeners } from './listeners/register.js';
import { defaultSlackApiUrl, slackAuthorizeUrl } from './slack-api-url.js';

/** The bot scopes, as in manifests/slack/manifest.json (its README says what each is for). */
export const SLACK_SCOPES = [
  'commands',
  'chat:write',
  'users:read',
  'users:read.email',
  'files:read',
  'channels:read',
  'groups:read',
];

export type SlackConfig = Partial<
  Pick<
    Env,
    | 'SLACK_BOT_TOKEN'
    | 'SLACK_SIGNING_SECRET'
    | 'SLACK_CLIENT_ID'
    | 'SLACK_CLIENT_SECRET'
    | 'SLACK_STATE_SECRET'
    | 'SLACK_APP_TOKEN'
    | 'SLACK_API_URL'
    | 'TOKEN_ENCRYPTION_KEY'
  >
>;

export interface SlackService {
  app: App;
  /** Routes for Sesame's HTTP server (empty in Socket Mode). */
  routes: Record<string, Route>;
  mode: 'http' | 'socket';
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** How old (or how far ahead) a signed request may be: Slack's own 5 minutes, both ways. */
const MAX_CLOCK_SKEW_S = 5 * 60;

export function createSlackService(options: {
  config: SlackConfig;
  db: Db;
  log: Logger;
  /** Web API retries of the handlers' calls (0 in tests: a failing fake must not hang them). */
  retries?: number;
}): SlackService {
  const { config, db, log } = options;
  if (!config.SLACK_SIGNING_SECRET) throw new Error('SLACK_SIGNING_SECRET is required for Slack');
  const slackApiUrl = config.SLACK_API_URL ?? defaultSlackApiUrl;
  // The listeners' calls have a time limit: a hung Slack must not hold a listener for ever.
  const clientOptions = listenerClientOptions(slackApiUrl, { retries: options.retries });
  const logger = boltLogger(log);
  const oauth = Boolean(config.SLACK_CLIENT_ID && config.SLACK_CLIENT_SECRET && config.SLACK_STATE_SECRET);
  const oauthOptions = oauth
    ? {
        clientId: config.SLACK_CLIENT_ID,
        clientSecret: config.SLACK_CLIENT_SECRET,
        stateSecret: config.SLACK_STATE_SECRET,
        scopes: SLACK_SCOPES,
        installationStore: databaseInstallationStore(db, createSecretBox(config.TOKEN_ENCRYPTION_KEY ?? '')),
        installerOptions: {
          directInstall: true,
          authorizationUrl: slackAuthorizeUrl(slackApiUrl),
          clientOptions: { slackApiUrl, fetch: slackFetch },
          installPath: '/slack/install',
          redirectUriPath: '/slack/oauth_redirect',
        },
      }
    : {};

  let receiver: HTTPReceiver | SocketModeReceiver;
  let mode: SlackService['mode'];
  if (config.SLACK_APP_TOKEN) {
    mode = 'socket';
    // One workspace (Slack does not distribute Socket Mode apps); its API base as configured.
    receiver = new SocketModeReceiver({
      appToken: config.SLACK_APP_TOKEN,
      logger,
      installerOptions: { clientOptions: { slackApiUrl, fetch: slackFetch } },
    });
  } else {
    mode = 'http';
    receiver = new HTTPReceiver({
      signingSecret: config.SLACK_SIGNING_SECRET,
      endpoints: '/slack/events',
      logger,
      // Bolt answers at ack(): Slack needs the answer within 3 s; the work goes on after.
      processBeforeResponse: false,
      ...oauthOptions,
    });
  }
  const app = new App({
    receiver,
    ...(oauth && mode === 'http' ? {} : { token: config.SLACK_BOT_TOKEN }),
    clientOptions,
    logger,
  });
  const deps: SlackDeps = { db, log, slackApiUrl };
  registerListeners(app, deps);
  app.error(async (error) => {
    log.error('Slack listener failed', { error: error.message, code: (error as { code?: string }).code });
  });

  const routes: Record<string, Route> = {};
  if (receiver instanceof HTTPReceiver) {
    const listener = receiver.requestListener;
    const serve: Route = async (req, res) => {
      if (isFromTheFuture(req)) {
        res.writeHead(401).end();
        return;
      }
      listener(req, res);
    };
    routes['POST /slack/events'] = async (req, res) => {
      const verdict = await checkSlackBody(req);
      if (verdict !== 'ok') {
        log.warn('Slack request refused: not a body Slack sends', { status: verdict });
        res.writeHead(verdict).end();
        return;
      }
      await serve(req, res);
    };
    if (oauth) {
      routes['GET /slack/install'] = serve;
      routes['GET /slack/oauth_redirect'] = serve;
    }
  }
  return {
    app,
    routes,
    mode,
    start: async () => {
      if (mode === 'socket') await app.start();
    },
    stop: async () => {
      if (mode === 'socket') await app.stop();
    },
  };
}

/**
 * Bolt refuses stale signed requests but not ones dated ahead; a request signed for later could
 * be replayed until then. Refused here, before Bolt reads it.
 */
function isFromTheFuture(req: IncomingMessage): boolean {
  const ts = Number(req.headers['x-slack-request-timestamp']);
  return Number.isFinite(ts) && ts - Date.now() / 1000 > MAX_CLOCK_SKEW_S;
}
