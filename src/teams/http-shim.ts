// botbuilder's adapter expects an Express-like request (a parsed body) and response (status,
// header, send, end). Sesame's server is plain node:http: this is the small bridge, with a body
// size limit (Bot Framework activities are small; attachments come by URL).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, Response } from 'botbuilder';
import { readLimited } from '../http/read-limited.js';

const MAX_BODY_BYTES = 1024 * 1024;

export async function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  const bytes = await readLimited(req, MAX_BODY_BYTES);
  if (!bytes) return undefined;
  try {
    const parsed: unknown = JSON.parse(bytes.toString('utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export function botRequest(req: IncomingMessage, body: Record<string, unknown> | undefined): Request {
  return { body, headers: req.headers as Request['headers'], method: req.method };
}

export function botResponse(res: ServerResponse): Response {
  return {
    socket: res.socket,
    status(code: number) {
      res.statusCode = code;
      return this;
    },
    header(name: string, value: unknown) {
      if (!res.headersSent) res.setHeader(name, String(value));
      return this;
    },
    send(body: unknown) {
      if (res.writableEnded) return this;
      if (body !== undefined && typeof body !== 'string' && !Buffer.isBuffer(body)) {
        if (!res.headersSent) res.setHeader('content-type', 'application/json; charset=utf-8');
        res.write(JSON.stringify(body));
      } else if (body !== undefined) res.write(body);
      return this;
    },
    end() {
      if (!res.writableEnded) res.end();
      return this;
    },
  };
}
