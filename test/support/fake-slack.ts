// A local stand-in for Slack's Web API, as @slack/web-api calls it: POST /api/<method> with a form
// (or JSON) body and the token in `Authorization: Bearer`. Tests point the app's WebClient at
// `apiUrl` and see every call in `calls` (nested blocks/view/attachments already decoded), without
// a workspace or network. It also takes response_url POSTs (`${url}/respond/...`), serves files
// put in file_input fields (Bearer token required, like url_private), and fails calls on demand
// (HTTP 429 with Retry-After, or { ok: false, error }).
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackUser {
  id: string;
  teamId: string;
  email?: string;
  locale?: string;
  realName?: string;
  isAdmin?: boolean;
  isOwner?: boolean;
  isBot?: boolean;
  /** False for an address Slack has not confirmed yet (users.info's is_email_confirmed). */
  emailConfirmed?: boolean;
}

export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  token: string | undefined;
  at: number;
}

export type SlackFailure = { status: 429; retryAfterSeconds?: number } | { error: string };

export interface FakeSlack {
  /** For `clientOptions.slackApiUrl` / WebClient's `slackApiUrl`: 'http://127.0.0.1:PORT/api/' */
  apiUrl: string;
  /** Base URL of the server (no trailing slash), e.g. for response_url values: `${url}/respond/<anything>` */
  url: string;
  /** The bot token the fake accepts (default 'xoxb-test-token'); other tokens get { ok:false, error:'invalid_auth' }. */
  botToken: string;
  teamId: string;
  botUserId: string;
  /** What apps.connections.open answers to an app-level token (xapp-...): a test's WebSocket server. */
  socketModeUrl?: string;
  /** Every Web API call and every response_url POST (method 'response_url', args = JSON body plus responseUrlPath). */
  calls: SlackCall[];
  callsTo(method: string): SlackCall[];
  /** Resolves with the first call (already recorded or future) to `method` for which `match(args)` is true; rejects after timeoutMs (default 5000) with a message listing the methods that were called. */
  waitFor(method: string, match?: (args: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<SlackCall>;
  addUser(user: SlackUser): void;
  /** Stores a file; returns the object Slack puts in a file_input's files[]: { id, name, title, filetype, mimetype, size, url_private,
   * url_private_download } whose URLs point at this server `/files/<id>/<name>`. Downloading requires `Authorization: Bearer <botToken>` (else 403). */
  addFile(file: { name: string; content: string | Buffer; mimetype?: string }): Record<string, unknown>;
  /** The next call(s) to `method` fail: { status: 429, retryAfterSeconds } answers HTTP 429 with a Retry-After header (default 1);
   * { error: 'channel_not_found' } answers 200 { ok:false, error }. Queue, consumed in order. */
  failNext(method: string, failure: SlackFailure): void;
  /** The next call to `method` is recorded but not answered until `releaseHung()` or `close()` (a hung Slack). Queue.
   * `method` 'file_download' holds the next file download the same way. */
  hangNext(method: string): void;
  /** Answers every hung call now (normally). */
  releaseHung(): void;
  /** The conversation `channel` refuses posts with `error` (e.g. not_in_channel, is_archived) until cleared with null. */
  refuseChannel(channel: string, error: string | null): void;
  close(): Promise<void>;
}

const JSON_FIELDS = new Set(['blocks', 'view', 'attachments', 'metadata']);

async function readArgs(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  const args: Record<string, unknown> = req.headers['content-type']?.startsWith('application/json')
    ? JSON.parse(raw || '{}')
    : Object.fromEntries(new URLSearchParams(raw));
  for (const [key, value] of Object.entries(args)) {
    if (!JSON_FIELDS.has(key) || typeof value !== 'string' || !/^\s*[[{]/.test(value)) continue;
    try {
      args[key] = JSON.parse(value);
    } catch {} // left as the string the app sent
  }
  return args;
}

export async function startFakeSlack(
  options: { botToken?: string; teamId?: string; botUserId?: string } = {},
): Promise<FakeSlack> {
  const calls: SlackCall[] = [];
  const users = new Map<string, SlackUser>();
  const files = new Map<string, { content: Buffer; mimetype: string }>();
  const failures = new Map<string, SlackFailure[]>();
  const externalViews = new Map<string, string>();
  const hangs = new Map<string, number>();
  const hung: (() => void)[] = [];
  const refusedChannels = new Map<string, string>();
  const waiters = new Set<(call: SlackCall) => void>();
  let counter = 0;
  const nextId = (prefix: string) => `${prefix}${(++counter).toString(36).toUpperCase().padStart(8, '0')}`;
  const nextTs = () => {
    const micros = 1_700_000_000_000_000 + 100 * ++counter;
    return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
  };
  const takeHang = (method: string) => {
    const hang = hangs.get(method) ?? 0;
    if (hang > 0) hangs.set(method, hang - 1);
    return hang > 0;
  };
  const record = (call: SlackCall) => {
    calls.push(call);
    for (const waiter of waiters) waiter(call);
  };
  const userJson = (u: SlackUser, withLocale: boolean) => {
    const name = u.email?.split('@')[0] ?? u.id.toLowerCase();
    const flags = {
      is_admin: u.isAdmin ?? false,
      is_owner: u.isOwner ?? false,
      is_bot: u.isBot ?? false,
      is_email_confirmed: u.emailConfirmed ?? true,
      deleted: false,
    };
    const profile = { email: u.email, real_name: u.realName ?? name, display_name: u.realName ?? '' };
    const locale = withLocale ? { locale: u.locale ?? 'en-US' } : {};
    return { id: u.id, team_id: u.teamId, name, real_name: profile.real_name, ...flags, ...locale, profile };
  };

  /** What oauth.v2.access answers for a workspace installing the app (the code names the team). */
  const oauthAccess = (args: Record<string, unknown>) => ({
    app_id: 'A0SESAME',
    authed_user: { id: 'UINSTALLER' },
    scope: 'commands,chat:write',
    token_type: 'bot',
    access_token: fake.botToken,
    bot_user_id: fake.botUserId,
    team: { id: String(args.code ?? fake.teamId), name: 'Installed team' },
    enterprise: null,
    is_enterprise_install: false,
  });

  const answer = (method: string, args: Record<string, unknown>): Record<string, unknown> => {
    const view = (args.view ?? {}) as Record<string, unknown>;
    const bot = { user_id: fake.botUserId, bot_id: 'BTEST', is_enterprise_install: false };
    switch (method) {
      case 'auth.test':
        return {
          url: 'https://sesame-test.slack.com/',
          team: 'Sesame Test',
          user: 'sesame',
          team_id: fake.teamId,
          ...bot,
        };
      case 'users.info':
      case 'users.lookupByEmail': {
        const wanted = String((method === 'users.info' ? args.user : args.email) ?? '').toLowerCase();
        const user = [...users.values()].find((u) =>
          method === 'users.info' ? u.id.toLowerCase() === wanted : u.email?.toLowerCase() === wanted,
        );
        if (!user) return { ok: false, error: method === 'users.info' ? 'user_not_found' : 'users_not_found' };
        return { user: userJson(user, args.include_locale === true || args.include_locale === 'true') };
      }
      case 'chat.postMessage': {
        const ts = nextTs();
        const channel = String(args.channel ?? '').replace(/^U/, 'D');
        return { channel, ts, message: { type: 'message', text: args.text, blocks: args.blocks, ts } };
      }
      case 'chat.postEphemeral':
        return { message_ts: nextTs() };
      case 'chat.update':
        return { channel: args.channel, ts: args.ts, text: args.text };
      case 'conversations.open':
        return {
          channel: {
            id: `D${String(args.users ?? '')
              .replace(/,.*$/, '')
              .replace(/^U/, '')}`,
          },
        };
      case 'conversations.info':
        return { channel: { id: args.channel, name: 'managers', is_member: true, is_archived: false } };
      case 'views.open':
      case 'views.push': {
        const id = nextId('V');
        if (typeof view.external_id === 'string') externalViews.set(view.external_id, id);
        return { view: { id, hash: nextId('h'), ...view } };
      }
      case 'views.update': {
        const id = args.view_id ?? externalViews.get(String(args.external_id)) ?? nextId('V');
        return { view: { id, ...view } };
      }
      case 'views.publish':
        return { view: { id: nextId('V'), ...view } };
      default:
        return {};
    }
  };

  const server = createServer((req, res) => {
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(body));
    };
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const file = /^\/files\/([^/]+)\//.exec(path);
    if (req.method === 'GET' && file) {
      const stored = files.get(file[1] ?? '');
      if (bearer !== fake.botToken) return send(403, { ok: false, error: 'not_authed' });
      if (!stored) return send(404, { ok: false, error: 'file_not_found' });
      const serve = () => {
        res.writeHead(200, { 'content-type': stored.mimetype, 'content-length': stored.content.length });
        res.end(stored.content);
      };
      return takeHang('file_download') ? void hung.push(serve) : serve();
    }
    if (req.method !== 'POST' || !/^\/(api|respond)\//.test(path)) return send(404, { ok: false, error: 'not_found' });
    readArgs(req).then(
      (args) => {
        if (path.startsWith('/respond/')) {
          record({ method: 'response_url', args: { ...args, responseUrlPath: path }, token: bearer, at: Date.now() });
          return send(200, { ok: true });
        }
        const method = path.slice('/api/'.length);
        const token = bearer ?? (typeof args.token === 'string' ? args.token : undefined);
        delete args.token;
        record({ method, args, token, at: Date.now() });
        // OAuth's code exchange authenticates with the app's client id and secret, not a token.
        if (method === 'oauth.v2.access') return send(200, { ok: true, ...oauthAccess(args) });
        // Socket Mode: the app-level token asks where to open the WebSocket.
        if (method === 'apps.connections.open' && token?.startsWith('xapp-')) {
          return send(
            200,
            fake.socketModeUrl ? { ok: true, url: fake.socketModeUrl } : { ok: false, error: 'no_socket' },
          );
        }
        if (token !== fake.botToken) return send(200, { ok: false, error: 'invalid_auth' });
        const failure = failures.get(method)?.shift();
        if (failure && 'status' in failure) {
          const retryAfter = String(failure.retryAfterSeconds ?? 1);
          return send(429, { ok: false, error: 'ratelimited' }, { 'retry-after': retryAfter });
        }
        if (failure) return send(200, { ok: false, error: failure.error });
        const refused = refusedChannels.get(String(args.channel ?? ''));
        if (refused && /^(chat\.postMessage|conversations\.info)$/.test(method)) {
          // conversations.info still answers for a channel the bot left (is_member false), not for a missing one.
          if (method === 'chat.postMessage' || refused === 'channel_not_found')
            return send(200, { ok: false, error: refused });
          return send(200, {
            ok: true,
            ...answer(method, args),
            channel: { id: args.channel, is_member: false, is_archived: refused === 'is_archived' },
          });
        }
        if (takeHang(method)) return void hung.push(() => send(200, { ok: true, ...answer(method, args) }));
        send(200, { ok: true, ...answer(method, args) });
      },
      (error: unknown) => send(400, { ok: false, error: 'invalid_form_data', detail: String(error) }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  const fake: FakeSlack = {
    apiUrl: `${url}/api/`,
    url,
    botToken: options.botToken ?? 'xoxb-test-token',
    teamId: options.teamId ?? 'T0TEST',
    botUserId: options.botUserId ?? 'UBOT',
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    waitFor: (method, match = () => true, timeoutMs = 5000) =>
      new Promise<SlackCall>((resolve, reject) => {
        const found = calls.find((c) => c.method === method && match(c.args));
        if (found) return resolve(found);
        const waiter = (call: SlackCall) => {
          if (call.method !== method || !match(call.args)) return;
          waiters.delete(waiter);
          clearTimeout(timer);
          resolve(call);
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          const called = calls.map((c) => c.method).join(', ') || 'none';
          reject(new Error(`fake Slack: no matching ${method} call within ${timeoutMs}ms; calls: ${called}`));
        }, timeoutMs);
        waiters.add(waiter);
      }),
    addUser: (user) => void users.set(user.id, user),
    addFile: ({ name, content, mimetype = 'application/octet-stream' }) => {
      const id = nextId('F');
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      files.set(id, { content: bytes, mimetype });
      const fileUrl = `${url}/files/${id}/${encodeURIComponent(name)}`;
      const filetype = name.includes('.') ? (name.split('.').pop() ?? '').toLowerCase() : 'binary';
      const urls = { url_private: fileUrl, url_private_download: fileUrl };
      return { id, name, title: name, filetype, mimetype, size: bytes.length, ...urls };
    },
    failNext: (method, failure) => {
      failures.set(method, [...(failures.get(method) ?? []), failure]);
    },
    hangNext: (method) => void hangs.set(method, (hangs.get(method) ?? 0) + 1),
    releaseHung: () => {
      for (const answerNow of hung.splice(0)) answerNow();
    },
    refuseChannel: (channel, error) => {
      if (error) refusedChannels.set(channel, error);
      else refusedChannels.delete(channel);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  return fake;
}
