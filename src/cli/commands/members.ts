// sesame members | members set <e-mail> <role|manager> <value>
import { Argument, type Command } from 'commander';
import type { Member } from '../../generated/prisma/client.js';
import { listMembers, type MemberView } from '../../members/list-members.js';
import { type AccessChange, setMemberAccess } from '../../members/set-member-access.js';
import { roleName, userTypeName } from '../../organizations/catalogue.js';
import { formatDate, table } from '../output.js';
import { runAsMember } from '../session.js';
import { say } from '../texts.js';
import { arg, booleanSchema, limitSchema } from '../values.js';

const MEMBER_JSON = `{ "id", "email", "firstName", "lastName", "username", "role", "userType", "isOwner",
    "isManager", "status": "ACTIVE" | "MUST_CHANGE_PASSWORD", "createdAt" }`;

export function registerMembers(program: Command): void {
  const members = program
    .command('members')
    .description("list the organization's members")
    .option('--search <text>', 'only members whose e-mail, name or username contains this')
    .option('--limit <n>', 'at most this many (default 1000)', arg(limitSchema))
    .addHelpText(
      'after',
      `
Roles and user types are shown by name; in JSON they are the catalogue's keys (see \`org show --json\`).

JSON output (--json):
  { "members": [ ${MEMBER_JSON.replace('}', ', "invitedByEmail": string | null }')} ], "total": n }`,
    )
    .action((options: { search?: string; limit?: number }, command: Command) =>
      runAsMember(command, async ({ db, actor, out, locale }) => {
        const list = await listMembers(db, actor, options);
        if (out.json) {
          return out.result({
            members: list.members.map((m) => ({ ...memberJson(m), invitedByEmail: m.invitedByEmail })),
            total: list.total,
          });
        }
        const s = say(locale);
        const catalogue = actor.organization.catalogue;
        out.line(
          table(
            s.memberHeaders,
            list.members.map((m: MemberView) => [
              m.email,
              [m.firstName, m.lastName].filter(Boolean).join(' '),
              m.username,
              roleName(catalogue, m.role, locale),
              userTypeName(catalogue, m.userType, locale),
              [m.isOwner ? s.owner : '', m.isManager ? s.manager : ''].filter(Boolean).join(', '),
              m.status === 'ACTIVE' ? s.active : s.mustChangePassword,
              formatDate(m.createdAt),
            ]),
          ),
        );
        out.line();
        out.line(s.membersShown(list.members.length, list.total));
      }),
    );

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
    .action((email: string, what: 'role' | 'manager', value: string, _options: unknown, command: Command) => {
      const change: AccessChange =
        what === 'role' ? { field: 'role', value } : { field: 'manager', value: parseManagerFlag(command, value) };
      return runAsMember(command, async ({ db, actor, out, locale }) => {
        const { member, changed } = await setMemberAccess(db, actor, { email, change });
        if (out.json) return out.result({ member: memberJson(member), changed });
        const s = say(locale);
        const catalogue = actor.organization.catalogue;
        const shown = what === 'role' ? roleName(catalogue, member.role, locale) : member.isManager ? s.yes : s.no;
        out.line(
          changed
            ? s.accessChanged(member.email, s.accessField[what], shown)
            : s.accessUnchanged(member.email, s.accessField[what], shown),
        );
      });
    });
}

function parseManagerFlag(command: Command, value: string): boolean {
  const parsed = booleanSchema.safeParse(value);
  if (!parsed.success)
    command.error(`error: argument 'value' is invalid for manager: expected true or false.`, { exitCode: 2 });
  return parsed.data as boolean;
}

export function memberJson(m: Omit<Member, 'passwordHash'>) {
  return {
    id: m.id,
    email: m.email,
    firstName: m.firstName,
    lastName: m.lastName,
    username: m.username,
    role: m.role,
    userType: m.userType,
    isOwner: m.isOwner,
    isManager: m.isManager,
    status: m.status,
    createdAt: m.createdAt,
  };
}
