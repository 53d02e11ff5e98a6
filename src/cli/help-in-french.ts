// `sesame --help` in French (--lang fr, or a French terminal). The command files keep one
// English definition each; help-in-french-catalogue.ts gives their French words, keyed by where
// they are, and this file puts them in place. JSON shapes, examples and option names are not
// translated. test/cli/help-in-french.test.ts fails when a description or a prose line has no
// French in the catalogue, so a new option cannot ship English-only; at run time a missing entry
// stays in English rather than failing.
import type { EventEmitter } from 'node:events';
import type { Argument, Command, Option } from 'commander';
import { afterLines, descriptions, helpCommandText, helpOptionText, titles } from './help-in-french-catalogue.js';

/** French spacing: a non-breaking space before : ; ? ! » and after «. */
function typeset(text: string): string {
  return text.replace(/ ([:;?!»])/g, '\u00a0$1').replace(/« /g, '«\u00a0');
}

const keyOf = (path: string, part: string) => (path ? `${path} ${part}` : ` ${part}`);

/** A prose line: not blank, not an indented JSON shape, example command or shell line. */
export function isProseLine(line: string): boolean {
  return line.trim() !== '' && !/^\s+([{"([]|sesame |mkdir )/.test(line);
}

/** A prose line may end with a JSON shape ("JSON output (--json): { ... }"): only its prose is translated. */
function splitShape(line: string): { prose: string; shape: string } {
  const split = /^([^{]*:)( \{.*)$/.exec(line);
  return split ? { prose: split[1] as string, shape: split[2] as string } : { prose: line, shape: '' };
}

function frenchLine(line: string): string | undefined {
  const { prose, shape } = splitShape(line);
  const french = afterLines[prose];
  return french === undefined ? undefined : typeset(french) + shape;
}

/** Every place of the command tree: its key and its English text (for the completeness test). */
export function helpPlaces(program: Command): { key: string; english: string }[] {
  const places: { key: string; english: string }[] = [];
  const walk = (command: Command, path: string) => {
    places.push({ key: path, english: command.description() });
    for (const argument of command.registeredArguments) {
      if (argument.description)
        places.push({ key: keyOf(path, `<${argument.name()}>`), english: argument.description });
    }
    for (const option of command.options)
      places.push({ key: keyOf(path, option.long ?? option.short ?? ''), english: option.description });
    for (const line of afterHelpOf(command).split('\n').filter(isProseLine))
      places.push({ key: '(after)', english: splitShape(line).prose });
    for (const sub of command.commands) walk(sub, path ? `${path} ${sub.name()}` : sub.name());
  };
  walk(program, '');
  return places;
}

/** The French for one place, or undefined when the catalogue has none. */
export function frenchFor(place: { key: string; english: string }): string | undefined {
  return place.key === '(after)' ? afterLines[place.english] : descriptions[place.key];
}

type HelpListener = (context: { error: boolean; command: Command; write: (text: string) => void }) => void;

/** commander's Command is an EventEmitter at run time; its types say less. */
const events = (command: Command) => command as unknown as EventEmitter;

function afterHelpOf(command: Command): string {
  let text = '';
  for (const listener of events(command).listeners('afterHelp') as HelpListener[]) {
    listener({ error: false, command, write: (chunk) => (text += chunk) });
  }
  return text;
}

/** Puts the French words on every command, argument and option, and in the texts after them. */
export function translateHelpToFrench(program: Command): void {
  const walk = (command: Command, path: string) => {
    const own = descriptions[path];
    if (own) command.description(typeset(own));
    // Each argument and option with French, and its English as defined.
    const parts = [
      ...(command.registeredArguments as Argument[]).map((part) => ({ part, key: `<${part.name()}>` })),
      ...(command.options as Option[]).map((part) => ({ part, key: part.long ?? part.short ?? '' })),
    ].flatMap(({ part, key }) => {
      const french = descriptions[keyOf(path, key)];
      return french ? [{ part, english: part.description ?? '', french }] : [];
    });
    // A command may complete a description just before its help (`jobs run` and `webhooks add`
    // append the list of values to "the job" and "an event to send"): listeners run in order,
    // so this one, added last, puts the French back and keeps what was appended.
    const translateParts = () => {
      for (const { part, english, french } of parts) {
        const appended = part.description?.startsWith(english) ? part.description.slice(english.length) : '';
        part.description = typeset(`${french}${appended.replace(/^: /, ' : ')}`);
      }
    };
    translateParts();
    command.on('beforeHelp', translateParts);
    const after = afterHelpOf(command);
    if (after) {
      const french = after
        .split('\n')
        .map((line) => (isProseLine(line) ? (frenchLine(line) ?? line) : line))
        .join('\n');
      events(command).removeAllListeners('afterHelp');
      command.on('afterHelp', (context: { write: (text: string) => void }) => context.write(french));
    }
    command.helpOption('-h, --help', helpOptionText);
    if (command.commands.length > 0) command.helpCommand('help [command]', helpCommandText);
    for (const sub of command.commands) walk(sub, path ? `${path} ${sub.name()}` : sub.name());
  };
  walk(program, '');
}

/** Section titles in French (used by the help formatter when the help is French). */
export function frenchTitle(title: string): string {
  return titles[title] ? typeset(titles[title]) : title;
}
