// The `sesame` command tree. Each command is defined in src/cli/commands/ (its arguments, their
// checks and its help) and does its work in src/cli/actions/, imported only when it runs: a thin
// adapter that calls one domain function and renders the result. `sesame --help` (and a bad
// usage) loads no domain module, no database driver and no zod.
import { readFileSync } from 'node:fs';
import { type Argument, Command, Help, Option } from 'commander';
import { registerAdd } from './commands/add.js';
import { registerAudit } from './commands/audit.js';
import { registerBackup } from './commands/backup.js';
import { registerSlack, registerTeams } from './commands/chat-links.js';
import { registerCompanies } from './commands/companies.js';
import { registerDigest } from './commands/digest.js';
import { registerImport } from './commands/import.js';
import { registerInvitations } from './commands/invitations.js';
import { registerInvite } from './commands/invite.js';
import { registerInviteRequests } from './commands/invite-requests.js';
import { registerJobs } from './commands/jobs.js';
import { registerLicences } from './commands/licences.js';
import { registerMembers } from './commands/members.js';
import { registerMigrate } from './commands/migrate.js';
import { registerOrg } from './commands/org.js';
import { registerSeats } from './commands/seats.js';
import { registerSso } from './commands/sso.js';
import { registerStatus } from './commands/status.js';
import { registerWebhooks } from './commands/webhooks.js';
import { frenchTitle, translateHelpToFrench } from './help-in-french.js';
import { frenchUsage, usageLocale, usageTexts } from './usage-language.js';
import { lang } from './values.js';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const describeOption = Help.prototype.optionDescription;
const describeArgument = Help.prototype.argumentDescription;

export function buildProgram(argv: readonly string[] = process.argv): Command {
  const locale = usageLocale(argv);
  const words = usageTexts[locale];
  const program = new Command('sesame')
    .description('Sesame from the command line: invite members into an organization, within its seats.')
    .version(version, '-V, --version')
    .addOption(new Option('--org <id|name>', 'the organization to work in (needed when several exist)'))
    .addOption(new Option('--as <e-mail>', 'act as this member (default: the owner)'))
    .addOption(new Option('--json', "machine-readable output on stdout (shapes in each command's help)"))
    .addOption(
      new Option('--lang <fr|en>', "language of the output (default: the organization's, else LANG)").argParser(lang),
    )
    // Set before the commands are added: commander copies these settings into each of them.
    .exitOverride()
    .configureHelp({
      showGlobalOptions: true,
      // commander shows nothing for a required option: say it beside its description.
      optionDescription(this: Help, option: Option) {
        const english = describeOption.call(this, option);
        // commander appends "(default: ...)" itself.
        const description = locale === 'fr' ? english.replace('(default: ', '(par défaut\u00a0: ') : english;
        return option.mandatory ? `${description} ${words.required}` : description;
      },
      // ... and "(choices: ...)" to an argument's.
      argumentDescription(this: Help, argument: Argument) {
        const english = describeArgument.call(this, argument);
        return locale === 'fr' ? english.replace('(choices: ', '(valeurs\u00a0: ') : english;
      },
      styleTitle: (title: string) => (locale === 'fr' ? frenchTitle(title) : title),
    })
    .configureOutput({ outputError: (text, write) => write(locale === 'fr' ? frenchUsage(text) : text) })
    .showHelpAfterError(words.helpAfterError)
    .addHelpText(
      'after',
      `
Exit codes: 0 success; 1 refused (the reason is on stderr, in the organization's language) or failed;
2 bad usage (unknown command or option, invalid value, invalid configuration).
With --json, a refusal also prints { "error": { "code", "kind", "message" } } on stdout.

The database: the embedded one in DATA_DIR (default ./data), or PostgreSQL when DATABASE_URL is set
(.env is read). When \`npm start\` runs on the same DATA_DIR, the CLI connects to it. Pending
migrations are applied before each command.

Examples:
  sesame org create --name "Acme" --seats 25 --owner alice@acme.example --locale fr
  sesame invite bob@acme.example carol@acme.example --role "Data Editor" --type Editor
  sesame import docs/people.csv --dry-run
  sesame pending --status pending --expiring 3
  sesame requests approve <id> --as manager@acme.example`,
    );

  registerOrg(program);
  registerInvite(program);
  registerAdd(program);
  registerImport(program);
  registerInvitations(program);
  registerStatus(program);
  registerDigest(program);
  registerSeats(program);
  registerInviteRequests(program);
  registerMembers(program);
  registerAudit(program);
  registerCompanies(program);
  registerLicences(program);
  registerWebhooks(program);
  registerSso(program);
  registerSlack(program);
  registerTeams(program);
  registerJobs(program);
  registerMigrate(program);
  registerBackup(program);
  if (locale === 'fr') translateHelpToFrench(program);
  return program;
}
