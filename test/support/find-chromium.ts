// Where the browser tests find Chromium: CHROMIUM_PATH when set, else the browser Playwright
// installed for this playwright-core (`npx playwright install chromium`, where it can download),
// else the usual system paths (Debian's and Ubuntu's packages, Chrome, macOS applications).
// Without one, the browser tests skip with a notice on a developer's machine, and fail in CI
// (CI=true), where .ci/run installs Debian's chromium.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const SYSTEM_CHROMIUM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export const HOW_TO_INSTALL_CHROMIUM =
  'Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`; elsewhere: `npx playwright install chromium`), or point CHROMIUM_PATH at a Chromium or Chrome executable.';

export class ChromiumPathError extends Error {}

export function findChromium(
  options: { env?: NodeJS.ProcessEnv; candidates?: string[]; playwrightPath?: () => string } = {},
): string | undefined {
  const env = options.env ?? process.env;
  const explicit = env.CHROMIUM_PATH?.trim();
  if (explicit) {
    // Asked for by name: a wrong path is a mistake to report, not a reason to look elsewhere.
    if (!existsSync(explicit)) throw new ChromiumPathError(`CHROMIUM_PATH is ${explicit}, which does not exist.`);
    return explicit;
  }
  const playwright = safely(options.playwrightPath ?? (() => chromium.executablePath()));
  const candidates = [...(playwright ? [playwright] : []), ...(options.candidates ?? SYSTEM_CHROMIUM_PATHS)];
  return candidates.find((path) => existsSync(path));
}

/** True where a missing browser must fail the run instead of skipping (CI=true, as CI services set). */
export const browserRequired = (env: NodeJS.ProcessEnv = process.env): boolean =>
  ['true', '1'].includes((env.CI ?? '').toLowerCase());

function safely(path: () => string): string | undefined {
  try {
    return path() || undefined;
  } catch {
    return undefined;
  }
}
