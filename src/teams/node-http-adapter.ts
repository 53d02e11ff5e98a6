// The Teams SDK's transport seam (IHttpServerAdapter) on Sesame's one node:http server: the SDK
// registers its messaging endpoint here instead of starting Express on a port of its own, and
// Sesame's router calls `route` for POST /api/messages. The SDK keeps the protocol (the token's
// verification, the activity's routing, the invoke's answer); this file only reads the body, with
// a size limit, and writes the answer.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpRouteHandler, IHttpServerAdapter } from '@microsoft/teams.apps';
import { z } from 'zod';
import { readLimited } from '../http/read-limited.js';
import type { Route } from '../http/server.js';

/** Bot Framework activities are small (attachments come by URL): 1 MB is far above any real one. */
const MAX_BODY_BYTES = 1024 * 1024;

/** What every Bot Framework activity has; the SDK checks the token, and the listeners the rest. */
const activityShape = z.looseObject({
  type: z.string().min(1),
  serviceUrl: z.string().min(1).optional(),
  conversation: z.looseObject({ id: z.string().min(1) }),
});

export interface NodeHttpAdapter extends IHttpServerAdapter {
  /** Sesame's route for the path the SDK registered; `ready` runs first (the SDK registers on initialize). */
  route(path: string, ready: () => Promise<void>): Route;
}

export function createNodeHttpAdapter(): NodeHttpAdapter {
  const handlers = new Map<string, HttpRouteHandler>();
  return {
    registerRoute(method, path, handler) {
      handlers.set(`${method} ${path}`, handler);
    },
    // Sesame's server listens and closes; the SDK has nothing of its own to start or stop here.
    async start() {},
    async stop() {},
    route(path, ready) {
      return async (req, res) => {
        const body = await readJsonBody(req);
        if (!body || !activityShape.safeParse(body).success) {
          return send(res, 400, { error: 'invalid activity' });
        }
        await ready();
        const handler = handlers.get(`POST ${path}`);
        if (!handler) throw new Error(`Teams SDK registered no handler for POST ${path}`);
        const answer = await handler({ body, headers: headersOf(req) });
        send(res, answer.status, answer.body);
      };
    },
  };
}

async function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
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

function headersOf(req: IncomingMessage): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = value;
  return headers;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.writableEnded) return;
  if (body === undefined || body === null) {
    res.writeHead(status).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
