// POST /webhooks/sendgrid: SendGrid's Event Webhook. Keeps the raw body byte for byte (the
// signature covers it), answers 401 to a missing, forged or stale signature (or when no key is
// configured), 400 to a body that is not a JSON array, and 200 once the events are recorded.
// Logs counts only: events carry e-mail addresses.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Db } from '../../db/database.js';
import { readLimited } from '../../http/read-limited.js';
import type { Route } from '../../http/server.js';
import { refuseUnreadBody } from '../../http/unread-body.js';
import type { Logger } from '../../log/logger.js';
import { eventBatchSchema, type SendgridEvent, sendgridEventSchema } from './event-schema.js';
import { recordEmailEvents } from './record-email-events.js';
import {
  checkEventHeaders,
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
  /** Largest body read (default SENDGRID_BODY_LIMIT). */
  maxBodyBytes?: number;
  clock?: () => Date;
}

/**
 * The largest body read. SendGrid posts its events in batches of at most 768 KB (it sends a batch
 * every 30 seconds, or sooner when it reaches that size); 1 MiB leaves room for that and no more,
 * since the body is held in memory before its signature can be checked.
 */
export const SENDGRID_BODY_LIMIT = 1024 * 1024;

/** Throws at start-up if the key is set but unusable, so a bad key is found at boot. */
export function createSendgridWebhookRoute(options: SendgridWebhookOptions): Route {
  const key = options.publicKey ? parseEventWebhookKey(options.publicKey) : undefined;
  const clock = options.clock ?? (() => new Date());
  const maxBodyBytes = options.maxBodyBytes ?? SENDGRID_BODY_LIMIT;
  const tolerance = { toleranceSeconds: options.toleranceSeconds ?? 600 };
  const { log } = options;

  return async (req, res) => {
    const signed = { signature: header(req, SIGNATURE_HEADER), timestamp: header(req, TIMESTAMP_HEADER) };
    // Everything that can be refused without the body is refused before reading it: no key, missing
    // or stale headers, a length announced over the bound.
    if (!key) {
      log.warn('SendGrid event webhook refused: SENDGRID_WEBHOOK_PUBLIC_KEY is not set');
      return refuseUnreadBody(req, res, () => reply(res, 401, { error: 'unauthorized' }));
    }
    const headers = checkEventHeaders(signed, { now: clock(), ...tolerance });
    if (headers !== 'ok') {
      log.warn('SendGrid event webhook refused', { reason: headers });
      return refuseUnreadBody(req, res, () => reply(res, 401, { error: 'unauthorized' }));
    }
    const tooLarge = () => refuseUnreadBody(req, res, () => reply(res, 413, { error: 'body too large' }));
    if (Number(req.headers['content-length'] ?? 0) > maxBodyBytes) return tooLarge();
    const rawBody = await readLimited(req, maxBodyBytes);
    if (!rawBody) return tooLarge();
    const check = checkEventSignature(key, { ...signed, rawBody }, { now: clock(), ...tolerance });
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

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
