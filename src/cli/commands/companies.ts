// sesame companies [list] | companies add <name> [--parent <name>] | companies secure|unsecure <name>
// | companies move <name> --parent <name|none> | companies remove <name>
import type { Command } from 'commander';

const work = () => import('../actions/companies.js');

const COMPANY_JSON = '{ "id", "name", "path", "secured", "covered", "subsidiaries": [ ... ] }';
const CHANGE_JSON =
  '{ "company": { "id", "name", "path" }, "changed": boolean, "lostCoverage": string[], "gainedCoverage": string[], "suspendedInvitations": n, "resumedInvitations": n, "uncoveredMembers": n }';

export function registerCompanies(program: Command): void {
  const companies = program
    .command('companies')
    .description(
      'partner companies whose people may be invited as external members once secured (owners and administrators)',
    )
    .addHelpText(
      'after',
      `
A company is covered when it, or one of its parent companies at any depth, is secured.
A company is named by its name, or by its path when several share a name ("Groupe JLO/JLO PARIS").

Examples:
  sesame companies add "Groupe JLO"
  sesame companies add "JLO PARIS" --parent "Groupe JLO"
  sesame companies secure "Groupe JLO"
  sesame companies list`,
    )
    .action(async (_options: unknown, command: Command) => (await work()).listCompanyTree(command));

  companies
    .command('list')
    .description('the companies as a tree, with their secured and covered marks')
    .addHelpText('after', `\nJSON output (--json): { "companies": [ ${COMPANY_JSON} ] }`)
    .action(async (_options: unknown, command: Command) => (await work()).listCompanyTree(command));

  companies
    .command('add')
    .description('add a company, at the top level or under a parent company')
    .argument('<name>', "the company's name (unique within its parent)")
    .option('--parent <name>', 'the parent company')
    .addHelpText(
      'after',
      `\nJSON output (--json): { "company": ${COMPANY_JSON.replace(', "subsidiaries": [ ... ]', '')} }`,
    )
    .action(async (name: string, options: { parent?: string }, command: Command) =>
      (await work()).addCompanyNamed(name, options, command),
    );

  for (const [verb, description] of [
    ['secure', 'secure a company: it and all its subsidiaries become covered'],
    ['unsecure', 'stop securing a company: it and its subsidiaries stay covered only through a secured parent'],
  ] as const) {
    companies
      .command(verb)
      .description(description)
      .argument('<name>', 'the company')
      .addHelpText('after', `\nJSON output (--json): ${CHANGE_JSON}`)
      .action(async (name: string, _options: unknown, command: Command) =>
        (await work()).setSecured(name, verb === 'secure', command),
      );
  }

  companies
    .command('move')
    .description('move a company, with its subsidiaries, under another parent (never under itself)')
    .argument('<name>', 'the company')
    .requiredOption('--parent <name|none>', 'the new parent company, or none for the top level')
    .addHelpText('after', `\nJSON output (--json): ${CHANGE_JSON}`)
    .action(async (name: string, options: { parent: string }, command: Command) =>
      (await work()).moveCompanyUnder(name, options, command),
    );

  companies
    .command('remove')
    .description('remove a company that has no subsidiaries')
    .argument('<name>', 'the company')
    .addHelpText('after', `\nJSON output (--json): ${CHANGE_JSON}`)
    .action(async (name: string, _options: unknown, command: Command) =>
      (await work()).removeCompanyNamed(name, command),
    );
}
