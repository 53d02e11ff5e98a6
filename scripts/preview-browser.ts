// Screenshots of the README's previews (`npm run slack:previews`, `npm run teams:previews`): each
// page drawn in Chromium (found as the browser tests find it: test/support/find-chromium.ts) and
// saved whole as a PNG. A page that throws or logs an error fails the run: a half-drawn preview
// would otherwise land in the README unnoticed. Names given on the command line pick some previews.
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium, HOW_TO_INSTALL_CHROMIUM } from '../test/support/find-chromium.js';

export interface PreviewPage {
  /** The PNG's name, without `.png`. */
  name: string;
  html: string;
  /** The page's width in CSS pixels; its height follows the content. */
  width: number;
}

/** The previews named on the command line (all when none is), refusing a name that is none of them. */
export function chosenPreviews<T>(all: Record<string, T>, names: string[]): [string, T][] {
  const unknown = names.filter((name) => !(name in all));
  if (unknown.length > 0) {
    throw new Error(`No preview named ${unknown.join(', ')}; there are: ${Object.keys(all).join(', ')}`);
  }
  return Object.entries(all).filter(([name]) => names.length === 0 || names.includes(name));
}

/** Writes `<dir>/<name>.png` for each page; false (with a notice) when no Chromium is installed. */
export async function screenshotPreviews(dir: string, pages: PreviewPage[]): Promise<boolean> {
  const executablePath = findChromium();
  if (!executablePath) {
    console.log(`PNG screenshots skipped: no Chromium found. ${HOW_TO_INSTALL_CHROMIUM}`);
    return false;
  }
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  try {
    for (const { name, html, width } of pages) {
      // fullPage grows the height to the content.
      const tab = await browser.newPage({ viewport: { width, height: 100 }, deviceScaleFactor: 1 });
      const problems: string[] = [];
      tab.on('pageerror', (error) => problems.push(error.message));
      tab.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      await tab.setContent(html, { waitUntil: 'load' });
      if (problems.length > 0) throw new Error(`${name}: ${problems.join('; ')}`);
      await tab.screenshot({ path: join(dir, `${name}.png`), type: 'png', fullPage: true });
      await tab.close();
    }
  } finally {
    await browser.close();
  }
  return true;
}
