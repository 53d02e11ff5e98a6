// A local stand-in for Microsoft's Bot Framework services, so Teams tests need no tenant and no
// network. One node:http server plays:
// - the Bot Connector (the activities' serviceUrl): what the Teams SDK's API client calls to send,
//   reply, update, open 1:1 conversations and look members up lands in `calls`; calls fail on
//   demand (429 with Retry-After, 500, 503) or answer late; a message over Teams' limit (100 KB
//   counted in UTF-16) is refused with 413 MessageSizeTooBig, as Teams does; `/files/<id>` serves
//   Teams file attachments;
// - Bot Framework's identity provider: an OpenID document and a JWKS with a key made here, so a
//   test runs with authentication ON and signs (or forges) channel tokens with `channelToken()`;
// - Azure AD for the bot's outbound token. MSAL-node cannot be pointed at a fake one (it refuses
//   http:// authorities and asks login.microsoftonline.com for instance discovery), so `authConfig()`
//   gives the Teams SDK a token provider that returns BOT_TOKEN, and points every login endpoint
//   here so that anything else fails at once, offline.
import { generateKeyPairSync, randomBytes, randomUUID, sign } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TeamsUser {
  id: string;
  aadObjectId?: string;
  name?: string;
  email: string;
  tenantId?: string;
}

export type FailStatus = 403 | 404 | 429 | 500 | 503;

export interface TeamsCall {
  method: 'POST' | 'PUT' | 'GET' | 'DELETE';
  path: string;
  conversationId?: string;
  activityId?: string;
  body: unknown;
  authorization: string | undefined;
  at: number;
  /** Set when failNext() made this call fail, or 413 when the message was over Teams' size limit. */
  failed?: FailStatus | 413;
}

/** An activity the bot sent (POST .../activities), replied (POST .../activities/<id>) or updated (PUT). */
export type TeamsActivity = Record<string, unknown> & {
  kind: 'send' | 'reply' | 'update';
  type?: string;
  text?: string;
  attachments?: { contentType: string; content?: unknown }[];
};

export interface TeamsFileInfo {
  downloadUrl: string;
  uniqueId: string;
  fileType: string;
}

/** expiresInSeconds defaults to 3600 (the Teams SDK tolerates 5 minutes of clock skew: expire a token by more). */
export interface ChannelTokenOptions {
  appId: string;
  serviceUrl: string;
  expiresInSeconds?: number;
  key?: 'good' | 'other';
}

export interface FakeTeams {
  /** Base URL, no trailing slash: use it as the activities' serviceUrl. */
  url: string;
  /** Tenant given to users without one. */
  tenantId: string;
  /** Every call but the OpenID metadata fetches; `path` is URL-decoded ('/v3/conversations/a:1/activities'). */
  calls: TeamsCall[];
  /** The activities the bot got through (calls failed by failNext() left out), in order. */
  activities(): TeamsActivity[];
  /** Resolves with the first call (recorded or future) matching; rejects after timeoutMs listing the calls made. */
  waitFor(predicate: (call: TeamsCall) => boolean, timeoutMs?: number): Promise<TeamsCall>;
  /** For TeamsInfo.getMember (by id or aadObjectId, in any conversation) and the member lists. */
  addUser(user: TeamsUser): void;
  /** What Teams puts in a 'application/vnd.microsoft.teams.file.download.info' attachment's content. */
  addFile(file: { name: string; content: string | Buffer }): TeamsFileInfo;
  /** The next call whose path matches fails with this status (429 with Retry-After, default 1s). Queue. */
  failNext(pathPattern: RegExp, status: FailStatus, retryAfterSeconds?: number): void;
  /** The next call whose path matches is answered after `ms` (a slow Bot Connector). Queue. */
  delayNext(pathPattern: RegExp, ms: number): void;
  /** A channel's JWT as Teams sends in Authorization: Bearer. key 'other' signs with an unpublished key. */
  channelToken(options: ChannelTokenOptions): string;
  /** Sesame's Teams configuration with authentication ON against this fake: inbound tokens checked
   * against its keys, outbound calls made with BOT_TOKEN (see the header). */
  authConfig(appId: string, tenantId: string): FakeTeamsAuth;
  close(): Promise<void>;
}

/** The shape of src/teams/teams-config.ts's TeamsConfig that authConfig() fills. */
export interface FakeTeamsAuth {
  appId: string;
  tenantId: string;
  cloud: { openIdMetadataUrl: string; tokenIssuer: string; loginEndpoint: string; tokenServiceUrl: string };
  token: () => string;
}

const ISSUER = 'https://api.botframework.com';
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** The bot's outbound token: shaped as a JWT (the SDK decodes it), signed by no one. */
/** Teams refuses a bot message over 100 KB (UTF-16). */
const MAX_MESSAGE_BYTES = 100 * 1024;
export const BOT_TOKEN = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ aud: ISSUER, iss: 'fake-aad', exp: 4102444800 })}.fake`;

const makeKey = () => ({
  kid: randomBytes(20).toString('base64url'),
  ...generateKeyPairSync('rsa', { modulusLength: 2048 }),
});
// One pair per process: the SDK's JWKS client caches keys per URL, and a later fake may get a closed one's port.
let keys: Record<'good' | 'other', ReturnType<typeof makeKey>> | undefined;

const decode = <T extends string | undefined>(text: T): T => {
  try {
    return (text && decodeURIComponent(text)) as T;
  } catch {
    return text; // a malformed %-escape is left as sent
  }
};

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  return raw ? JSON.parse(raw) : undefined;
}

export async function startFakeTeams(options: { tenantId?: string } = {}): Promise<FakeTeams> {
  keys ??= { good: makeKey(), other: makeKey() };
  const signing = keys;
  const calls: TeamsCall[] = [];
  const users = new Map<string, Required<TeamsUser>>();
  const files = new Map<string, Buffer>();
  const failures: { pattern: RegExp; status: FailStatus; retryAfterSeconds: number }[] = [];
  const delays: { pattern: RegExp; ms: number }[] = [];
  const waiters = new Set<(call: TeamsCall) => void>();
  let counter = 0;
  const nextId = () => String(1_700_000_000_000 + ++counter);

  const member = (user: Required<TeamsUser>) => ({ ...user, userPrincipalName: user.email, userRole: 'user' });
  const findUser = (idOrAad: string) =>
    [...users.values()].find((u) => u.id === idOrAad || u.aadObjectId.toLowerCase() === idOrAad.toLowerCase());

  const server = createServer((req, res) => {
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const decoded = decode(path);
    const method = (req.method ?? 'GET') as TeamsCall['method'];
    const route = (pattern: RegExp) => pattern.exec(path)?.slice(1).map(decode);
    if (method === 'GET' && path === '/openid/.well-known/openidconfiguration') {
      return send(200, {
        issuer: ISSUER,
        authorization_endpoint: 'https://invalid.botframework.com',
        jwks_uri: `${url}/openid/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      });
    }
    // The Teams SDK derives the keys' URL from the metadata's (…/openidconfiguration → …/keys).
    if (method === 'GET' && (path === '/openid/keys' || path === '/openid/.well-known/keys')) {
      const [{ n, e }, kid] = [signing.good.publicKey.export({ format: 'jwk' }), signing.good.kid];
      return send(200, { keys: [{ kty: 'RSA', use: 'sig', kid, x5t: kid, n, e, endorsements: ['msteams'] }] });
    }
    readJson(req).then(
      async (body) => {
        const [conversationId, activityId] = route(/^\/v3\/conversations\/([^/]+)(?:\/activities\/([^/]+))?/) ?? [];
        const [authorization, at] = [req.headers.authorization, Date.now()];
        const index = failures.findIndex((f) => f.pattern.test(decoded));
        const failure = index >= 0 ? failures.splice(index, 1)[0] : undefined;
        const delayIndex = delays.findIndex((d) => d.pattern.test(decoded));
        const delay = delayIndex >= 0 ? (delays.splice(delayIndex, 1)[0]?.ms ?? 0) : 0;
        const call: TeamsCall = { method, path: decoded, conversationId, activityId, body, authorization, at };
        if (failure) call.failed = failure.status;
        // Teams counts a bot message's size in UTF-16 code units, two bytes each.
        const tooBig =
          conversationId &&
          (method === 'POST' || method === 'PUT') &&
          JSON.stringify(body ?? null).length * 2 > MAX_MESSAGE_BYTES;
        if (!failure && tooBig) call.failed = 413;
        calls.push(call);
        for (const waiter of waiters) waiter(call);
        if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
        if (failure) {
          const { status, retryAfterSeconds } = failure;
          const code = status === 429 ? 'TooManyRequests' : status === 503 ? 'ServiceUnavailable' : 'ServiceError';
          const headers: Record<string, string> = status === 429 ? { 'retry-after': String(retryAfterSeconds) } : {};
          return send(status, { error: { code, message: `fake Teams: failNext(${status})` } }, headers);
        }
        if (tooBig) {
          return send(413, {
            error: { code: 'MessageSizeTooBig', message: 'Activity body too large for processing.' },
          });
        }
        const file = route(/^\/files\/([^/]+)$/);
        const stored = file && files.get(file[0] ?? '');
        if (method === 'GET' && file) {
          if (!stored) return send(404, { error: { code: 'itemNotFound', message: 'no such file' } });
          res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': stored.length });
          return res.end(stored);
        }
        if (method === 'POST' && path === '/v3/conversations') {
          const memberId = (body as { members?: { id?: string }[] } | undefined)?.members?.[0]?.id;
          if (!memberId) return send(400, { error: { code: 'BadArgument', message: 'members is required' } });
          return send(201, { id: `a:personal-${memberId}` });
        }
        if (route(/^\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/)) {
          if (method === 'DELETE') return send(200);
          if (method === 'PUT' || method === 'POST') return send(200, { id: method === 'PUT' ? activityId : nextId() });
        }
        const memberId = route(/^\/v3\/conversations\/[^/]+\/members\/([^/]+)$/)?.[0];
        if (method === 'GET' && memberId) {
          const user = findUser(memberId);
          if (user) return send(200, member(user));
          return send(404, { error: { code: 'MemberNotFoundInConversation', message: 'Member not found' } });
        }
        const list = route(/^\/v3\/conversations\/[^/]+\/(paged)?members$/);
        if (method === 'GET' && list) {
          const members = [...users.values()].map(member);
          return send(200, list[0] ? { members } : members);
        }
        send(404, { error: { code: 'NotFound', message: `fake Teams: no route for ${method} ${path}` } });
      },
      (error: unknown) => send(400, { error: { code: 'BadSyntax', message: String(error) } }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tenantId = options.tenantId ?? '9b4f1a2e-5c7d-4e3f-8a1b-2c3d4e5f6a7b';

  return {
    url,
    tenantId,
    calls,
    activities: () =>
      calls.flatMap((c): TeamsActivity[] => {
        if (!/^\/v3\/conversations\/[^/]+\/activities/.test(c.path) || /GET|DELETE/.test(c.method) || c.failed)
          return [];
        const kind = c.method === 'PUT' ? 'update' : c.activityId ? 'reply' : 'send';
        return [{ ...(c.body as Record<string, unknown>), kind }];
      }),
    waitFor: (predicate, timeoutMs = 5000) =>
      new Promise<TeamsCall>((resolve, reject) => {
        const found = calls.find(predicate);
        if (found) return resolve(found);
        const waiter = (call: TeamsCall) => {
          if (!predicate(call)) return;
          waiters.delete(waiter);
          clearTimeout(timer);
          resolve(call);
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          const called = calls.map((c) => `${c.method} ${c.path}`).join(', ') || 'none';
          reject(new Error(`fake Teams: no matching call within ${timeoutMs}ms; calls: ${called}`));
        }, timeoutMs);
        waiters.add(waiter);
      }),
    addUser: (user) => {
      const name = user.name ?? user.email.split('@')[0] ?? user.email;
      const { aadObjectId = randomUUID(), tenantId: userTenant = tenantId } = user;
      users.set(user.id, { ...user, aadObjectId, tenantId: userTenant, name });
    },
    addFile: ({ name, content }) => {
      const uniqueId = randomUUID();
      files.set(uniqueId, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
      const fileType = name.includes('.') ? (name.split('.').pop() ?? '').toLowerCase() : '';
      return { downloadUrl: `${url}/files/${uniqueId}`, uniqueId, fileType };
    },
    failNext: (pattern, status, retryAfterSeconds = 1) => void failures.push({ pattern, status, retryAfterSeconds }),
    delayNext: (pattern, ms) => void delays.push({ pattern, ms }),
    channelToken: ({ appId, serviceUrl, expiresInSeconds = 3600, key = 'good' }) => {
      const { kid, privateKey } = signing[key];
      const now = Math.floor(Date.now() / 1000);
      const [nbf, exp] = [now - 60, now + expiresInSeconds];
      const claims = { iss: ISSUER, aud: appId, serviceurl: serviceUrl, nbf, exp, iat: nbf };
      const unsigned = `${b64({ alg: 'RS256', typ: 'JWT', kid, x5t: kid })}.${b64(claims)}`;
      return `${unsigned}.${sign('sha256', Buffer.from(unsigned), privateKey).toString('base64url')}`;
    },
    authConfig: (appId, appTenantId) => ({
      appId,
      tenantId: appTenantId,
      cloud: {
        openIdMetadataUrl: `${url}/openid/.well-known/openidconfiguration`,
        tokenIssuer: ISSUER,
        loginEndpoint: `${url}/aad`,
        tokenServiceUrl: `${url}/token-service`,
      },
      token: () => BOT_TOKEN,
    }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
