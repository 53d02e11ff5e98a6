// One Teams SDK App (@microsoft/teams.apps) as Sesame configures it, for the bot and for the
// notification job alike. Every setting is passed explicitly: the SDK would otherwise read
// CLIENT_ID, CLIENT_SECRET, TENANT_ID, CLOUD, SERVICE_URL and DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS
// from the environment behind Sesame's back (and an unauthenticated bot must be Sesame's choice).
import { PUBLIC, withOverrides } from '@microsoft/teams.api';
import { App, type IHttpServerAdapter } from '@microsoft/teams.apps';
import type { Logger } from '../log/logger.js';
import { countedTeamsCalls } from './counted-http.js';
import { sdkLogger } from './sdk-logger.js';
import type { TeamsConfig } from './teams-config.js';

/** Receives nothing: for an App that only sends (the notification job). */
const sendOnly: IHttpServerAdapter = { registerRoute() {} };

export function createSdkApp(config: TeamsConfig, log: Logger, adapter: IHttpServerAdapter = sendOnly): App {
  const authenticated = Boolean(config.appId);
  return new App({
    // '' rather than undefined: the SDK falls back to its own environment variables on undefined.
    clientId: config.appId ?? '',
    clientSecret: config.appPassword ?? '',
    tenantId: config.tenantId ?? '',
    ...(config.managedIdentityClientId ? { managedIdentityClientId: config.managedIdentityClientId } : {}),
    ...(config.token ? { token: config.token } : {}),
    cloud: config.cloud ? withOverrides(PUBLIC, config.cloud) : PUBLIC,
    // Without the bot's credentials no token can be verified: Sesame allows that only on a
    // loopback address outside production (teamsMode), and says so loudly at start.
    dangerouslyAllowUnauthenticatedRequests: !authenticated,
    httpServerAdapter: adapter,
    // Every Bot Connector call (replies, proactive sends, updates, roster lookups) is counted for
    // GET /metrics: the SDK's per-turn and per-serviceUrl clients are clones of this one.
    client: { middlewares: [countedTeamsCalls] },
    logger: sdkLogger(log),
    state: false,
    // Agent 365 baggage copies ids of the activity into OpenTelemetry context: nothing here reads it.
    telemetry: { agent365: false },
  });
}
