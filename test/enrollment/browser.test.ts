// The accept page in a real browser: Chromium driven by playwright-core, with JavaScript turned
// off (the pages must work without it). The browser is found as test/support/find-chromium.ts
// says; without one, this file is skipped with a loud notice on a developer's machine and fails
// in CI (CI=true: .ci/run installs Debian's chromium).
//
// ENROLLMENT_SCREENSHOTS=docs npx vitest run test/enrollment/browser.test.ts
// also saves docs/enrollment-fr.png (the French form) and docs/enrollment-errors.png (its errors).
//
// The branded pages are also checked with axe-core (Deque's accessibility rules engine, injected
// into the page in a context of their own that runs scripts and sets the pages' CSP aside for
// it), at a desktop and a phone width.
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setBrand } from '../../src/organizations/brand.js';
import { updateOrganizationSetting } from '../../src/organizations/update-setting.js';
import { SAMPLE_SVG } from '../brand/samples.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { browserRequired, findChromium, HOW_TO_INSTALL_CHROMIUM } from '../support/find-chromium.js';
import { invitation, type Pages, STRONG_PASSWORD, startPages } from './support.js';

// The callbacks given to evaluate() run in the page, where these exist (the project's types have no DOM).
declare const document: { activeElement: unknown };
declare function getComputedStyle(element: unknown): { backgroundColor: string };
declare const axe: { run(): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> };

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WIDTHS = [
  { width: 1280, height: 900 },
  { width: 375, height: 800 },
];

const CHROMIUM = findChromium();
if (!CHROMIUM && !browserRequired()) {
  console.warn(
    `\n!!! SKIPPED test/enrollment/browser.test.ts: no Chromium found, so the enrollment pages were NOT tested in a real browser.\n!!! ${HOW_TO_INSTALL_CHROMIUM}\n`,
  );
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
const screenshots = process.env.ENROLLMENT_SCREENSHOTS;

let t: TestDatabase;
let pages: Pages;
let browser: Browser;
beforeAll(async () => {
  if (!CHROMIUM)
    throw new Error(`No Chromium found, and CI=true requires the browser tests. ${HOW_TO_INSTALL_CHROMIUM}`);
  t = await createTestDatabase();
  pages = await startPages(t);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  if (screenshots) await mkdir(screenshots, { recursive: true });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await pages?.close();
  await t?.close();
});

describe.skipIf(!CHROMIUM && !browserRequired())('the accept page in Chromium', () => {
  it('shows a weak password’s error next to the field, then enrolls once it is fixed', {
    timeout: 90_000,
  }, async () => {
    const link = await invitation(t.prisma, {
      locale: 'fr',
      usesUsernames: true,
      mustUseEmail: false,
      firstName: 'Léa',
      lastName: 'Martin',
      role: 'Data Editor',
      email: 'lea.martin@example.org',
    });
    // A name as a person would see it (fixtures name organizations "Org <random>").
    const organizationName = 'Atelier Géomatique';
    await t.prisma.organization.update({ where: { id: link.organization.id }, data: { name: organizationName } });
    const context = await browser.newContext({
      javaScriptEnabled: false,
      locale: 'fr-FR',
      viewport: { width: 900, height: 1000 },
    });
    const page = await context.newPage();
    const problems: string[] = [];
    // CSP violations and failed loads show up here; the form's own 422 answer is expected.
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().includes('status of 422')) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    try {
      const opened = await page.goto(pages.base + link.path);
      expect(opened?.status()).toBe(200);
      expect(await page.locator('h1').textContent()).toBe(`Rejoindre ${organizationName}`);
      expect(await page.locator('#firstName').inputValue()).toBe('Léa');
      // The stylesheet is applied (CSP allows it): the button has the accent colour.
      expect(await page.locator('button[type=submit]').evaluate((b) => getComputedStyle(b).backgroundColor)).toBe(
        'rgb(29, 78, 216)',
      );
      if (screenshots) await page.screenshot({ path: join(screenshots, 'enrollment-fr.png'), fullPage: true });

      await page.getByLabel("Nom d'utilisateur").fill('lea.martin');
      await page.getByLabel('Mot de passe', { exact: true }).fill('motdepasse1');
      await page.getByLabel('Confirmez le mot de passe').fill('motdepasse1');
      const [rejected] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.getByRole('button', { name: 'Créer mon compte' }).click(),
      ]);
      expect(rejected.status()).toBe(422);
      await page.waitForLoadState('load');

      const error = page.locator('#password-error');
      expect(await error.textContent()).toContain('Ce mot de passe est trop courant');
      // Next to its field: inside the same field block, named by the input's aria-describedby.
      expect(
        await page
          .locator('.field.invalid')
          .filter({ has: page.locator('#password') })
          .locator('#password-error')
          .count(),
      ).toBe(1);
      expect(await page.locator('#password').getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#password').getAttribute('aria-describedby')).toBe('password-hint password-error');
      expect(await page.locator('#password').inputValue()).toBe('');
      expect(await page.locator('#username').inputValue()).toBe('lea.martin');
      // The summary took the focus without any script, and links to the field.
      expect(await page.locator('.error-summary').evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await page.locator('.error-summary a[href="#password"]').textContent()).toContain('trop courant');
      if (screenshots) await page.screenshot({ path: join(screenshots, 'enrollment-errors.png'), fullPage: true });

      await page.locator('.error-summary a[href="#password"]').click();
      await page.getByLabel('Mot de passe', { exact: true }).fill(STRONG_PASSWORD);
      await page.getByLabel('Confirmez le mot de passe').fill(STRONG_PASSWORD);
      await Promise.all([
        page.waitForURL(/\/accept\//),
        page.getByRole('button', { name: 'Créer mon compte' }).click(),
      ]);
      await page.waitForLoadState('load');
      expect(await page.locator('h1').textContent()).toBe(`Vous avez rejoint ${organizationName}`);
      expect(await page.locator('.username').textContent()).toBe('lea.martin');

      const member = await t.prisma.member.findFirstOrThrow({
        where: { organizationId: link.organization.id, username: 'lea.martin' },
      });
      expect(member).toMatchObject({
        status: 'ACTIVE',
        email: link.email,
        firstName: 'Léa',
        lastName: 'Martin',
        role: 'data_editor',
      });
      expect(await t.prisma.invitation.findUniqueOrThrow({ where: { id: link.invitationId } })).toMatchObject({
        status: 'ACCEPTED',
        memberId: member.id,
      });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows the organization’s brand, passes axe-core at desktop and phone widths, and enrolls without JavaScript', {
    timeout: 120_000,
  }, async () => {
    const link = await invitation(t.prisma, { locale: 'en', firstName: 'Sam', lastName: 'Lee', username: 'sam.lee' });
    await setBrand(t.prisma, link.owner, {
      logo: Buffer.from(SAMPLE_SVG),
      color: '#0b6e4f',
      displayName: 'Acme Cartography',
    });
    await updateOrganizationSetting(t.prisma, link.owner, 'sign-in-url', 'https://app.acme.example/login');

    // Without JavaScript, as an invitee with scripts off: the brand is drawn, the form works.
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: WIDTHS[0] });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    try {
      expect((await page.goto(pages.base + link.path))?.status()).toBe(200);
      expect(await page.locator('h1').textContent()).toBe('Join Acme Cartography');
      // The logo loaded (CSP allows it) and the theme painted the button.
      expect(
        await page.locator('img.brand-logo').evaluate((img) => (img as { naturalWidth: number }).naturalWidth),
      ).toBeGreaterThan(0);
      expect(await page.locator('button[type=submit]').evaluate((b) => getComputedStyle(b).backgroundColor)).toBe(
        'rgb(11, 110, 79)',
      );
      expect(await page.locator('.fixed-email .username').textContent()).toBe('sam.lee');
      await page.getByLabel('Password', { exact: true }).fill(STRONG_PASSWORD);
      await page.getByLabel('Confirm the password').fill(STRONG_PASSWORD);
      await Promise.all([
        page.waitForURL(/\/accept\//),
        page.getByRole('button', { name: 'Create my account' }).click(),
      ]);
      await page.waitForLoadState('load');
      expect(await page.getByRole('link', { name: 'Sign in to Acme Cartography' }).getAttribute('href')).toBe(
        'https://app.acme.example/login',
      );
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }

    // axe-core on a branded form page (a new invitation of the same organization) at both widths.
    const other = await invitation(t.prisma, { locale: 'fr' });
    await t.prisma.invitation.update({
      where: { id: other.invitationId },
      data: { organizationId: link.organization.id },
    });
    for (const viewport of WIDTHS) {
      const checked = await browser.newContext({ bypassCSP: true, viewport, locale: 'fr-FR' });
      try {
        const axePage = await checked.newPage();
        await axePage.goto(pages.base + link.path.replace(link.token, other.token));
        expect(await axePage.locator('h1').textContent()).toBe('Rejoindre Acme Cartography');
        await axePage.addScriptTag({ content: AXE_SOURCE });
        const violations = await axePage.evaluate(async () =>
          (await axe.run()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        );
        expect(violations, `${viewport.width}px`).toEqual([]);
        if (screenshots && viewport.width < 500) {
          await axePage.screenshot({ path: join(screenshots, 'enrollment-branded-phone.png'), fullPage: true });
        }
      } finally {
        await checked.close();
      }
    }
  });
});
