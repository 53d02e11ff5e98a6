// At start-up: an identity provider's client secret is sealed under TOKEN_ENCRYPTION_KEY, so a
// service started without the key could not finish any enterprise sign-in (every invitee would
// meet an error page, and members added by enterprise ID could not sign in at all). The service
// refuses to start instead and says how to fix it, as it does for the other configuration
// problems (src/config/env.ts), which cannot see this one: it depends on the database's rows.
import type { Db } from '../db/database.js';

export async function sealingKeyProblem(db: Db, env: { TOKEN_ENCRYPTION_KEY?: string }): Promise<string | undefined> {
  if (env.TOKEN_ENCRYPTION_KEY) return undefined;
  const providers = await db.identityProvider.count({ where: { enabled: true } });
  if (providers === 0) return undefined;
  return `TOKEN_ENCRYPTION_KEY is not set, but ${providers} organization(s) have an identity provider whose client secret is sealed under it: enterprise logins cannot work without it. Set TOKEN_ENCRYPTION_KEY to the key in use when the provider was configured, or run "sesame sso disable" in those organizations (their members then join with a password).`;
}
