// `sesame --help` speaks French when asked (--lang fr): every description, argument, option and
// prose line after a command's help has its French in src/cli/help-in-french-catalogue.ts. Adding an
// option or a help line without its French fails here.
import type { EventEmitter } from 'node:events';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';

// The compiled CLI (built by the global setup), as `sesame` runs it: `jobs run` loads its job
// list synchronously from the compiled modules.
const { frenchFor, helpPlaces } = (await import(
  new URL('../../dist/cli/help-in-french.js', import.meta.url).href
)) as typeof import('../../src/cli/help-in-french.js');
const { buildProgram } = (await import(
  new URL('../../dist/cli/program.js', import.meta.url).href
)) as typeof import('../../src/cli/program.js');

function helpOf(program: Command, path: string[]): string {
  let command = program;
  for (const name of path) command = command.commands.find((sub) => sub.name() === name) as Command;
  (command as unknown as EventEmitter).emit('beforeHelp', { error: false, command });
  let text = command.helpInformation();
  const listeners = (command as unknown as EventEmitter).listeners('afterHelp') as ((context: object) => void)[];
  for (const listener of listeners) listener({ error: false, command, write: (chunk: string) => (text += chunk) });
  return text;
}

const allCommands = (program: Command, path: string[] = []): string[][] =>
  program.commands.flatMap((sub) => [[...path, sub.name()], ...allCommands(sub, [...path, sub.name()])]);

describe('sesame --help in French', () => {
  it('has French for every description, argument, option and prose line of the command tree', () => {
    const missing = helpPlaces(buildProgram(['node', 'sesame']))
      .filter((place) => place.english.trim() !== '' && frenchFor(place) === undefined)
      .map((place) => `${place.key}: ${place.english}`);
    expect(missing).toEqual([]);
  });

  it('shows no English description and French titles with --lang fr, and stays English without it', () => {
    const english = buildProgram(['node', 'sesame']);
    const french = buildProgram(['node', 'sesame', '--lang', 'fr']);
    const englishPlaces = helpPlaces(english).filter((place) => place.english.trim() !== '');
    for (const path of [[], ...allCommands(french)]) {
      const text = helpOf(french, path);
      expect(text).toMatch(/^Utilisation\u00a0: sesame/);
      expect(text).not.toMatch(/^(Usage|Options|Commands|Arguments):/m);
      expect(text).not.toContain('display help for command');
      for (const place of englishPlaces) {
        // Single words (e.g. "prénom") and shapes may legitimately appear in both languages.
        if (place.english.split(' ').length > 3) expect(text, path.join(' ')).not.toContain(place.english);
      }
    }
    expect(helpOf(english, ['invite'])).toContain('invite one or more people by e-mail');
    expect(helpOf(french, ['invite'])).toContain('inviter une ou plusieurs personnes par e-mail');
  });
});
