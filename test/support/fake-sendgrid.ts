// A local stand-in for SendGrid's v3 API: POST /v3/mail/send, as @sendgrid/mail calls it.
// Records every request, answers 202 with an X-Message-Id by default, or whatever a test
// queues (500, 429 with X-RateLimit-Reset, 400...). `accepted()` expands the accepted requests
// into the messages each recipient would get, applying the substitutions like SendGrid does.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Personalization {
  to: { email: string; name?: string }[];
  subject?: string;
  substitutions?: Record<string, string>;
  dynamic_template_data?: Record<string, unknown>;
  custom_args?: Record<string, string>;
}

export interface MailSendBody {
  from: { email: string; name?: string };
  reply_to?: { email: string; name?: string };
  subject?: string;
  content?: { type: string; value: string }[];
  template_id?: string;
  personalizations: Personalization[];
  categories?: string[];
  tracking_settings?: unknown;
}

export type FakeAnswer =
  | { status: 202 }
  | { status: 400 | 401 | 403 | 500 | 502 | 503; message?: string }
  | { status: 429; resetAt?: Date };

export interface RecordedRequest {
  body: MailSendBody;
  headers: IncomingHttpHeaders;
  status: number;
}

export interface AcceptedMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  customArgs: Record<string, string>;
  templateId?: string;
  templateData?: Record<string, unknown>;
}

export interface FakeSendgrid {
  /** Base URL for SENDGRID_BASE_URL / the transport's baseUrl. */
  url: string;
  requests: RecordedRequest[];
  /** The answers to the next requests, in order; 202 after they run out. */
  answerNext(...answers: FakeAnswer[]): void;
  /** Decides the answer from the body (after the queued answers); 202 when it returns undefined. */
  respondWith(responder: ((body: MailSendBody) => FakeAnswer | undefined) | undefined): void;
  /** Milliseconds to wait before answering (to overlap concurrent senders). */
  delayMs: number;
  accepted(): AcceptedMessage[];
  close(): Promise<void>;
}

export async function startFakeSendgrid(options: { delayMs?: number } = {}): Promise<FakeSendgrid> {
  const requests: RecordedRequest[] = [];
  const queue: FakeAnswer[] = [];
  let responder: ((body: MailSendBody) => FakeAnswer | undefined) | undefined;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const send = (status: number, headers: Record<string, string>, body?: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(body === undefined ? '' : JSON.stringify(body));
      };
      if (req.method !== 'POST' || req.url !== '/v3/mail/send')
        return send(404, {}, { errors: [{ message: 'not found' }] });
      let body: MailSendBody;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as MailSendBody;
      } catch {
        return send(400, {}, { errors: [{ message: 'Invalid JSON' }] });
      }
      const answer: FakeAnswer = !/^Bearer .+/.test(req.headers.authorization ?? '')
        ? { status: 401, message: 'The provided authorization grant is invalid, expired, or revoked' }
        : (invalid(body) ?? queue.shift() ?? responder?.(body) ?? { status: 202 });
      requests.push({ body, headers: req.headers, status: answer.status });
      setTimeout(() => {
        if (answer.status === 202) return send(202, { 'x-message-id': randomBytes(11).toString('base64url') });
        if (answer.status === 429) {
          const reset = Math.ceil((answer.resetAt ?? new Date(Date.now() + 60_000)).getTime() / 1000);
          return send(429, { 'x-ratelimit-reset': String(reset) }, { errors: [{ message: 'too many requests' }] });
        }
        send(answer.status, {}, { errors: [{ message: answer.message ?? `fake error ${answer.status}` }] });
      }, fake.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const fake: FakeSendgrid = {
    url: `http://127.0.0.1:${port}`,
    requests,
    delayMs: options.delayMs ?? 0,
    answerNext: (...answers) => void queue.push(...answers),
    respondWith: (fn) => {
      responder = fn;
    },
    accepted: () => requests.filter((r) => r.status === 202).flatMap((r) => expand(r.body)),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  return fake;
}

/** What SendGrid itself refuses with a 400. */
function invalid(body: MailSendBody): FakeAnswer | undefined {
  const count = body.personalizations?.length ?? 0;
  if (count === 0 || count > 1000) return { status: 400, message: 'personalizations: 1 to 1000 expected' };
  if (!body.template_id && !body.content?.length) return { status: 400, message: 'content or template_id required' };
  if (body.personalizations.some((p) => !p.to?.length)) return { status: 400, message: 'to is required' };
  return undefined;
}

function expand(body: MailSendBody): AcceptedMessage[] {
  const part = (type: string) => body.content?.find((c) => c.type === type)?.value ?? '';
  return body.personalizations.map((p) => {
    const substitute = (value: string) =>
      Object.entries(p.substitutions ?? {}).reduce(
        (text, [key, replacement]) => text.split(key).join(replacement),
        value,
      );
    return {
      to: p.to[0]?.email ?? '',
      subject: p.subject ?? body.subject ?? '',
      text: substitute(part('text/plain')),
      html: substitute(part('text/html')),
      customArgs: p.custom_args ?? {},
      ...(body.template_id ? { templateId: body.template_id, templateData: p.dynamic_template_data } : {}),
    };
  });
}
