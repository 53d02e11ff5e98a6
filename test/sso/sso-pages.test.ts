// The start route's edges: the cookie under https, the accept page's rate limit on unknown links,
// and what is said when enterprise logins cannot be used.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disableProvider } from '../../src/sso/disable-provider.js';
import { textOf } from '../enrollment/support.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { Browser, enterpriseInvitation, organizationWithProvider, type SsoWorld, startSsoWorld } from './support.js';

let t: TestDatabase;
let world: SsoWorld;
beforeAll(async () => {
  t = await createTestDatabase();
  // As behind https (PUBLIC_URL https://...): the pages mark their cookies Secure.
  world = await startSsoWorld(t, { secure: true });
});
afterAll(async () => {
  await world?.close();
  await t?.close();
});

describe('GET /sso/start', { timeout: 60_000 }, () => {
  it('binds the sign-in with a __Host- cookie: Secure, HttpOnly, SameSite=Lax', async () => {
    const { owner } = await organizationWithProvider(t.prisma, world);
    const link = await enterpriseInvitation(t.prisma, owner, 'secure@acme.example');
    const browser = new Browser(world.base);
    const started = await browser.get(`/sso/start?token=${link.token}&lang=en`);
    expect(started.status).toBe(303);
    const location = new URL(started.headers.get('location') ?? '');
    expect(location.href.startsWith(world.provider.issuer)).toBe(true);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('redirect_uri')).toBe(world.callback);
    expect(location.searchParams.get('state')).toBeTruthy();
    expect(location.searchParams.get('nonce')).toBeTruthy();
    const cookie = browser.setCookies.find((line) => line.startsWith('__Host-sesame-sso='));
    expect(cookie).toMatch(/; Path=\/; HttpOnly; SameSite=Lax; Max-Age=600; Secure$/);
  });

  it('limits unknown links like the accept page (429 past 20), and never names the token in the log', async () => {
    const browser = new Browser(world.base);
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const token = `${'A'.repeat(40)}${String(i).padStart(3, '0')}`;
      statuses.push((await browser.get(`/sso/start?token=${token}`)).status);
    }
    expect(statuses.slice(0, 20).every((status) => status === 404)).toBe(true);
    expect(statuses[20]).toBe(429);
    expect(world.logs.join('\n')).not.toContain('A'.repeat(40));
  });

  it('sends an invitation back to its accept page once the provider is turned off, and says so to a sign-in', async () => {
    const { owner } = await organizationWithProvider(t.prisma, world);
    const link = await enterpriseInvitation(t.prisma, owner, 'off@acme.example');
    await disableProvider(t.prisma, owner);
    const started = await new Browser(world.base).get(`/sso/start?token=${link.token}&lang=fr`);
    expect(started.status).toBe(303);
    expect(started.headers.get('location')).toBe(`/accept/${link.token}?lang=fr`);
    const signIn = await new Browser(world.base).get(`/sso/start?org=${owner.organization.id}`);
    expect(signIn.status).toBe(404);
    expect(textOf(await signIn.text())).toContain('Enterprise login is not available');
  });
});
