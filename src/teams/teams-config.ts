// The Teams set-up the environment describes (see teamsMode in src/config/env.ts).
import type { Env } from '../config/env.js';
import type { TeamsConfig } from './create-teams-app.js';

export const teamsConfig = (env: Env): TeamsConfig => ({
  appId: env.MICROSOFT_APP_ID,
  appPassword: env.MICROSOFT_APP_PASSWORD,
  tenantId: env.MICROSOFT_APP_TENANT_ID,
});
