// Issue 12, item 8, the HTTP routes besides the enrollment forms (no-internal-errors.test.ts):
// the enterprise login's start and callback, the brand files, the readiness probe and the
// metrics. Each gets junk (NUL, invalid percent-encoding, huge values, unknown ids, tampered
// sign-ins) and must answer without a 5xx and without internals (internals.ts). The readiness
// probe is also asked while the database fails with a database client's message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.js';
import { createLogger } from '../../src/log/logger.js';
import { enableMetrics, type MetricsEndpoint } from '../../src/metrics/enable-metrics.js';
import { invitation } from '../enrollment/support.js';
import { Browser, organizationWithProvider, type SsoWorld, startSsoWorld } from '../sso/support.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { serveRoutes } from '../support/serve-routes.js';
import { leaksOf, type Probe } from './internals.js';

const UNKNOWN_ID = '4b7a1d2e-8c1f-4d3a-9e2b-5f6a7b8c9d0e';
const long = 'x'.repeat(5000);
/** Not followed: a sign-in that starts redirects to the provider, whose pages are not Sesame's. */
const manual: RequestInit = { redirect: 'manual' };
const log = createLogger('silent');

let t: TestDatabase;
let world: SsoWorld;
const closers: (() => Promise<void> | void)[] = [];
beforeAll(async () => {
  t = await createTestDatabase();
  world = await startSsoWorld(t);
});
afterAll(async () => {
  for (const close of closers) await close();
  await world?.close();
  await t?.close();
});

const expectNoLeaks = (leaks: string[]) => expect(leaks, leaks.join('\n\n')).toEqual([]);

describe('the enterprise login routes with junk', () => {
  it('/sso/start and /sso/callback answer without a 5xx and without internals', async () => {
    const { owner } = await organizationWithProvider(t.prisma, world);
    const org = owner.organization.id;
    const plain = await invitation(t.prisma);
    // A sign-in really started in this browser, whose callback then comes back tampered with.
    const browser = new Browser(world.base);
    const started = await browser.get(`/sso/start?org=${org}`);
    expect(started.status).toBe(303);
    const state = new URL(started.headers.get('location') ?? '').searchParams.get('state') ?? '';
    const signedIn = { headers: { cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } };
    const probes: Probe[] = [
      ['/sso/start'],
      ['/sso/start?token=%00'],
      ['/sso/start?token=%FF%FE'],
      [`/sso/start?token=${long}`],
      [`/sso/start?token=${plain.token}`, manual],
      ['/sso/start?org=%00'],
      ['/sso/start?org=not-a-uuid'],
      [`/sso/start?org=${UNKNOWN_ID}`],
      [`/sso/start?org=${plain.organization.id}`],
      [`/sso/start?org=${org}&lang=%00`, manual],
      ['/sso/start?org=1&org=2&token=3'],
      ['/sso/start', { method: 'POST', body: 'org=x' }],
      ['/sso/callback'],
      ['/sso/callback?code=%00&state=%00'],
      ['/sso/callback?state=x&code=y'],
      [`/sso/callback?state=${long}&code=${long}`],
      ['/sso/callback?error=access_denied&error_description=%3Cscript%3E%00'],
      ['/sso/callback?state=x&code=y', { headers: { cookie: 'sesame-sso=%00%FF; sesame-sso=' } }],
      [`/sso/callback?state=${state}&code=junk&iss=http://evil.example`, signedIn],
      [`/sso/callback?state=${state}&error=server_error&error_description=%00`, signedIn],
      [`/sso/callback?state=${state}&code=junk`, signedIn],
    ];
    expectNoLeaks(await leaksOf(world.base, probes));
  });
});

describe('the brand files with junk', () => {
  it('/brand/<id>/logo and /brand/theme/<colour>.css answer without a 5xx and without internals', async () => {
    const { organization } = await invitation(t.prisma);
    const probes: Probe[] = [
      ['/brand/%00/logo'],
      ['/brand/%FF%FE/logo'],
      [`/brand/${long}/logo`],
      ['/brand/..%2F..%2Fetc%2Fpasswd/logo'],
      [`/brand/${UNKNOWN_ID}/logo`],
      [`/brand/${UNKNOWN_ID.toUpperCase()}/logo?v=%00`],
      [`/brand/${organization.id}/logo`, { headers: { 'if-none-match': '"%00"' } }],
      [`/brand/${organization.id}/logo/extra`],
      ['/brand/theme/zzzzzz.css'],
      ['/brand/theme/%00.css'],
      ['/brand/theme/FFFFFF.css'],
      ['/brand/theme/ffffff.css?%FF'],
      [`/brand/theme/${'f'.repeat(5000)}.css`],
      ['/brand/theme/..%2F..%2Fx.css'],
      ['/brand/'],
      ['/brand/x'],
    ];
    expectNoLeaks(await leaksOf(world.base, probes));
  });
});

describe('the readiness probe', () => {
  it('answers junk requests without internals', async () => {
    const probes: Probe[] = [
      ['/readyz?x=%00'],
      ['/readyz?%FF%FE'],
      [`/readyz?${long}`],
      ['/readyz', { headers: { accept: 'text/html', 'x-forwarded-for': '%00' } }],
    ];
    expectNoLeaks(await leaksOf(world.base, probes));
  });

  it("while the database fails, names the failed check, never the database client's message", async () => {
    const internal = new Error(
      'Invalid `prisma.$queryRawUnsafe()` invocation in\n/app/dist/db/x.js:3:1\n    at async readiness (/app/src/http/readiness.ts:40:5)',
    );
    const failing = { $queryRawUnsafe: () => Promise.reject(internal) } as unknown as Db;
    const server = await serveRoutes(failing, log, {});
    closers.push(() => server.close());
    const res = await fetch(`${server.base}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'not ready', failed: ['database'] });
    expectNoLeaks(await leaksOf(server.base, [['/readyz']], (status) => status === 503));
  });
});

describe('the metrics', () => {
  const TOKEN = 'metrics-token-for-the-edges-0123456789';
  let endpoint: MetricsEndpoint;
  let base: string;
  beforeAll(async () => {
    endpoint = await enableMetrics({ token: TOKEN, db: t.prisma, log });
    closers.push(() => endpoint.stop());
    const server = await serveRoutes(t.prisma, log, { 'GET /metrics': endpoint.route });
    closers.push(() => server.close());
    base = server.base;
  });

  it('answer without the token, with junk tokens and with the token, never with internals', async () => {
    const as = (authorization: string): RequestInit => ({ headers: { authorization } });
    const probes: Probe[] = [
      ['/metrics'],
      ['/metrics?x=%00'],
      ['/metrics', as('Bearer wrong')],
      ['/metrics', as('Bearer ')],
      ['/metrics', as(`Bearer ${long}`)],
      ['/metrics', as(`Basic ${TOKEN}`)],
      ['/metrics', as(`Bearer ${TOKEN}\u00ff`)],
      ['/metrics', as(`Bearer ${TOKEN}`)],
      [`/metrics?${long}`, as(`Bearer ${TOKEN}`)],
    ];
    expectNoLeaks(await leaksOf(base, probes));
    // The bearer of the token got the numbers (the battery above read them).
    const scraped = await fetch(`${base}/metrics`, as(`Bearer ${TOKEN}`));
    expect(await scraped.text()).toContain('sesame_');
  });
});
