// Issue 11, item 3: every Adaptive Card the tests produce goes through Microsoft's validators. A
// test file that starts the Teams harness (test/teams/support.ts) or the fake Bot Connector
// (test/support/fake-teams.ts) must call checkCardsAfterEach, so that no new file's cards escape it.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const testRoot = resolve(import.meta.dirname, '..');
const harnessModules = ['teams/support', 'support/fake-teams'].map((m) => join(testRoot, m));

/** True when the source imports the Teams harness or the fake Teams and starts one. */
function startsTeams(file: string, source: string): boolean {
  const imported = [...source.matchAll(/from\s+'(\.{1,2}\/[^']+)'/g)].map(([, specifier]) =>
    resolve(dirname(file), (specifier ?? '').replace(/\.js$/, '')),
  );
  return imported.some((m) => harnessModules.includes(m)) && /\b(startTeams|startFakeTeams)\(/.test(source);
}

/** True when the source registers the card check (a call, not only the import). */
const checksCards = (source: string) => /\bcheckCardsAfterEach\(/.test(source);

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the card check covers every test file that starts Teams', () => {
  const files = testFiles(testRoot).map((file) => ({ file, source: readFileSync(file, 'utf8') }));
  const starting = files.filter(({ file, source }) => startsTeams(file, source));

  it('finds the files that start Teams (the scan itself works)', () => {
    expect(starting.length).toBeGreaterThanOrEqual(20);
    expect(starting.map(({ file }) => relative(testRoot, file))).toContain(join('teams', 'bot.test.ts'));
  });

  it('finds checkCardsAfterEach in each of them', () => {
    const missing = starting.filter(({ source }) => !checksCards(source)).map(({ file }) => relative(testRoot, file));
    expect(missing).toEqual([]);
  });

  it('tells a file that starts Teams without the check from one with it or one without Teams', () => {
    const file = join(testRoot, 'edges', 'some.test.ts');
    // Built from parts, so that this file's own text is not taken for a file that starts Teams.
    const source = (module: string, names: string, body: string) => `import { ${names} } from '${module}';\n${body}`;
    const withoutCheck = source('../teams/support.js', 'post, startTeams', 'h = await startTeams(t);');
    const withCheck = source(
      '../teams/support.js',
      'checkCardsAfterEach, post, startTeams',
      'h = await startTeams(t);',
    );
    expect(startsTeams(file, withoutCheck) && !checksCards(withoutCheck)).toBe(true);
    expect(checksCards(withCheck)).toBe(false);
    expect(checksCards(`${withCheck}\ncheckCardsAfterEach(() => h);`)).toBe(true);
    expect(startsTeams(file, source('../support/fake-teams.js', 'startFakeTeams', 'startFakeTeams();'))).toBe(true);
    // Another folder's support.ts is not the Teams harness.
    expect(startsTeams(file, source('./support.js', 'startTeams', 'startTeams();'))).toBe(false);
  });
});
