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
import type { Db } from '../db/database.js';
import type { Logger } from '../log/logger.js';
import type { ClaimedMessage } from '../outbox/claim-outbox.js';
import type { WebhookPayload } from '../outbox/payloads.js';
import type { Verdict } from '../outbox/verdict.js';
import { SIGNATURE_HEADER, signWebhook } from './sign-webhook.js';

export interface WebhookDeliveryOptions {
  log: Logger;
  timeoutMs?: number;
  concurrency?: number;
}

export async function deliverWebhooks(
  db: Db,
  items: readonly { message: ClaimedMessage; payload: WebhookPayload }[],
  options: WebhookDeliveryOptions,
): Promise<{ message: ClaimedMessage; verdict: Verdict }[]> {
  if (items.length === 0) return [];
  const endpoints = await db.webhookEndpoint.findMany({
    where: { id: { in: [...new Set(items.map((i) => i.payload.endpointId))] } },
  });
  const byId = new Map(endpoints.map((e) => [e.id, e]));
  const results: { message: ClaimedMessage; verdict: Verdict }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as (typeof items)[number];
      const endpoint = byId.get(item.payload.endpointId);
      const verdict: Verdict =
        endpoint?.active === true
          ? await post(endpoint, item.message, item.payload, options)
          : { type: 'skipped', note: 'skipped: the webhook endpoint was removed or disabled' };
      results.push({ message: item.message, verdict });
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 8, items.length) }, worker));
  return results;
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
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Sesame-Webhooks/1.0',
        [SIGNATURE_HEADER]: signWebhook(endpoint.secret, body, timestamp),
        'sesame-event': payload.event,
        'sesame-delivery': message.id,
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    await response.body?.cancel();
    // The endpoint's id and host only: URLs may carry credentials in their path or query.
    const where = { endpointId: endpoint.id, host: url.host, status: response.status };
    if (response.ok) {
      options.log.info('Webhook delivered', { ...where, ms: Math.round(performance.now() - started) });
      return { type: 'sent' };
    }
    options.log.warn('Webhook refused by its endpoint', where);
    const retryAfter = Number(response.headers.get('retry-after'));
    return {
      type: 'failed',
      retryable: true,
      error: `The endpoint answered ${response.status}`,
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAt: new Date(Date.now() + retryAfter * 1000) } : {}),
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: unknown; message?: unknown } })?.cause;
    const reason =
      error instanceof Error && error.name === 'TimeoutError'
        ? 'timed out'
        : String(cause?.code ?? cause?.message ?? (error as Error)?.message ?? error);
    options.log.warn('Webhook endpoint unreachable', { endpointId: endpoint.id, host: url.host, reason });
    return { type: 'failed', retryable: true, error: `The endpoint is unreachable: ${reason}`.slice(0, 300) };
  }
}
