// Every environment variable Sesame reads, validated once at boot (see .env.example).
import { z } from 'zod';
import { parseKeys } from '../security/secret-box.js';

const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === '' ? undefined : value))
    .refine((value) => value === undefined || protocols.some((p) => value.startsWith(`${p}://`)), {
      message: `expected a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}`,
    });

/** Optional: an empty value counts as unset (as .env.example leaves them). */
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || undefined);

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
  .transform((value) => ['true', '1', 'yes'].includes(value));

export const envSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'], { message: 'expected development, production or test' })
    .default('development'),
  /** PostgreSQL connection string; without it Sesame runs the embedded database in DATA_DIR. */
  DATABASE_URL: optionalUrl(['postgres', 'postgresql']),
  DATA_DIR: z.string().trim().min(1, 'expected a directory path').default('./data'),
  /** Port of the embedded database server on 127.0.0.1 (0: any free port). */
  EMBEDDED_DB_PORT: z.coerce
    .number({ message: 'expected a port number' })
    .int()
    .min(0)
    .max(65535, 'expected a port number (0-65535)')
    .default(0),
  PORT: z.coerce
    .number({ message: 'expected a port number' })
    .int()
    .min(0)
    .max(65535, 'expected a port number (0-65535)')
    .default(3000),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  /** Base URL of the links Sesame sends (enrollment pages); defaults to http://localhost:$PORT. */
  PUBLIC_URL: optionalUrl(['http', 'https']),
  /**
   * Behind a reverse proxy: take the client's address from the proxy's X-Forwarded-For (its
   * last entry, the one the proxy added) for the pages' rate limits. Never set it when clients
   * reach Sesame directly: they could then choose their own address.
   */
  TRUST_PROXY: booleanFlag.default(false),
  /** Apply pending database migrations at start; when false, refuse to start until `sesame migrate` ran. */
  AUTO_MIGRATE: booleanFlag.default(true),
  /** SendGrid API key; without it e-mails are written to $DATA_DIR/outbox/ (offline mode). */
  SENDGRID_API_KEY: optionalText,
  /**
   * `file` writes e-mails to $DATA_DIR/outbox/ even in production (a deliberate choice: nothing
   * reaches the recipients); `sendgrid` requires the key. Unset: SendGrid with a key, the folder
   * without one, which a deployment (see isDeployment) refuses.
   */
  EMAIL_TRANSPORT: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.enum(['sendgrid', 'file'], { message: 'expected sendgrid or file' }).optional()),
  /** SendGrid API base URL (e.g. https://api.eu.sendgrid.com for EU data residency, or a local fake). */
  SENDGRID_BASE_URL: optionalUrl(['http', 'https']),
  SENDGRID_FROM_EMAIL: z.email({ message: 'expected an e-mail address' }).default('sesame@localhost.localdomain'),
  SENDGRID_FROM_NAME: z.string().trim().min(1).default('Sesame'),
  /** Optional SendGrid dynamic template ids (d-...); Sesame's own templates are used otherwise. */
  SENDGRID_TEMPLATE_INVITATION: optionalText,
  SENDGRID_TEMPLATE_REMINDER: optionalText,
  SENDGRID_TEMPLATE_MEMBER_ADDED: optionalText,
  /** The Event Webhook's verification key (base64 SPKI DER, from SendGrid's settings page). */
  SENDGRID_WEBHOOK_PUBLIC_KEY: optionalText,
  /** Slack, one workspace: the bot token (xoxb-...) of the app installed in it. */
  SLACK_BOT_TOKEN: optionalText,
  /** Slack's signing secret (Basic Information > App Credentials): every request is verified with it. */
  SLACK_SIGNING_SECRET: optionalText,
  /** Slack, many workspaces: OAuth distribution (installations are kept in the database). */
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText,
  /**
   * Seals the Slack installations' tokens kept in the database (required with SLACK_CLIENT_ID):
   * 32 random bytes in base64 (openssl rand -base64 32). Several, comma separated, to rotate:
   * the first seals, all open.
   */
  TOKEN_ENCRYPTION_KEY: optionalText,
  /** Socket Mode (no public URL): the app-level token (xapp-...). HTTP mode without it. */
  SLACK_APP_TOKEN: optionalText,
  /** Slack's Web API base (GovSlack: https://slack-gov.com/api/; tests: a local fake). */
  SLACK_API_URL: optionalUrl(['http', 'https']),
  /** Microsoft Teams: the bot's Microsoft app id (a GUID), its client secret and its tenant (the Teams
   * SDK's CLIENT_ID, CLIENT_SECRET and TENANT_ID). */
  MICROSOFT_APP_ID: optionalText,
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_TENANT_ID: optionalText,
  /** Instead of MICROSOFT_APP_PASSWORD: the bot's tokens from an Azure managed identity, `system` or a
   * user-assigned identity's client id (the SDK's MANAGED_IDENTITY_CLIENT_ID). */
  MICROSOFT_APP_MANAGED_IDENTITY: optionalText,
  /**
   * Lets webhook endpoints be on loopback, private, link-local or metadata addresses (a local
   * receiver during development). Off in production: a webhook URL could otherwise reach the
   * operator's internal services.
   */
  WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: booleanFlag.default(false),
  /** Run the scheduled jobs (reminders, expiry, outbox delivery, clean-up) in this process. */
  JOBS_ENABLED: booleanFlag.default(true),
  LOG_LEVEL: z
    .enum(['debug', 'info', 'warn', 'error', 'silent'], { message: 'expected debug, info, warn, error or silent' })
    .default('info'),
  /**
   * Serves GET /metrics (Prometheus) to the bearer of this token; without it there is no metrics
   * endpoint at all. A long random value (openssl rand -hex 32): the numbers are not public.
   */
  METRICS_TOKEN: optionalText.refine((value) => value === undefined || value.length >= 16, {
    message: 'expected at least 16 characters (openssl rand -hex 32)',
  }),
});

export type Env = z.infer<typeof envSchema>;

/** Combinations that cannot work, each named by the variable to fix. */
function combinationProblems(env: Env): { name: string; message: string } | undefined {
  const anySlack = env.SLACK_BOT_TOKEN || env.SLACK_CLIENT_ID || env.SLACK_APP_TOKEN;
  if (anySlack && !env.SLACK_SIGNING_SECRET) {
    return {
      name: 'SLACK_SIGNING_SECRET',
      message: "required with Slack's other variables (Basic Information > Signing Secret)",
    };
  }
  if (env.SLACK_BOT_TOKEN && !env.SLACK_BOT_TOKEN.startsWith('xoxb-')) {
    return { name: 'SLACK_BOT_TOKEN', message: 'expected a bot token starting with xoxb-' };
  }
  if (env.SLACK_APP_TOKEN && !env.SLACK_APP_TOKEN.startsWith('xapp-')) {
    return { name: 'SLACK_APP_TOKEN', message: 'expected an app-level token starting with xapp-' };
  }
  if (env.SLACK_APP_TOKEN && env.SLACK_CLIENT_ID) {
    return {
      name: 'SLACK_APP_TOKEN',
      message: 'Socket Mode serves one workspace: use SLACK_BOT_TOKEN without SLACK_CLIENT_ID',
    };
  }
  if (env.SLACK_CLIENT_ID && !(env.SLACK_CLIENT_SECRET && env.SLACK_STATE_SECRET)) {
    const name = env.SLACK_CLIENT_SECRET ? 'SLACK_STATE_SECRET' : 'SLACK_CLIENT_SECRET';
    return { name, message: 'required with SLACK_CLIENT_ID (OAuth distribution)' };
  }
  if (env.SLACK_CLIENT_ID && !env.TOKEN_ENCRYPTION_KEY) {
    return {
      name: 'TOKEN_ENCRYPTION_KEY',
      message: "required with SLACK_CLIENT_ID, to seal the installations' tokens (openssl rand -base64 32)",
    };
  }
  if (env.TOKEN_ENCRYPTION_KEY) {
    const keys = parseKeys(env.TOKEN_ENCRYPTION_KEY);
    if ('problem' in keys) return { name: 'TOKEN_ENCRYPTION_KEY', message: keys.problem };
  }
  if (env.SLACK_SIGNING_SECRET && !env.SLACK_BOT_TOKEN && !env.SLACK_CLIENT_ID) {
    return { name: 'SLACK_BOT_TOKEN', message: 'required with SLACK_SIGNING_SECRET (or SLACK_CLIENT_ID for OAuth)' };
  }
  return teamsProblems(env) ?? emailProblems(env);
}

/** Without a key, e-mails only reach a local folder: silent loss, unless someone chose it. */
function emailProblems(env: Env): { name: string; message: string } | undefined {
  if (env.SENDGRID_API_KEY || env.EMAIL_TRANSPORT === 'file') return undefined;
  if (env.EMAIL_TRANSPORT === 'sendgrid')
    return { name: 'SENDGRID_API_KEY', message: 'required with EMAIL_TRANSPORT=sendgrid' };
  if (!isDeployment(env)) return undefined;
  return {
    name: 'SENDGRID_API_KEY',
    message:
      'required in production (NODE_ENV=production or a public PUBLIC_URL): without it no e-mail reaches anyone; set EMAIL_TRANSPORT=file if writing them to DATA_DIR/outbox is meant',
  };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function teamsProblems(env: Env): { name: string; message: string } | undefined {
  if (env.MICROSOFT_APP_ID && !GUID.test(env.MICROSOFT_APP_ID)) {
    return { name: 'MICROSOFT_APP_ID', message: "expected the bot's Microsoft app id (a GUID)" };
  }
  if (env.MICROSOFT_APP_ID && !env.MICROSOFT_APP_PASSWORD && !env.MICROSOFT_APP_MANAGED_IDENTITY) {
    return {
      name: 'MICROSOFT_APP_PASSWORD',
      message: "required with MICROSOFT_APP_ID (the bot's client secret), unless MICROSOFT_APP_MANAGED_IDENTITY is set",
    };
  }
  if (env.MICROSOFT_APP_PASSWORD && env.MICROSOFT_APP_MANAGED_IDENTITY) {
    return {
      name: 'MICROSOFT_APP_MANAGED_IDENTITY',
      message: 'set either it or MICROSOFT_APP_PASSWORD (a client secret), not both',
    };
  }
  if (env.MICROSOFT_APP_ID && !env.MICROSOFT_APP_TENANT_ID) {
    return {
      name: 'MICROSOFT_APP_TENANT_ID',
      message: 'required with MICROSOFT_APP_ID (the tenant of a single-tenant bot)',
    };
  }
  if (
    !env.MICROSOFT_APP_ID &&
    (env.MICROSOFT_APP_PASSWORD || env.MICROSOFT_APP_TENANT_ID || env.MICROSOFT_APP_MANAGED_IDENTITY)
  ) {
    return { name: 'MICROSOFT_APP_ID', message: 'required with MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID' };
  }
  return undefined;
}

export class ConfigError extends Error {}

/** Variables whose value must never be printed, not even in a configuration error. */
const SECRET_NAME = /SECRET|PASSWORD|TOKEN|_KEY/;

/** Parses the environment; the first problem becomes one line naming the variable. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(source);
  if (result.success) {
    const problem = combinationProblems(result.data);
    if (!problem) return result.data;
    const shown = source[problem.name] === undefined || source[problem.name] === '' ? 'missing' : '(set)';
    throw new ConfigError(`Invalid configuration: ${problem.name}=${shown}: ${problem.message}`);
  }
  const issue = result.error.issues[0];
  const name = String(issue?.path[0] ?? 'environment');
  const shown =
    source[name] === undefined ? 'missing' : SECRET_NAME.test(name) ? '(set)' : JSON.stringify(source[name]);
  throw new ConfigError(`Invalid configuration: ${name}=${shown}: ${issue?.message ?? 'invalid value'}`);
}

/** Which Slack set-up the variables describe; undefined when Slack is not configured. */
export function slackMode(env: Env): 'single' | 'oauth' | undefined {
  if (!env.SLACK_SIGNING_SECRET) return undefined;
  if (env.SLACK_CLIENT_ID && env.SLACK_CLIENT_SECRET && env.SLACK_STATE_SECRET) return 'oauth';
  return env.SLACK_BOT_TOKEN ? 'single' : undefined;
}

/**
 * Teams: authenticated with the bot's credentials; without them, only for local use (the service
 * listens on a loopback address): anyone who can reach the endpoint could speak as anyone.
 */
export function teamsMode(env: Env): 'authenticated' | 'local' | undefined {
  if (env.MICROSOFT_APP_ID) return 'authenticated';
  return ['127.0.0.1', 'localhost', '::1'].includes(env.HOST) && env.NODE_ENV !== 'production' ? 'local' : undefined;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Serving real people: NODE_ENV=production, or links that point anywhere but this machine. */
export function isDeployment(env: Pick<Env, 'NODE_ENV' | 'PUBLIC_URL'>): boolean {
  if (env.NODE_ENV === 'production') return true;
  return env.PUBLIC_URL !== undefined && !LOCAL_HOSTS.has(new URL(env.PUBLIC_URL).hostname);
}

// Domains that receive no mail: the default sender (sesame@localhost.localdomain), RFC 2606's
// example domains and reserved top-level domains, and localhost.
const PLACEHOLDER_DOMAIN = /(^|\.)(localdomain|localhost|example\.(com|org|net)|example|invalid|test|local)$/i;

/**
 * A warning (not a refusal: nothing is lost, the outbox retries) when a deployment sends from a
 * placeholder address: SendGrid refuses a sender it has not verified, and mail providers drop
 * what still gets through. Logged at boot by the service.
 */
export function placeholderSenderWarning(
  env: Pick<Env, 'SENDGRID_FROM_EMAIL' | 'NODE_ENV' | 'PUBLIC_URL'>,
): string | undefined {
  const domain = env.SENDGRID_FROM_EMAIL.slice(env.SENDGRID_FROM_EMAIL.lastIndexOf('@') + 1);
  if (!isDeployment(env) || !PLACEHOLDER_DOMAIN.test(domain)) return undefined;
  return `!!! SENDGRID_FROM_EMAIL is ${env.SENDGRID_FROM_EMAIL}, a placeholder: SendGrid refuses a sender it has not verified, and mail providers drop mail from such an address, so invitees may receive nothing. Set SENDGRID_FROM_EMAIL to an address verified in SendGrid (Settings > Sender Authentication).`;
}

/** Where e-mails go: the local folder when asked for, or when there is no SendGrid key. */
export function emailTransportKind(env: Pick<Env, 'EMAIL_TRANSPORT' | 'SENDGRID_API_KEY'>): 'sendgrid' | 'file' {
  return env.EMAIL_TRANSPORT === 'file' || !env.SENDGRID_API_KEY ? 'file' : 'sendgrid';
}

/**
 * The offline transport may print accept links (live tokens) so that a developer can follow the
 * flow without a mail server: only in development on this machine, never where they could be used.
 */
export const logsAcceptLinks = (env: Pick<Env, 'NODE_ENV' | 'PUBLIC_URL'>): boolean =>
  env.NODE_ENV === 'development' && !isDeployment(env);

export function publicUrl(env: Env): string {
  return (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
}
