// Delivers claimed 'webhook' outbox rows: a signed JSON POST to the organization's endpoint.
//
//   POST <endpoint url>
//   Content-Type: application/json
//   Sesame-Signature: t=<unix>,v1=<hex>        (see sign-webhook.ts)
//   Sesame-Event: invitation.accepted
//   Sesame-Delivery: <id>
//
//   { "id": "<id>", "type": "invitation.accepted", "createdAt": "<ISO 8601>", "data": { ... } }
//
// `id` is the same on every retry of one event to one endpoint: receivers de-duplicate by it.
// A 2xx answer is success; anything else, a timeout or a network error is retried with the
// outbox's backoff (honouring Retry-After), then given up visibly. Redirects are not followed.
// Only public addresses are reached (public-address.ts), checked after DNS resolution, and the
// connection goes to the address checked; a private one gives the delivery up at once.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Db } from '../db/database.js';
import { isAppError } from '../errors/app-error.js';
import { translate } from '../i18n/messages.js';
import type { Logger } from '../log/logger.js';
import type { ClaimedMessage } from '../outbox/claim-outbox.js';
import type { WebhookPayload } from '../outbox/payloads.js';
import type { Verdict } from '../outbox/verdict.js';
import { type ResolvedAddress, type Resolver, resolvePublicAddress } from './public-address.js';
import { SIGNATURE_HEADER, signWebhook } from './sign-webhook.js';

export interface WebhookDeliveryOptions {
  log: Logger;
  timeoutMs?: number;
  /** Calls in flight at once, all endpoints together. */
  concurrency?: number;
  /** Calls in flight at once to one endpoint. */
  perEndpoint?: number;
  /** WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: deliver to private addresses too (development only). */
  allowPrivateAddresses?: boolean;
  resolve?: Resolver;
}

type Item = { message: ClaimedMessage; payload: WebhookPayload };

/**
 * Endpoints are served side by side, each with a few calls at a time: a slow or hung receiver
 * holds its own lanes, never every worker. Once one of an endpoint's calls failed in a way worth
 * retrying (a timeout, unreachable, a 5xx), its calls not started yet wait for the same retry
 * rather than each paying the same timeout against a receiver already in trouble.
 */
export async function deliverWebhooks(
  db: Db,
  items: readonly Item[],
  options: WebhookDeliveryOptions,
): Promise<{ message: ClaimedMessage; verdict: Verdict }[]> {
  if (items.length === 0) return [];
  const endpoints = await db.webhookEndpoint.findMany({
    where: { id: { in: [...new Set(items.map((i) => i.payload.endpointId))] } },
  });
  const byId = new Map(endpoints.map((e) => [e.id, e]));
  const queues = new Map<string, Item[]>();
  for (const item of items) queues.set(item.payload.endpointId, [...(queues.get(item.payload.endpointId) ?? []), item]);
  const slots = semaphore(options.concurrency ?? 8);
  const results: { message: ClaimedMessage; verdict: Verdict }[] = [];
  const serve = async (endpointId: string, queue: Item[]) => {
    const endpoint = byId.get(endpointId);
    let trouble: Extract<Verdict, { type: 'failed' }> | undefined;
    const lane = async () => {
      for (let item = queue.shift(); item; item = queue.shift()) {
        let verdict: Verdict;
        if (endpoint?.active !== true) {
          verdict = { type: 'skipped', note: 'skipped: the webhook endpoint was removed or disabled' };
        } else if (trouble) {
          verdict = { type: 'failed', retryable: true, error: `not tried: ${trouble.error}`, retryAt: trouble.retryAt };
        } else {
          const call = item;
          verdict = await slots.run(() => post(endpoint, call.message, call.payload, options));
          if (verdict.type === 'failed' && verdict.retryable) trouble ??= verdict;
        }
        results.push({ message: item.message, verdict });
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.perEndpoint ?? 4, queue.length) }, lane));
  };
  await Promise.all([...queues].map(([endpointId, queue]) => serve(endpointId, queue)));
  return results;
}

/** At most `size` tasks at once, started in the order they asked. */
function semaphore(size: number) {
  let free = size;
  const waiting: (() => void)[] = [];
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (free > 0) free--;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await task();
      } finally {
        const next = waiting.shift();
        if (next) next();
        else free++;
      }
    },
  };
}

async function post(
  endpoint: { id: string; url: string; secret: string },
  message: ClaimedMessage,
  payload: WebhookPayload,
  options: WebhookDeliveryOptions,
): Promise<Verdict> {
  let url: URL;
  try {
    url = new URL(endpoint.url);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not http(s)');
  } catch {
    return { type: 'failed', retryable: false, error: 'The webhook endpoint URL is not a valid http(s) URL' };
  }
  const body = JSON.stringify({
    id: message.id,
    type: payload.event,
    createdAt: message.createdAt.toISOString(),
    data: payload.data,
  });
  // The signing time is the real time of this attempt, whatever clock the run was given.
  const timestamp = Math.floor(Date.now() / 1000);
  const started = performance.now();
  // One deadline for the resolution, the connection and the answer.
  const signal = AbortSignal.timeout(options.timeoutMs ?? 10_000);
  try {
    const pinned = await resolvePublicAddress(url, {
      allowPrivateAddresses: options.allowPrivateAddresses ?? false,
      resolve: options.resolve,
    });
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Sesame-Webhooks/1.0',
      [SIGNATURE_HEADER]: signWebhook(endpoint.secret, body, timestamp),
      'sesame-event': payload.event,
      'sesame-delivery': message.id,
    };
    const response = await postPinned(url, pinned, headers, body, signal);
    // The endpoint's id and host only: URLs may carry credentials in their path or query.
    const where = { endpointId: endpoint.id, host: url.host, status: response.status };
    if (response.status >= 200 && response.status < 300) {
      options.log.info('Webhook delivered', { ...where, ms: Math.round(performance.now() - started) });
      return { type: 'sent' };
    }
    options.log.warn('Webhook refused by its endpoint', where);
    const retryAfter = Number(response.retryAfter);
    return {
      type: 'failed',
      retryable: true,
      error: `The endpoint answered ${response.status}`,
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAt: new Date(Date.now() + retryAfter * 1000) } : {}),
    };
  } catch (error) {
    if (isAppError(error)) {
      // A private address (or none): not retried, the endpoint must be fixed.
      options.log.warn('Webhook endpoint refused', { endpointId: endpoint.id, host: url.host, reason: error.code });
      return {
        type: 'failed',
        retryable: false,
        error: translate('en', error.code, error.params as never).slice(0, 300),
      };
    }
    const cause = (error as { cause?: { code?: unknown; message?: unknown } })?.cause;
    const reason = signal.aborted
      ? 'timed out'
      : String(
          (error as { code?: unknown })?.code ?? cause?.code ?? cause?.message ?? (error as Error)?.message ?? error,
        );
    options.log.warn('Webhook endpoint unreachable', { endpointId: endpoint.id, host: url.host, reason });
    return { type: 'failed', retryable: true, error: `The endpoint is unreachable: ${reason}`.slice(0, 300) };
  }
}

/**
 * POSTs to the address that was checked: the request's own DNS lookup answers with it, so a
 * second resolution cannot lead elsewhere (DNS rebinding), while the Host header and TLS (SNI and
 * certificate) still use the URL's name. Redirects are not followed (node:http never does).
 */
function postPinned(
  url: URL,
  pinned: ResolvedAddress,
  headers: Record<string, string>,
  body: string,
  signal: AbortSignal,
): Promise<{ status: number; retryAfter: string | undefined }> {
  const pinnedLookup: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) callback(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        lookup: pinnedLookup,
        signal,
      },
      (response) => {
        const retryAfter = response.headers['retry-after'];
        // Only the status matters: the body is not read.
        response.destroy();
        resolve({ status: response.statusCode ?? 0, retryAfter });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
