// sesame licences [list] | licences add <key> --name-en --name-fr --user-types [--owned <n>|--unlimited]
// | licences set <key> ... | licences remove <key>
import type { Command } from 'commander';
import { list, nonEmpty } from '../values.js';

const work = () => import('../actions/licences.js');

export interface LicenceOptions {
  nameEn?: string;
  nameFr?: string;
  userTypes?: string[];
  owned?: string;
  unlimited?: boolean;
}

const LICENCE_JSON = '{ "key", "names": { "en", "fr" }, "userTypes": [string], "owned": n | null, "used": n }';

export function registerLicences(program: Command): void {
  const licences = program
    .command('licences')
    .description("the organization's add-on licences, with how many are used (owners and administrators)")
    .addHelpText(
      'after',
      `
A licence is used by the members who hold it and reserved by the open invitations that carry it.
It is assigned with \`sesame invite|add ... --licences <key,key>\` or an import's Licences column.

Examples:
  sesame licences add insights --name-en "Insights for ArcGIS" --name-fr "Insights pour ArcGIS" --user-types creator --owned 5
  sesame licences set insights --owned 10
  sesame licences`,
    )
    .action(async (_options: unknown, command: Command) => (await work()).listAll(command));

  licences
    .command('list')
    .description('the licences, their compatible user types, and used of owned')
    .addHelpText('after', `\nJSON output (--json): { "licences": [ ${LICENCE_JSON} ] }`)
    .action(async (_options: unknown, command: Command) => (await work()).listAll(command));

  const withFields = (sub: Command) =>
    sub
      .option('--name-en <name>', 'its English name', nonEmpty)
      .option('--name-fr <name>', 'its French name', nonEmpty)
      .option('--user-types <types>', 'the user types it suits, separated by commas', list(nonEmpty))
      .option('--owned <n>', 'how many the organization owns')
      .option('--unlimited', 'the organization owns as many as it needs')
      .addHelpText('after', `\nJSON output (--json): { "licence": ${LICENCE_JSON} }`);

  withFields(
    licences
      .command('add')
      .description('add a licence to the catalogue (--name-en, --name-fr, --user-types and --owned or --unlimited)')
      .argument('<key>', 'its key: lower-case letters, digits, - or _'),
  ).action(async (key: string, options: LicenceOptions, command: Command) => (await work()).add(key, options, command));

  withFields(
    licences
      .command('set')
      .description('change what is given of a licence (the number owned never below the number used)')
      .argument('<key>', 'the licence'),
  ).action(async (key: string, options: LicenceOptions, command: Command) => (await work()).set(key, options, command));

  licences
    .command('remove')
    .description('remove a licence that nobody holds and no open invitation carries')
    .argument('<key>', 'the licence')
    .addHelpText('after', '\nJSON output (--json): { "removed": { "key" } }')
    .action(async (key: string, _options: unknown, command: Command) => (await work()).remove(key, command));
}
