// Sesame's pages and a real OpenID Provider, both on loopback, wired as in production: the pages
// know their public URL (the redirect URI) and the sealing key; the provider knows Sesame as a
// client with that redirect URI.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createServer as createNetServer } from 'node:net';
import type { Db } from '../../src/db/database.js';
import { createPagesDatabase, enrollmentRoutes } from '../../src/enrollment/routes.js';
import type { OutboxMessage } from '../../src/generated/prisma/client.js';
import { createHttpServer } from '../../src/http/server.js';
import { issueAcceptToken } from '../../src/invitations/accept-token.js';
import { invite } from '../../src/invitations/invite.js';
import { createLogger } from '../../src/log/logger.js';
import type { ClaimedMessage } from '../../src/outbox/claim-outbox.js';
import type { Actor } from '../../src/permissions/actor.js';
import { createSecretBox, type SecretBox } from '../../src/security/secret-box.js';
import { type ConfigureProviderInput, configureProvider } from '../../src/sso/configure-provider.js';
import { newOrganization } from '../domain/fixtures.js';
import { embeddedTestDatabase } from '../enrollment/support.js';
import { startProvider, type TestProvider } from './provider.js';

export interface SsoWorld {
  base: string;
  callback: string;
  logs: string[];
  provider: TestProvider;
  secretBox: SecretBox;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startSsoWorld(
  t: { prisma: Db; url: string },
  options: { secure?: boolean } = {},
): Promise<SsoWorld> {
  const logs: string[] = [];
  const log = createLogger('debug', (line) => logs.push(line));
  const secretBox = createSecretBox(randomBytes(32).toString('base64'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const pages = createPagesDatabase({ url: t.url, embedded: embeddedTestDatabase(), log, max: 4 });
  const server = createHttpServer({
    db: t.prisma,
    log,
    routes: enrollmentRoutes({ db: t.prisma, pages, log, publicUrl: base, secretBox, secure: options.secure }),
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const callback = `${base}/sso/callback`;
  const provider = await startProvider({ redirectUri: callback });
  return {
    base,
    callback,
    logs,
    provider,
    secretBox,
    async close() {
      await provider.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pages.end();
    },
  };
}

/** An organization whose owner configured the world's provider (label "Acme SSO"). */
export async function organizationWithProvider(
  db: Db,
  world: SsoWorld,
  settings: Partial<ConfigureProviderInput> = {},
): Promise<{ owner: Actor }> {
  const { owner } = await newOrganization(db);
  await configureProvider(
    db,
    owner,
    {
      issuer: world.provider.issuer,
      clientId: world.provider.clientId,
      clientSecret: world.provider.clientSecret,
      label: 'Acme SSO',
      joinMode: 'ENTERPRISE',
      ...settings,
    },
    { secretBox: world.secretBox },
  );
  return { owner };
}

/** An enterprise invitation and its accept link. */
export async function enterpriseInvitation(
  db: Db,
  owner: Actor,
  email: string,
  extra: { mustUseEmail?: boolean } = {},
) {
  const made = await invite(db, owner, { emails: [email], enterprise: true, ...extra });
  const invitationId = made.results[0]?.invitationId;
  if (!invitationId) throw new Error(`invitation refused: ${JSON.stringify(made.results)}`);
  const token = await issueAcceptToken(db, invitationId);
  return { invitationId, token, path: `/accept/${token}` };
}

/** A browser's cookie jar for Sesame's pages (the provider keeps its own). */
export class Browser {
  readonly cookies = new Map<string, string>();
  readonly setCookies: string[] = [];
  constructor(readonly base: string) {}

  async get(url: string): Promise<Response> {
    const target = url.startsWith('http') ? url : this.base + url;
    const res = await fetch(target, {
      redirect: 'manual',
      headers: { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'accept-language': 'en' },
    });
    for (const line of res.headers.getSetCookie()) {
      this.setCookies.push(line);
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const value = pair.slice(at + 1);
      if (value) this.cookies.set(pair.slice(0, at), value);
      else this.cookies.delete(pair.slice(0, at));
    }
    return res;
  }
}

/** An outbox row as the delivery job claims it (to render its e-mail in a test). */
export const claimed = (row: OutboxMessage): ClaimedMessage =>
  ({
    id: String(row.id),
    organizationId: row.organizationId,
    kind: row.kind,
    key: row.idempotencyKey,
    payload: row.payload,
    attempts: 1,
    createdAt: row.createdAt,
    interrupted: false,
    handedAt: null,
  }) satisfies ClaimedMessage;
