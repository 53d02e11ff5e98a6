// Sends through SendGrid's v3 API with @sendgrid/mail, many messages per request (see
// sendgrid-requests.ts). Classifies failures for the outbox: 5xx, 429, 401/403 (a key being
// rotated) and network errors are retried later; a timeout or a connection cut once the request
// was sent is an unknown outcome (the outbox reconciles it before sending again); any other 4xx
// refuses the message for good. A refused request of several messages is bisected to find the
// culprits, within a bound (refusalBudget): a 400 that refuses the request itself, whatever its
// recipients, costs a few requests, not one per message.
import { Client } from '@sendgrid/client';
import { MailService } from '@sendgrid/mail';
import type { Logger } from '../../log/logger.js';
import type {
  Address,
  EmailKind,
  EmailTransport,
  OutgoingEmail,
  SendHooks,
  SendOutcome,
  SendReport,
} from '../outgoing-email.js';
import { type MailSendRequest, planMailSends, sliceRequest } from './sendgrid-requests.js';

export interface SendgridTransportOptions {
  apiKey: string;
  /** e.g. https://api.eu.sendgrid.com (EU data residency) or a local fake; SendGrid's global API otherwise. */
  baseUrl?: string;
  from: Address;
  templateIds?: Partial<Record<EmailKind, string>>;
  log: Logger;
  /** Per request; keep it well under the outbox lease (deliver-outbox.ts). Default SEND_TIMEOUT_MS. */
  timeoutMs?: number;
  /** Fewer personalizations per request than SendGrid's 1,000 (it bounds what a crash can send twice). */
  maxPerRequest?: number;
  /** SendGrid's Event Webhook is configured (SENDGRID_WEBHOOK_PUBLIC_KEY): see EmailTransport. */
  reportsEvents?: boolean;
}

/**
 * SendGrid documents no answer time for /v3/mail/send, and a 1,000-personalization request
 * has been seen to take 35 s. A timeout no longer risks a blind double send (the outcome is
 * reconciled), but each one delays the batch: wait long, still far under the 5 min lease.
 */
export const SEND_TIMEOUT_MS = 90_000;

/**
 * Requests a refusal (400) may cost, the refused one included: enough to bisect down to one
 * bad recipient (2 per halving), no more. A request refused whatever its recipients stops there.
 */
export const refusalBudget = (count: number): number => 1 + 2 * Math.ceil(Math.log2(Math.max(1, count)));

type Failure = Extract<SendOutcome, { ok: false }>;

export function createSendgridTransport(options: SendgridTransportOptions): EmailTransport {
  const client = new Client();
  client.setApiKey(options.apiKey);
  // After setApiKey, which resets the base URL to the global region.
  if (options.baseUrl) client.setDefaultRequest('baseUrl', options.baseUrl);
  const mail = new MailService();
  mail.setClient(client);
  mail.setTimeout(options.timeoutMs ?? SEND_TIMEOUT_MS);
  const { log } = options;

  /** One request; its outcome. */
  async function post(request: MailSendRequest, hooks?: SendHooks): Promise<SendOutcome> {
    const started = performance.now();
    const count = request.indexes.length;
    await hooks?.beforeRequest?.(request.indexes);
    try {
      const [response] = await mail.send(request.data);
      const messageId = response.headers['x-message-id'];
      log.info('SendGrid accepted a request', {
        kind: request.kind,
        messages: count,
        status: response.statusCode,
        ms: Math.round(performance.now() - started),
        ...(typeof messageId === 'string' ? { messageId } : {}),
      });
      return { ok: true };
    } catch (error) {
      const failure = classify(error);
      log.warn('SendGrid request failed', {
        kind: request.kind,
        messages: count,
        error: failure.error,
        retryable: failure.retryable,
        ...(failure.outcomeUnknown ? { outcomeUnknown: true } : {}),
      });
      return failure;
    }
  }

  /**
   * A request, and if SendGrid refuses it (a 4xx not worth retrying) its halves, breadth first,
   * until the refused messages are alone or the budget is spent: those still refused then fail
   * with SendGrid's reason.
   */
  async function* postAndIsolate(request: MailSendRequest, hooks?: SendHooks): AsyncGenerator<SendReport> {
    let budget = refusalBudget(request.indexes.length);
    const queue = [request];
    for (let next = queue.shift(); next; next = queue.shift()) {
      budget--;
      const outcome = await post(next, hooks);
      const count = next.indexes.length;
      if (outcome.ok || outcome.retryable || count === 1) {
        yield { indexes: next.indexes, outcome };
        continue;
      }
      if (budget < 2) {
        // Refused again and again: likely the request itself, not a recipient. The refused fail
        // with SendGrid's reason; halves not tried yet are only put off, never failed untried.
        yield { indexes: next.indexes, outcome };
        const untried: SendOutcome = { ok: false, retryable: true, error: `not tried: ${outcome.error}`.slice(0, 300) };
        for (const left of queue.splice(0)) yield { indexes: left.indexes, outcome: untried };
        continue;
      }
      const half = Math.ceil(count / 2);
      queue.push(sliceRequest(next, 0, half), sliceRequest(next, half, count));
    }
  }

  return {
    name: 'sendgrid',
    reportsEvents: options.reportsEvents ?? false,
    async *send(emails: readonly OutgoingEmail[], hooks?: SendHooks): AsyncGenerator<SendReport> {
      const requests = planMailSends(emails, {
        from: options.from,
        templateIds: options.templateIds,
        maxPerRequest: options.maxPerRequest,
      });
      // One request at a time: SendGrid's rate limit is per account, and the batches are big.
      for (const request of requests) yield* postAndIsolate(request, hooks);
    },
  };
}

interface ResponseErrorLike {
  code: number;
  response?: { headers?: Record<string, unknown>; body?: unknown };
}

const isResponseError = (error: unknown): error is ResponseErrorLike =>
  typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'number';

export function classify(error: unknown): Failure {
  if (isResponseError(error)) {
    const status = error.code;
    const detail = firstErrorMessage(error.response?.body);
    const text = `SendGrid answered ${status}${detail ? `: ${detail}` : ''}`;
    if (status === 429) {
      const reset = Number(error.response?.headers?.['x-ratelimit-reset']);
      return {
        ok: false,
        retryable: true,
        error: text,
        ...(Number.isFinite(reset) && reset > 0 ? { retryAt: new Date(reset * 1000) } : {}),
      };
    }
    const retryable = status >= 500 || status === 401 || status === 403 || status === 408;
    return { ok: false, retryable, error: text };
  }
  // Network errors and anything unexpected: worth another try later. Only when the request
  // cannot have reached SendGrid (no connection) is it known not to have left; a timeout or a
  // connection cut may come after SendGrid accepted it.
  const code = (error as { code?: unknown })?.code;
  const reason = typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
  const neverSent = typeof code === 'string' && NOT_CONNECTED.has(code);
  return {
    ok: false,
    retryable: true,
    error: `SendGrid ${neverSent ? 'unreachable' : 'did not answer'}: ${reason}`.slice(0, 300),
    ...(neverSent ? {} : { outcomeUnknown: true }),
  };
}

/** Errors raised before a connection existed: the request never left. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function firstErrorMessage(body: unknown): string | undefined {
  const errors = (body as { errors?: { message?: unknown }[] } | undefined)?.errors;
  const message = Array.isArray(errors) ? errors[0]?.message : undefined;
  return typeof message === 'string' ? message.slice(0, 200) : undefined;
}
