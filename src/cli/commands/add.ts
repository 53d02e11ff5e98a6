// sesame add <e-mail> --first-name --last-name --password
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { renderNotice } from '../../i18n/messages.js';
import { addMember } from '../../members/add-member.js';
import { roleName, userTypeName } from '../../organizations/catalogue.js';
import { runAsMember } from '../session.js';
import { say } from '../texts.js';
import { arg, nonEmptySchema } from '../values.js';
import { memberJson } from './members.js';

interface AddOptions {
  firstName: string;
  lastName: string;
  password: string;
  username?: string;
  role?: string;
  type?: string;
}

export function registerAdd(program: Command): void {
  program
    .command('add')
    .description('add a member directly, without an invitation, with a temporary password (owners and administrators)')
    .argument('<e-mail>', "the member's e-mail address")
    .requiredOption('--first-name <name>', 'first name', arg(nonEmptySchema))
    .requiredOption('--last-name <name>', 'last name', arg(nonEmptySchema))
    .requiredOption(
      '--password <password>',
      'the temporary password, changed at first login; "-" reads it from the first line of standard input',
    )
    .option('--username <username>', 'username (default: derived from the e-mail)')
    .option('--role <role>', "role (default: the organization's default role)")
    .option('--type <user type>', 'user type (default: the first one that allows the role)')
    .addHelpText(
      'after',
      `
The password must have at least 8 characters with a letter and a digit, differ from the username,
and be neither common nor made of repeated or sequential characters (aaaabbbb, 1234abcd).
A direct add needs a free seat (it cannot be held for approval like an invitation).

JSON output (--json):
  { "member": { "id", "email", "firstName", "lastName", "username", "role", "userType", "isOwner",
                "isManager", "status", "createdAt" }, "warnings": [ { "code", "message" } ] }`,
    )
    .action(async (email: string, options: AddOptions, command: Command) => {
      const password = options.password === '-' ? await readFirstLine() : options.password;
      await runAsMember(command, async ({ db, actor, out, locale }) => {
        const { member, warnings } = await addMember(db, actor, {
          email,
          firstName: options.firstName,
          lastName: options.lastName,
          password,
          username: options.username,
          role: options.role,
          userType: options.type,
        });
        if (out.json) {
          return out.result({
            member: memberJson(member),
            warnings: warnings.map((w) => ({ code: w.code, message: renderNotice(locale, w) })),
          });
        }
        const s = say(locale);
        const catalogue = actor.organization.catalogue;
        out.line(
          s.memberAdded(
            member.email,
            member.username,
            roleName(catalogue, member.role, locale),
            userTypeName(catalogue, member.userType, locale),
          ),
        );
        for (const warning of warnings) out.warn(`${s.warningPrefix} ${renderNotice(locale, warning)}`);
      });
    });
}

async function readFirstLine(): Promise<string> {
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}
