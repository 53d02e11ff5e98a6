import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserRequired, ChromiumPathError, findChromium } from './find-chromium.js';

let dir: string;
let fakeBrowser: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sesame-chromium-'));
  fakeBrowser = join(dir, 'chromium');
  await writeFile(fakeBrowser, '');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('finding Chromium for the browser tests', () => {
  const none = join('/nonexistent', 'chromium');

  it('takes CHROMIUM_PATH first, and refuses one that does not exist', () => {
    expect(findChromium({ env: { CHROMIUM_PATH: fakeBrowser }, candidates: [], playwrightPath: () => none })).toBe(
      fakeBrowser,
    );
    expect(() => findChromium({ env: { CHROMIUM_PATH: none }, candidates: [fakeBrowser] })).toThrow(ChromiumPathError);
  });

  it("then Playwright's own browser, then the system paths, and nothing when none exists", () => {
    expect(findChromium({ env: {}, candidates: [none], playwrightPath: () => fakeBrowser })).toBe(fakeBrowser);
    expect(findChromium({ env: {}, candidates: [none, fakeBrowser], playwrightPath: () => none })).toBe(fakeBrowser);
    expect(
      findChromium({
        env: {},
        candidates: [none],
        playwrightPath: () => {
          throw new Error('no browsers installed');
        },
      }),
    ).toBeUndefined();
  });

  it('requires a browser only in CI', () => {
    expect(browserRequired({ CI: 'true' })).toBe(true);
    expect(browserRequired({ CI: '1' })).toBe(true);
    expect(browserRequired({})).toBe(false);
    expect(browserRequired({ CI: 'false' })).toBe(false);
  });
});
