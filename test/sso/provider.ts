// A real OpenID Provider for the tests: panva's oidc-provider (OpenID-certified) on loopback,
// with test accounts and its development login form (any password; the login is the account).
// The test holds the provider's signing key, so it can also answer with an ID token the provider
// never issued (another key, another audience) through a Koa middleware on the token endpoint.
// `down()` makes every request fail at the socket, like a provider that is not running.
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import Provider from 'oidc-provider';

export interface TestAccount {
  email: string;
  email_verified?: boolean;
  /** Entra ID's "email domain owner verified", instead of email_verified. */
  xms_edov?: boolean;
  given_name?: string;
  family_name?: string;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, TestAccount>;
  /** Replaces the next ID tokens the token endpoint returns (undefined: the provider's own). */
  tamper: ((idToken: string) => Promise<string>) | undefined;
  /** Re-signs an ID token with the provider's own key, with claims changed. */
  resign(idToken: string, changes: Record<string, unknown>): Promise<string>;
  /** Signs an ID token's claims with a key the provider never published. */
  forge(idToken: string): Promise<string>;
  down(): void;
  up(): void;
  close(): Promise<void>;
}

export async function startProvider(options: { redirectUri: string; clientId?: string }): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingJwk: JWK = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const clientId = options.clientId ?? 'sesame-test';
  const clientSecret = 'a-test-client-secret-of-some-length';
  const accounts = new Map<string, TestAccount>();

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [signingJwk] },
    cookies: { keys: ['test-cookie-key'] },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified', 'xms_edov'],
      profile: ['given_name', 'family_name'],
    },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...account }) };
    },
  });
  // The development interactions warn on every start: expected here.
  provider.on('server_error', () => {});

  const state: { tamper: TestProvider['tamper'] } = { tamper: undefined };
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: unknown } | undefined;
    if (ctx.path === '/token' && state.tamper && body && typeof body.id_token === 'string') {
      ctx.body = { ...body, id_token: await state.tamper(body.id_token) };
    }
  });

  let isDown = false;
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    if (isDown) return void socket.destroy();
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('request', provider.callback());

  const resign = async (idToken: string, changes: Record<string, unknown>) =>
    new SignJWT({ ...decodeJwt(idToken), ...changes })
      .setProtectedHeader(decodeProtectedHeader(idToken) as { alg: string })
      .sign(privateKey);
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    get tamper() {
      return state.tamper;
    },
    set tamper(value) {
      state.tamper = value;
    },
    resign,
    async forge(idToken) {
      const other = await generateKeyPair('RS256');
      return new SignJWT(decodeJwt(idToken))
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
        .sign(other.privateKey);
    },
    down() {
      isDown = true;
      for (const socket of sockets) socket.destroy();
    },
    up() {
      isDown = false;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Signs in at the provider over HTTP as a browser would: follows the authorization URL's
 * redirects, fills the login form (and the consent form) and returns the URL the provider sends
 * the browser back to (Sesame's callback), without following it.
 */
export async function signInAtProvider(
  authorizationUrl: string,
  login: string,
  redirectPrefix: string,
): Promise<string> {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  let url = authorizationUrl;
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 15; hop++) {
    if (url.startsWith(redirectPrefix)) return url;
    const res = await fetch(url, {
      method: body ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: cookie(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body,
    });
    keep(res);
    body = undefined;
    const location = res.headers.get('location');
    if (location) {
      url = new URL(location, url).href;
      continue;
    }
    const html = await res.text();
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (res.status !== 200 || !prompt) throw new Error(`the provider answered ${res.status} at ${url}`);
    body = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any' } : { prompt });
  }
  throw new Error('too many redirects at the provider');
}
