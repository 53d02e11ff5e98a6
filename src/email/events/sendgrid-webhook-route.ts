// POST /webhooks/sendgrid: SendGrid's Event Webhook. Keeps the raw body byte for byte (the
// signature covers it), answers 401 to a missing, forged or stale signature (or when no key is
// configured), 400 to a body that is not a JSON array, and 200 once the events are recorded.
// Logs counts only: events carry e-mail addresses.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Db } from '../../db/database.js';
import type { Route } from '../../http/server.js';
import type { Logger } from '../../log/logger.js';
import { eventBatchSchema, type SendgridEvent, sendgridEventSchema } from './event-schema.js';
import { recordEmailEvents } from './record-email-events.js';
import {
  checkEventSignature,
  parseEventWebhookKey,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
} from './verify-event-signature.js';

export const SENDGRID_WEBHOOK_ROUTE = 'POST /webhooks/sendgrid';

export interface SendgridWebhookOptions {
  db: Db;
  log: Logger;
  /** SENDGRID_WEBHOOK_PUBLIC_KEY; without it every request is refused. */
  publicKey: string | undefined;
  /** Accepted distance between the signed timestamp and our clock, both ways. Default 10 min. */
  toleranceSeconds?: number;
  maxBodyBytes?: number;
  clock?: () => Date;
}

/** Throws at start-up if the key is set but unusable, so a bad key is found at boot. */
export function createSendgridWebhookRoute(options: SendgridWebhookOptions): Route {
  const key = options.publicKey ? parseEventWebhookKey(options.publicKey) : undefined;
  const clock = options.clock ?? (() => new Date());
  const maxBodyBytes = options.maxBodyBytes ?? 10 * 1024 * 1024;
  const { log } = options;

  return async (req, res) => {
    const rawBody = await readBody(req, maxBodyBytes);
    if (!rawBody) return reply(res, 413, { error: 'body too large' });
    if (!key) {
      log.warn('SendGrid event webhook refused: SENDGRID_WEBHOOK_PUBLIC_KEY is not set');
      return reply(res, 401, { error: 'unauthorized' });
    }
    const check = checkEventSignature(
      key,
      { signature: header(req, SIGNATURE_HEADER), timestamp: header(req, TIMESTAMP_HEADER), rawBody },
      { now: clock(), toleranceSeconds: options.toleranceSeconds ?? 600 },
    );
    if (check !== 'ok') {
      log.warn('SendGrid event webhook refused', { reason: check });
      return reply(res, 401, { error: 'unauthorized' });
    }
    let batch: unknown[];
    try {
      batch = eventBatchSchema.parse(JSON.parse(rawBody.toString('utf8')));
    } catch {
      log.warn('SendGrid event webhook: the body is not a JSON array of events', { bytes: rawBody.length });
      return reply(res, 400, { error: 'expected a JSON array of events' });
    }
    const events: SendgridEvent[] = [];
    for (const item of batch) {
      const parsed = sendgridEventSchema.safeParse(item);
      if (parsed.success) events.push(parsed.data);
    }
    const outcome = await recordEmailEvents(options.db, events);
    log.info('SendGrid events received', { ...outcome, ignored: batch.length - events.length });
    reply(res, 200, { received: batch.length });
  };
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** The body exactly as sent, or null past the limit. */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
