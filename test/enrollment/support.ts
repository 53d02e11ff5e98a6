// The enrollment pages served on a free port, invitations to open, and a small form client that
// keeps the CSRF cookie like a browser does.
import type { AddressInfo } from 'node:net';
import { inject } from 'vitest';
import type { Db } from '../../src/db/database.js';
import { createPagesDatabase, type EnrollmentOptions, enrollmentRoutes } from '../../src/enrollment/routes.js';
import { createHttpServer } from '../../src/http/server.js';
import { issueAcceptToken } from '../../src/invitations/accept-token.js';
import { type InviteInput, invite } from '../../src/invitations/invite.js';
import { createLogger } from '../../src/log/logger.js';
import { updateOrganizationSetting } from '../../src/organizations/update-setting.js';
import { newOrganization, refreshed } from '../domain/fixtures.js';

export interface Pages {
  base: string;
  /** Every line the service logged, to check that no token or address leaks into them. */
  logs: string[];
  close(): Promise<void>;
}

/** The pages on the test database `t` (its Prisma client and its URL, for the pages' pool). */
export async function startPages(
  t: { prisma: Db; url: string },
  options: Partial<EnrollmentOptions> = {},
): Promise<Pages> {
  const logs: string[] = [];
  const log = createLogger('debug', (line) => logs.push(line));
  const db = options.db ?? t.prisma;
  const pages = createPagesDatabase({ url: t.url, embedded: embeddedTestDatabase(), log, max: 4 });
  const server = createHttpServer({ db, log, routes: enrollmentRoutes({ db, pages, log, ...options }) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    logs,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pages.end();
    },
  };
}

/** True when the tests run on PGlite (TEST_DATABASE_URL unset), as `npm start` does by default. */
export const embeddedTestDatabase = () => inject('testDatabaseTemplate').kind === 'pglite';

export interface InvitationOptions extends Partial<InviteInput> {
  locale?: 'fr' | 'en';
  usesUsernames?: boolean;
  inviter?: { firstName: string; lastName: string };
  email?: string;
}

/** An organization, its owner (named, unless told otherwise), one invitation and its accept link. */
export async function invitation(db: Db, options: InvitationOptions = {}) {
  const { organization, owner } = await newOrganization(db, { locale: options.locale });
  const inviter = options.inviter ?? { firstName: 'Camille', lastName: 'Durand' };
  await db.member.update({ where: { id: owner.member.id }, data: inviter });
  let actor = owner;
  if (options.usesUsernames) {
    await updateOrganizationSetting(db, owner, 'uses-usernames', 'true');
    actor = await refreshed(db, owner);
  }
  const email = options.email ?? `invitee.${Math.random().toString(36).slice(2, 8)}@example.org`;
  const made = await invite(db, actor, { ...options, emails: [email] });
  const invitationId = made.results[0]?.invitationId;
  if (!invitationId) throw new Error(`invitation refused: ${JSON.stringify(made.results)}`);
  const token = await issueAcceptToken(db, invitationId);
  return { organization, owner: actor, email, invitationId, token, path: `/accept/${token}` };
}

export interface Page {
  status: number;
  headers: Headers;
  html: string;
  /** The hidden CSRF field of the page's form, if it has one. */
  csrf?: string;
  /** Every hidden field of the page's form (what a browser sends along). */
  hidden: Record<string, string>;
}

const toPage = async (res: Response): Promise<Page> => {
  const html = await res.text();
  const hidden = Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]]),
  );
  return { status: res.status, headers: res.headers, html, csrf: hidden.csrf, hidden };
};

/** A visitor: keeps the cookies the pages set (the CSRF nonce), sends them back. */
export class Visitor {
  readonly cookies = new Map<string, string>();

  constructor(
    readonly base: string,
    readonly headers: Record<string, string> = {},
  ) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Page> {
    return toPage(await this.#keep(await fetch(this.base + path, { headers: this.#headers(headers) })));
  }

  async post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Page> {
    const res = await fetch(this.base + path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...this.#headers(headers) },
      body: new URLSearchParams(fields).toString(),
    });
    return toPage(await this.#keep(res));
  }

  /** Opens the form, then submits it with its CSRF token and the given fields. */
  async fill(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Page> {
    const form = await this.get(path, headers);
    if (!form.csrf) throw new Error(`no form at ${path} (status ${form.status})`);
    return this.post(path, { ...form.hidden, ...fields }, headers);
  }

  #headers(extra: Record<string, string>): Record<string, string> {
    return { ...this.headers, ...(this.cookies.size > 0 ? { cookie: this.cookieHeader } : {}), ...extra };
  }

  async #keep(res: Response): Promise<Response> {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return res;
  }
}

/** The page's visible text, roughly: tags dropped, entities that matter decoded, spaces squeezed. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

export const STRONG_PASSWORD = 'Kite7river!moss';
