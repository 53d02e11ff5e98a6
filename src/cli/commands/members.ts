// sesame members | members set <e-mail> <role|manager> <value> | members remove <e-mail>
import { Argument, type Command } from 'commander';
import type { AccessChange } from '../../members/set-member-access.js';
import { boolean, limit, nonEmpty } from '../values.js';

const work = () => import('../actions/members.js');

export interface MemberListOptions {
  search?: string;
  limit?: number;
  external?: boolean;
  company?: string;
  uncovered?: boolean;
}

const MEMBER_JSON = `{ "id", "email", "firstName", "lastName", "username", "role", "userType", "isOwner",
    "isManager", "status": "ACTIVE" | "MUST_CHANGE_PASSWORD", "kind": "internal" | "external",
    "company": string | null, "licences": [key], "credits": n | "unlimited" | null,
    "language": "fr" | "en" | null, "createdAt" }`;

// The lists add, for an external row, its company's path ("Groupe JLO/JLO PARIS", null once removed)
// and whether it is still covered (null for an internal row).
export const LISTED_COMPANY_JSON = `, "companyPath": string | null, "covered": boolean | null`;

const REMOVED_JSON = `{ "memberId", "email", "firstName", "lastName", "username", "role", "userType", "isOwner",
    "isManager", "kind": "internal" | "external", "company": string | null, "openInvitations": n,
    "pendingSeatRequests": n }`;

export function registerMembers(program: Command): void {
  const members = program
    .command('members')
    .description("list the organization's members")
    .option('--search <text>', 'only members whose e-mail, name or username contains this')
    .option('--limit <n>', 'at most this many (default 1000)', limit)
    .option('--external', 'only external members (people of partner companies)')
    .option('--company <name>', 'only the members of this partner company or one of its subsidiaries')
    .option(
      '--uncovered',
      'only external members whose company is no longer secured (unsecured, moved or removed): kept for you to decide',
    )
    .addHelpText(
      'after',
      `
Roles and user types are shown by name; in JSON they are the catalogue's keys (see \`org show --json\`).

JSON output (--json):
  { "members": [ ${MEMBER_JSON.replace(' }', `${LISTED_COMPANY_JSON}, "invitedByEmail": string | null }`)} ], "total": n }`,
    )
    .action(async (options: MemberListOptions, command: Command) => (await work()).listAllMembers(options, command));

  members
    .command('set')
    .description("change a member's role (including Administrator) or manager flag (owners only)")
    .argument('<e-mail>', "the member's e-mail address")
    .addArgument(new Argument('<what>', 'what to change').choices(['role', 'manager']))
    .argument('<value>', 'a role name (English or French), or true/false for manager')
    .addHelpText(
      'after',
      `
Examples:
  sesame members set jane@example.com role Administrator
  sesame members set jane@example.com manager true     (managers decide seat requests)

JSON output (--json): { "member": ${MEMBER_JSON}, "changed": boolean }`,
    )
    .action(async (email: string, what: 'role' | 'manager', value: string, _options: unknown, command: Command) => {
      const change: AccessChange =
        what === 'role' ? { field: 'role', value } : { field: 'manager', value: parseManagerFlag(command, value) };
      return (await work()).setAccess(email, change, command);
    });

  // Like revoke and the other removals, no prompt: the command is what was asked (scripts use it).
  members
    .command('remove')
    .description('remove a member: their seat, username and address are free at once (owners and administrators)')
    .argument('<e-mail>', "the member's e-mail address", nonEmpty)
    .addHelpText(
      'after',
      `
An owner is removed by another owner only. Nobody removes themselves, and the last owner stays.
The seat freed is internal or external, as the member's. Their open invitations and seat requests
are kept and become yours: you are told their outcomes.
To send a member added directly an invitation instead (a "resend"): remove them, then invite them.

Examples:
  sesame members remove ana@example.com
  sesame invite ana@example.com --username ana.gis     (then: the username is free again)

JSON output (--json): { "removed": ${REMOVED_JSON} }`,
    )
    .action(async (email: string, _options: unknown, command: Command) => (await work()).remove(email, command));
}

function parseManagerFlag(command: Command, value: string): boolean {
  try {
    return boolean(value);
  } catch {
    return command.error(`error: argument 'value' is invalid for manager: expected true or false.`, { exitCode: 2 });
  }
}
