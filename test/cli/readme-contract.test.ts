// The README's CLI section is the contract (issue 12, item 23): every command it shows exists, the
// commands and options people need are documented, and the people.csv it imports ships with the
// repository.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const readme = await readFile(new URL('README.md', root), 'utf8');

describe('the README and the CLI', () => {
  it.each(['npx sesame add ', 'npx sesame org set ', 'npx sesame webhooks add ', '--any-email'])(
    'documents %s',
    (text) => {
      expect(readme).toContain(text);
    },
  );

  it('ships the people.csv it imports, and points to it', async () => {
    expect(readme).toContain('npx sesame import docs/people.csv');
    const csv = await readFile(new URL('docs/people.csv', root), 'utf8');
    expect(csv.split('\n')[0]).toMatch(/Email|Adresse électronique/);
    expect(csv.trim().split('\n').length).toBeGreaterThan(2);
  });

  it('states the exit codes, bad usage included', () => {
    expect(readme).toMatch(/Exit codes: 0 success, 1 refused \(the reason on stderr\), 2 bad usage/);
  });
});
