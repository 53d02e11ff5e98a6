// The enterprise invitation in real Chromium: the accept page, "Continue with Acme SSO", the
// provider's sign-in form, and back to Sesame with the member active. The provider is a real
// oidc-provider on loopback.
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { browserRequired, findChromium, HOW_TO_INSTALL_CHROMIUM } from '../support/find-chromium.js';
import { enterpriseInvitation, organizationWithProvider, type SsoWorld, startSsoWorld } from './support.js';

const CHROMIUM = findChromium();
if (!CHROMIUM && !browserRequired()) {
  console.warn(`\n!!! SKIPPED test/sso/browser.test.ts: no Chromium found. ${HOW_TO_INSTALL_CHROMIUM}\n`);
}
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let t: TestDatabase;
let world: SsoWorld;
let browser: Browser;
beforeAll(async () => {
  if (!CHROMIUM)
    throw new Error(`No Chromium found, and CI=true requires the browser tests. ${HOW_TO_INSTALL_CHROMIUM}`);
  t = await createTestDatabase();
  world = await startSsoWorld(t);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await world?.close();
  await t?.close();
});

describe.skipIf(!CHROMIUM && !browserRequired())('an enterprise invitation in Chromium', () => {
  it('is accepted through the provider: the invitee ends on "You joined" and is an active member', {
    timeout: 90_000,
  }, async () => {
    const { owner } = await organizationWithProvider(t.prisma, world);
    const login = 'ana.lima';
    const email = 'ana.lima@acme.example';
    world.provider.accounts.set(login, { email, email_verified: true, given_name: 'Ana', family_name: 'Lima' });
    const link = await enterpriseInvitation(t.prisma, owner, email);

    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(world.base + link.path);
    await page.getByRole('link', { name: 'Continue with Acme SSO' }).click();
    // The provider's own sign-in form (oidc-provider's development interactions).
    await page.waitForURL((url) => url.href.startsWith(world.provider.issuer));
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any password');
    await page.locator('button[type="submit"]').click();
    // Consent, when the provider asks for it.
    await page.waitForURL((url) => url.href.startsWith(world.base) || url.pathname.startsWith('/interaction/'));
    if (!page.url().startsWith(world.base)) await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.href.startsWith(`${world.base}/sso/callback`));
    await expect.poll(() => page.locator('h1').textContent()).toBe(`You joined ${owner.organization.name}`);
    await context.close();

    const member = await t.prisma.member.findFirstOrThrow({ where: { organizationId: owner.organization.id, email } });
    expect(member).toMatchObject({ status: 'ACTIVE', passwordHash: null, enterpriseSubject: login });
  });
});
