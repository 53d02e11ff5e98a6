// `npm run brand:previews`: writes docs/brand/*.png, screenshots of a branded invitation e-mail
// and of the branded accept and joined pages, for the README. They are rendered by the templates
// and pages Sesame sends and serves (src/brand/previews.ts, as `sesame org preview` does), for a
// sample organization (Acme Cartography, logo docs/brand/acme-logo.svg, colour #0b6e4f), in
// Chromium (found as the browser tests find it: test/support/find-chromium.ts).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { checkBrandColor } from '../src/brand/contrast.js';
import { checkLogo } from '../src/brand/logo.js';
import { type PreviewInput, renderPreview } from '../src/brand/previews.js';
import { defaultCatalogue } from '../src/organizations/catalogue.js';
import { findChromium, HOW_TO_INSTALL_CHROMIUM } from '../test/support/find-chromium.js';

const dir = join(import.meta.dirname, '..', 'docs', 'brand');
const executablePath = findChromium();
if (!executablePath) {
  console.error(`No Chromium found. ${HOW_TO_INSTALL_CHROMIUM}`);
  process.exit(1);
}
const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  // E-mails show PNG or JPEG logos (most mail clients block SVG): the SVG drawn as a PNG first.
  const svg = await readFile(join(dir, 'acme-logo.svg'), 'utf8');
  const drawing = await browser.newPage({ viewport: { width: 240, height: 48 }, deviceScaleFactor: 2 });
  await drawing.setContent(`<body style="margin:0">${svg}</body>`);
  const png = await drawing.locator('svg').screenshot({ type: 'png', omitBackground: true });
  const logo = checkLogo(png);

  const input: PreviewInput = {
    locale: 'en',
    organization: {
      id: '6f1d2c3b-4a59-4e68-8f7a-9b0c1d2e3f40',
      name: 'acme-prod',
      catalogue: defaultCatalogue,
      invitationLifetimeDays: 14,
    },
    brand: {
      displayName: 'Acme Cartography',
      color: checkBrandColor('#0b6e4f'),
      logo: { type: logo.type, hash: logo.hash },
      sesameFooter: true,
    },
    logo,
    sender: { emailFromName: null, emailReplyTo: null },
    nextStep: { signInUrl: 'https://maps.acme.example/sign-in', gettingStartedUrl: 'https://maps.acme.example/start' },
    inviter: { email: 'jeanne.dupont@acme.example', firstName: 'Jeanne', lastName: 'Dupont' },
    publicUrl: 'https://sesame.acme.example',
    from: { email: 'invitations@acme.example', name: 'Sesame' },
    now: new Date('2026-12-04T10:00:00Z'),
  };
  const shots: [string, string, number][] = [
    ['invitation-email', renderPreview('invitation', input)[1]?.content ?? '', 640],
    ['accept-page', renderPreview('page', input)[0]?.content ?? '', 820],
    ['joined-page', renderPreview('page', input)[1]?.content ?? '', 820],
  ];
  for (const [name, html, width] of shots) {
    const tab = await browser.newPage({ viewport: { width, height: 100 }, deviceScaleFactor: 1 });
    await tab.setContent(html, { waitUntil: 'load' });
    await tab.screenshot({ path: join(dir, `${name}.png`), type: 'png', fullPage: true });
    await tab.close();
  }
  console.log(`Written ${shots.length} screenshots (PNG) to ${dir}`);
} finally {
  await browser.close();
}
