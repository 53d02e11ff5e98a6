// Every environment variable Sesame reads, validated once at boot (see .env.example).
import { z } from 'zod';

const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === '' ? undefined : value))
    .refine((value) => value === undefined || protocols.some((p) => value.startsWith(`${p}://`)), {
      message: `expected a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}`,
    });

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
  SENDGRID_API_KEY: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined),
  /** SendGrid API base URL (e.g. https://api.eu.sendgrid.com for EU data residency, or a local fake). */
  SENDGRID_BASE_URL: optionalUrl(['http', 'https']),
  SENDGRID_FROM_EMAIL: z.email({ message: 'expected an e-mail address' }).default('sesame@localhost.localdomain'),
  SENDGRID_FROM_NAME: z.string().trim().min(1).default('Sesame'),
  /** Optional SendGrid dynamic template ids (d-...); Sesame's own templates are used otherwise. */
  SENDGRID_TEMPLATE_INVITATION: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined),
  SENDGRID_TEMPLATE_REMINDER: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined),
  SENDGRID_TEMPLATE_MEMBER_ADDED: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined),
  /** The Event Webhook's verification key (base64 SPKI DER, from SendGrid's settings page). */
  SENDGRID_WEBHOOK_PUBLIC_KEY: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined),
  /** Run the scheduled jobs (reminders, expiry, outbox delivery, clean-up) in this process. */
  JOBS_ENABLED: booleanFlag.default(true),
  LOG_LEVEL: z
    .enum(['debug', 'info', 'warn', 'error', 'silent'], { message: 'expected debug, info, warn, error or silent' })
    .default('info'),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {}

/** Parses the environment; the first problem becomes one line naming the variable. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = String(issue?.path[0] ?? 'environment');
  const shown = source[name] === undefined ? 'missing' : JSON.stringify(source[name]);
  throw new ConfigError(`Invalid configuration: ${name}=${shown}: ${issue?.message ?? 'invalid value'}`);
}

export function publicUrl(env: Env): string {
  return (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
}
