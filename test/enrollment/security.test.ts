// What protects the pages: CSRF tokens, rate limits, headers, body limits, logs without secrets.

import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PagesDatabase } from '../../src/db/pages-database.js';
import { CSRF_SECRET_NAME } from '../../src/enrollment/context.js';
import { loadAppSecret } from '../../src/http/app-secret.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { invitation, type Pages, STRONG_PASSWORD, startPages, textOf, Visitor } from './support.js';

let t: TestDatabase;
let pages: Pages;
beforeAll(async () => {
  t = await createTestDatabase();
  pages = await startPages(t);
});
afterAll(async () => {
  await pages?.close();
  await t?.close();
});

const english = { 'accept-language': 'en' };
const filled = { firstName: 'Ana', lastName: 'Lima', password: STRONG_PASSWORD, passwordConfirmation: STRONG_PASSWORD };
const UNKNOWN = '/accept/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

function expectPageHeaders(headers: Headers) {
  const csp = headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("style-src 'self'");
  expect(csp).toContain("form-action 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toBe('no-referrer');
  expect(headers.get('cache-control')).toBe('no-store');
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
}

describe('CSRF', () => {
  it('sets an HttpOnly, SameSite=Strict nonce cookie and reuses it on the next page', async () => {
    const link = await invitation(t.prisma);
    const v = new Visitor(pages.base, english);
    const res = await fetch(pages.base + link.path);
    expect(res.headers.get('set-cookie')).toMatch(
      /^sesame-csrf=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/,
    );
    const first = await v.get(link.path);
    const second = await v.get(link.path);
    expect(second.headers.get('set-cookie')).toBeNull();
    expect(second.csrf).toBe(first.csrf);
  });

  it('refuses a form without a token, with a forged one, or without the cookie (403), and enrolls nobody', async () => {
    const link = await invitation(t.prisma);
    const v = new Visitor(pages.base, english);
    const form = await v.get(link.path);
    const other = new Visitor(pages.base, english);
    const otherForm = await other.get(link.path);
    const attempts = [
      () => v.post(link.path, { ...filled, lang: 'en' }),
      () => v.post(link.path, { ...filled, csrf: 'A'.repeat(43) }),
      () => v.post(link.path, { ...filled, csrf: otherForm.csrf ?? '' }),
      () => new Visitor(pages.base, english).post(link.path, { ...filled, csrf: form.csrf ?? '' }),
      () =>
        v.post(
          link.path,
          { ...filled, csrf: form.csrf ?? '' },
          { cookie: 'sesame-csrf=planted-by-someone-else-000000000000000000000' },
        ),
    ];
    for (const attempt of attempts) {
      const page = await attempt();
      expect(page.status).toBe(403);
      expectPageHeaders(page.headers);
      expect(textOf(page.html)).toContain('This form has expired');
    }
    expect(await t.prisma.member.count({ where: { organizationId: link.organization.id, email: link.email } })).toBe(0);
    expect((await v.post(link.path, { ...form.hidden, ...filled })).status).toBe(200);
  });

  it('shares one key between replicas, created once even when they start together', async () => {
    const keys = await Promise.all(Array.from({ length: 5 }, () => loadAppSecret(t.prisma, 'race-test')));
    expect(new Set(keys.map((k) => k.toString('base64'))).size).toBe(1);
    expect(keys[0]?.length).toBe(32);

    const link = await invitation(t.prisma);
    const replica = await startPages(t);
    try {
      const v = new Visitor(pages.base, english);
      const form = await v.get(link.path);
      const onReplica = new Visitor(replica.base, english);
      for (const [name, value] of v.cookies) onReplica.cookies.set(name, value);
      const r = await onReplica.post(link.path, { ...form.hidden, ...filled });
      expect(r.status).toBe(200);
    } finally {
      await replica.close();
    }
    const stored = await t.prisma.appSecret.findUniqueOrThrow({ where: { name: CSRF_SECRET_NAME } });
    expect(Buffer.from(stored.value, 'base64')).toHaveLength(32);
  });

  it('uses a __Host- Secure cookie and HSTS when the public URL is https', async () => {
    const secure = await startPages(t, { secure: true });
    try {
      const link = await invitation(t.prisma);
      const res = await fetch(secure.base + link.path);
      expect(res.headers.get('set-cookie')).toMatch(
        /^__Host-sesame-csrf=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Secure$/,
      );
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000');
    } finally {
      await secure.close();
    }
  });
});

describe('rate limits', () => {
  async function limited(options: Parameters<typeof startPages>[1]) {
    // The test says which client each request comes from.
    return startPages(t, { ...options, clientIp: (req) => String(req.headers['x-test-client'] ?? 'none') });
  }

  it('limits failed lookups, not valid links: a guesser behind the same address does not lock out an invitee', async () => {
    const limitedPages = await limited({ limits: { tokenGuesses: { capacity: 3, refillMs: 60_000 } } });
    try {
      const link = await invitation(t.prisma);
      const office = { ...english, 'x-test-client': '203.0.113.7' };
      const guesser = new Visitor(limitedPages.base, office);
      const guess = (i: number) => guesser.get(`${UNKNOWN.slice(0, -2)}${i}A`);
      for (let i = 0; i < 3; i++) expect((await guess(i)).status).toBe(404);
      const blocked = await guess(3);
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      expectPageHeaders(blocked.headers);
      expect(textOf(blocked.html)).toContain('Too many attempts');
      expect((await guesser.get('/accept/not-even-a-token')).status).toBe(429);

      // A colleague behind the same address opens their valid link, and enrolls.
      const colleague = new Visitor(limitedPages.base, office);
      for (let i = 0; i < 3; i++) expect((await colleague.get(link.path)).status).toBe(200);
      const form = await colleague.get(link.path);
      expect((await colleague.post(link.path, { ...form.hidden, ...filled })).status).toBe(200);
      expect(await t.prisma.member.count({ where: { organizationId: link.organization.id, email: link.email } })).toBe(
        1,
      );

      // Guesses from that address stay limited; another address has its own allowance.
      expect((await guess(4)).status).toBe(429);
      const someoneElse = new Visitor(limitedPages.base, { ...english, 'x-test-client': '198.51.100.1' });
      expect((await someoneElse.get(UNKNOWN)).status).toBe(404);
      expect(limitedPages.logs.some((line) => line.includes('"reason":"rate_limited"'))).toBe(true);
    } finally {
      await limitedPages.close();
    }
  });

  it('answers 429 to a client that tried too many first logins', async () => {
    const limitedPages = await limited({ limits: { loginAttempts: { capacity: 2, refillMs: 60_000 } } });
    try {
      const link = await invitation(t.prisma);
      const path = `/first-login?org=${link.organization.id}`;
      const v = new Visitor(limitedPages.base, { ...english, 'x-test-client': '203.0.113.9' });
      const attempt = {
        login: 'someone',
        temporaryPassword: 'guess-1234',
        newPassword: STRONG_PASSWORD,
        passwordConfirmation: STRONG_PASSWORD,
      };
      expect((await v.fill(path, attempt)).status).toBe(422);
      expect((await v.fill(path, attempt)).status).toBe(422);
      const blocked = await v.fill(path, attempt);
      expect(blocked.status).toBe(429);
      expect(textOf(blocked.html)).toContain('Too many attempts');
    } finally {
      await limitedPages.close();
    }
  });
});

describe('requests', () => {
  it('refuses bodies over 16 KiB (413) and bodies that are not a form (415)', async () => {
    const link = await invitation(t.prisma);
    const v = new Visitor(pages.base, english);
    const form = await v.get(link.path);
    const big = await v.post(link.path, { ...form.hidden, ...filled, firstName: 'x'.repeat(17 * 1024) });
    expect(big.status).toBe(413);
    expectPageHeaders(big.headers);
    const json = await fetch(pages.base + link.path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: v.cookieHeader },
      body: JSON.stringify({ ...form.hidden, ...filled }),
    });
    expect(json.status).toBe(415);
    const tooLongField = await v.post(link.path, { ...form.hidden, ...filled, password: 'x'.repeat(2000) });
    expect(tooLongField.status).toBe(400);
    expect(await t.prisma.member.count({ where: { organizationId: link.organization.id, email: link.email } })).toBe(0);
  });

  it('after a 413 on a keep-alive connection, closes it so the next request works on a new one', async () => {
    const link = await invitation(t.prisma);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (method: string, body?: string) =>
      new Promise<{ status: number; connection?: string }>((resolve, reject) => {
        const headers = body ? { 'content-type': 'application/x-www-form-urlencoded' } : {};
        const req = request(`${pages.base}${link.path}`, { method, agent, headers }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
        });
        req.on('error', reject);
        // Chunked: the size is found while reading, not announced.
        if (body) req.write(body);
        req.end();
      });
    try {
      expect((await send('GET')).status).toBe(200);
      expect(await send('POST', `firstName=${'x'.repeat(200 * 1024)}`)).toEqual({ status: 413, connection: 'close' });
      expect((await send('GET')).status).toBe(200);
      expect((await send('GET')).status).toBe(200);
    } finally {
      agent.destroy();
    }
  });

  it('sets the security headers on every page', async () => {
    const link = await invitation(t.prisma);
    const v = new Visitor(pages.base, english);
    const form = await v.get(link.path);
    const pagesToCheck = [
      form,
      await v.get(UNKNOWN),
      await v.post(link.path, { ...form.hidden, ...filled, firstName: '' }),
      await v.get(`/first-login?org=${link.organization.id}`),
      await v.get('/first-login?org=nope'),
      await v.post(link.path, { ...form.hidden, ...filled }),
    ];
    expect(pagesToCheck.map((p) => p.status)).toEqual([200, 404, 422, 200, 404, 200]);
    for (const page of pagesToCheck) expectPageHeaders(page.headers);
  });

  it('serves the stylesheet the pages link to, cached for a year', async () => {
    const link = await invitation(t.prisma);
    const page = await new Visitor(pages.base, english).get(link.path);
    const href = /<link rel="stylesheet" href="([^"]+)">/.exec(page.html)?.[1] ?? '';
    expect(href).toMatch(/^\/assets\/enroll\.css\?v=[0-9a-f]{12}$/);
    const css = await fetch(pages.base + href);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await css.text()).toContain(':focus');
  });

  it('answers an unexpected failure with an error page, logged under the route name only', async () => {
    const link = await invitation(t.prisma);
    const failing: PagesDatabase = {
      read: () => Promise.reject(new Error('database unreachable')),
      end: async () => {},
    };
    const broken = await startPages(t, { pages: failing });
    try {
      const page = await new Visitor(broken.base, english).get(link.path);
      expect(page.status).toBe(500);
      expectPageHeaders(page.headers);
      expect(textOf(page.html)).toContain('Something went wrong');
      expect(page.html).not.toContain('database unreachable');
      expect(broken.logs.join('\n')).toContain('"route":"GET /accept/*"');
      expect(broken.logs.join('\n')).not.toContain(link.token);
    } finally {
      await broken.close();
    }
  });

  it('never writes a token or an e-mail address to the log', async () => {
    const link = await invitation(t.prisma, { mustUseEmail: false });
    const v = new Visitor(pages.base, english);
    await v.get(UNKNOWN);
    await v.post(link.path, { ...filled, csrf: 'forged' });
    await v.fill(link.path, { ...filled, email: 'bad address' });
    await v.fill(link.path, { ...filled, email: 'chosen@example.net' });
    const log = pages.logs.join('\n');
    expect(log).toContain('invitation accepted');
    expect(log).not.toContain(link.token);
    expect(log).not.toContain('AAAAAAAAAAAAAAAAAAAA');
    expect(log).not.toContain('@');
  });
});
