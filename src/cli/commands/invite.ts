// sesame invite <e-mail>...
import type { Command } from 'commander';
import { collect, list, nonEmpty } from '../values.js';

const work = () => import('../actions/invite.js');

export interface InviteOptions {
  role?: string;
  type?: string;
  firstName?: string;
  lastName?: string;
  username?: string;
  message?: string;
  group: string[];
  anyEmail?: boolean;
  enterprise?: boolean;
  external?: boolean;
  company?: string;
  licences?: string[];
  credits?: string;
  memberLanguage?: string;
}

export function registerInvite(program: Command): void {
  program
    .command('invite')
    .description('invite one or more people by e-mail (owners and administrators)')
    .argument('<e-mail...>', 'the addresses; one argument may also hold several, separated by , ; or spaces')
    .option('--role <role>', "role, in English or French (default: the organization's default role)")
    .option('--type <user type>', 'user type (default: the first one that allows the role)')
    .option('--first-name <name>', "the invitee's first name")
    .option('--last-name <name>', "the invitee's last name")
    .option('--username <username>', 'the username to reserve (a single address only)')
    .option('--message <text>', 'a personal message added to the e-mail')
    .option('--group <group>', 'a group the invitee joins (repeat for several)', collect, [])
    .option('--any-email', 'let the invitee enroll with another e-mail address than this one')
    .option('--enterprise', "the invitee joins with the organization's enterprise login (see `sesame sso`)")
    .option('--external', 'invite people of a partner company, on the external seats (needs --company)')
    .option('--company <name>', 'the partner company they join for: it must be secured, or a parent of it')
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
One line per address: invited, held for approval (beyond the seat limit: a manager decides with
\`sesame requests approve <id>\`), already invited (the open invitation is kept), or refused with
the reason. An unknown role falls back to the default role, with a warning.
Exit code 1 when every address was refused.

JSON output (--json):
  { "results": [ { "email", "outcome": "invited" | "held" | "already_invited" | "refused",
                   "invitationId": string | null, "error": { "code", "message" } | null } ],
    "warnings": [ { "code", "message" } ], "seatRequestId": string | null }`,
    )
    .action(async (emails: string[], options: InviteOptions, command: Command) =>
      (await work()).inviteAll(emails, options, command),
    );
}
