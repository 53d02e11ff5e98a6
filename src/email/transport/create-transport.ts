// Picks the e-mail transport from the configuration (emailTransportKind): SendGrid with an API
// key, the local outbox folder without one or with EMAIL_TRANSPORT=file.
import { join } from 'node:path';
import { type Env, emailTransportKind, logsAcceptLinks } from '../../config/env.js';
import type { Logger } from '../../log/logger.js';
import type { EmailTransport } from '../outgoing-email.js';
import { createFileTransport } from './file-transport.js';
import { createSendgridTransport } from './sendgrid-transport.js';

export type TransportEnv = Pick<
  Env,
  | 'DATA_DIR'
  | 'NODE_ENV'
  | 'PUBLIC_URL'
  | 'EMAIL_TRANSPORT'
  | 'SENDGRID_API_KEY'
  | 'SENDGRID_BASE_URL'
  | 'SENDGRID_FROM_EMAIL'
  | 'SENDGRID_FROM_NAME'
  | 'SENDGRID_TEMPLATE_INVITATION'
  | 'SENDGRID_TEMPLATE_REMINDER'
  | 'SENDGRID_TEMPLATE_MEMBER_ADDED'
  | 'SENDGRID_WEBHOOK_PUBLIC_KEY'
>;

/**
 * Without the Event Webhook nothing tells which messages of a request cut short SendGrid
 * accepted, so a crash or a timeout may send its whole request again: smaller requests bound
 * that (10,000 invitations: 100 requests instead of 10).
 */
export const UNCONFIRMED_MAX_PER_REQUEST = 100;

export function createTransport(env: TransportEnv, log: Logger): EmailTransport {
  const from = { email: env.SENDGRID_FROM_EMAIL, name: env.SENDGRID_FROM_NAME };
  if (emailTransportKind(env) === 'file' || !env.SENDGRID_API_KEY) {
    return createFileTransport({ dir: outboxDirectory(env), from, log, logLinks: logsAcceptLinks(env) });
  }
  return createSendgridTransport({
    apiKey: env.SENDGRID_API_KEY,
    baseUrl: env.SENDGRID_BASE_URL,
    from,
    log,
    reportsEvents: Boolean(env.SENDGRID_WEBHOOK_PUBLIC_KEY),
    ...(env.SENDGRID_WEBHOOK_PUBLIC_KEY ? {} : { maxPerRequest: UNCONFIRMED_MAX_PER_REQUEST }),
    templateIds: {
      invitation: env.SENDGRID_TEMPLATE_INVITATION,
      reminder: env.SENDGRID_TEMPLATE_REMINDER,
      member_added: env.SENDGRID_TEMPLATE_MEMBER_ADDED,
    },
  });
}

export const outboxDirectory = (env: Pick<Env, 'DATA_DIR'>): string => join(env.DATA_DIR, 'outbox');
