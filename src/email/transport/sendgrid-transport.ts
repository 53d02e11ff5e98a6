// Sends through SendGrid's v3 API with @sendgrid/mail, many messages per request (see
// sendgrid-requests.ts). Classifies failures for the outbox: 5xx, 429, 401/403 (a key being
// rotated) and network errors are retried later; any other 4xx refuses the message for good,
// and a refused request of several messages is split in halves until the culprit is alone.
import { Client } from '@sendgrid/client';
import { MailService } from '@sendgrid/mail';
import type { Logger } from '../../log/logger.js';
import type { Address, EmailKind, EmailTransport, OutgoingEmail, SendOutcome, SendReport } from '../outgoing-email.js';
import { type MailSendRequest, planMailSends, sliceRequest } from './sendgrid-requests.js';

export interface SendgridTransportOptions {
  apiKey: string;
  /** e.g. https://api.eu.sendgrid.com (EU data residency) or a local fake; SendGrid's global API otherwise. */
  baseUrl?: string;
  from: Address;
  templateIds?: Partial<Record<EmailKind, string>>;
  log: Logger;
  /** Per request; keep it well under the outbox lease (deliver-outbox.ts). Default 30 s. */
  timeoutMs?: number;
  /** Tests only: fewer personalizations per request than SendGrid's 1,000. */
  maxPerRequest?: number;
}

type Failure = Extract<SendOutcome, { ok: false }>;

export function createSendgridTransport(options: SendgridTransportOptions): EmailTransport {
  const client = new Client();
  client.setApiKey(options.apiKey);
  // After setApiKey, which resets the base URL to the global region.
  if (options.baseUrl) client.setDefaultRequest('baseUrl', options.baseUrl);
  const mail = new MailService();
  mail.setClient(client);
  mail.setTimeout(options.timeoutMs ?? 30_000);
  const { log } = options;

  async function* post(request: MailSendRequest): AsyncGenerator<SendReport> {
    const started = performance.now();
    const count = request.indexes.length;
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
      yield { indexes: request.indexes, outcome: { ok: true } };
    } catch (error) {
      const failure = classify(error);
      log.warn('SendGrid request failed', {
        kind: request.kind,
        messages: count,
        error: failure.error,
        retryable: failure.retryable,
      });
      if (!failure.retryable && count > 1) {
        const half = Math.ceil(count / 2);
        yield* post(sliceRequest(request, 0, half));
        yield* post(sliceRequest(request, half, count));
        return;
      }
      yield { indexes: request.indexes, outcome: failure };
    }
  }

  return {
    name: 'sendgrid',
    async *send(emails: readonly OutgoingEmail[]): AsyncGenerator<SendReport> {
      const requests = planMailSends(emails, {
        from: options.from,
        templateIds: options.templateIds,
        maxPerRequest: options.maxPerRequest,
      });
      // One request at a time: SendGrid's rate limit is per account, and the batches are big.
      for (const request of requests) yield* post(request);
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
  // Network errors (refused, reset, timeout) and anything unexpected: worth another try later.
  const code = (error as { code?: unknown })?.code;
  const reason = typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
  return { ok: false, retryable: true, error: `SendGrid unreachable: ${reason}`.slice(0, 300) };
}

function firstErrorMessage(body: unknown): string | undefined {
  const errors = (body as { errors?: { message?: unknown }[] } | undefined)?.errors;
  const message = Array.isArray(errors) ? errors[0]?.message : undefined;
  return typeof message === 'string' ? message.slice(0, 200) : undefined;
}
