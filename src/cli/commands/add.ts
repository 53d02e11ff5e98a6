// sesame add <e-mail> --first-name --last-name --password | --enterprise-id
import type { Command } from 'commander';
import { list, nonEmpty } from '../values.js';
import { ENTERPRISE_ID_WARNING } from './sso.js';

const work = () => import('../actions/add.js');

export interface AddOptions {
  firstName: string;
  lastName: string;
  /** Required unless --enterprise-id is given (checked before the work runs). */
  password?: string;
  enterpriseId?: string;
  username?: string;
  role?: string;
  type?: string;
  external?: boolean;
  company?: string;
  licences?: string[];
  credits?: string;
  memberLanguage?: string;
}

export function registerAdd(program: Command): void {
  program
    .command('add')
    .description('add a member directly, without an invitation, with a temporary password (owners and administrators)')
    .argument('<e-mail>', "the member's e-mail address")
    .requiredOption('--first-name <name>', 'first name', nonEmpty)
    .requiredOption('--last-name <name>', 'last name', nonEmpty)
    .option(
      '--password <password>',
      'the temporary password, changed at first login; "-" reads it from the first line of standard input',
    )
    .option(
      '--enterprise-id <id>',
      'instead of a password: the enterprise ID the member signs in with (an identity provider must be configured)',
      nonEmpty,
    )
    .option('--username <username>', 'username (default: derived from the e-mail)')
    .option('--role <role>', "role (default: the organization's default role)")
    .option('--type <user type>', 'user type (default: the first one that allows the role)')
    .option('--external', 'a person of a partner company, on the external seats (needs --company)')
    .option('--company <name>', 'the partner company they belong to: it must be secured, or a parent of it')
    .option(
      '--licences <keys>',
      'add-on licences to assign, separated by commas (see `sesame licences`)',
      list(nonEmpty),
    )
    .option('--credits <n|unlimited>', 'the credits allocated: a whole number or unlimited (administrators only)')
    .option(
      '--member-language <fr|en>',
      "the member's language (e-mails, enrollment page); default: the organization's",
    )
    .addHelpText(
      'after',
      `
The password must have at least 8 characters with a letter and a digit, differ from the username,
and be neither common nor made of repeated or sequential characters (aaaabbbb, 1234abcd).
A direct add needs a free seat (it cannot be held for approval like an invitation).

With --enterprise-id the member is active at once, has no password, and is e-mailed to sign in
with the enterprise login.
${ENTERPRISE_ID_WARNING}

JSON output (--json):
  { "member": { "id", "email", "firstName", "lastName", "username", "role", "userType", "isOwner",
                "isManager", "status", "createdAt" }, "warnings": [ { "code", "message" } ] }`,
    )
    .hook('preAction', (command) => {
      const { password, enterpriseId } = command.opts<AddOptions>();
      if ((password === undefined) === (enterpriseId === undefined))
        command.error("error: give either '--password <password>' or '--enterprise-id <id>'", { exitCode: 2 });
    })
    .action(async (email: string, options: AddOptions, command: Command) =>
      (await work()).addOne(email, options, command),
    );
}
