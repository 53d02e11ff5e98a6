// sesame pending | pending resend-expired | pending revoke-older | revoke <id|e-mail> | resend <id|e-mail>
import type { Command } from 'commander';
import type { InvitationStatus } from '../../generated/prisma/client.js';
import { days, invitationStatus, invitationStatusNames, list, nonEmpty, page, pageSize } from '../values.js';
import { LISTED_COMPANY_JSON } from './members.js';

const work = () => import('../actions/invitations.js');

const INVITATION_JSON = `{ "id", "email", "firstName", "lastName", "username", "role", "userType",
      "groups": [g], "message", "mustUseEmail", "status": "PENDING" | "AWAITING_APPROVAL" | "ACCEPTED" |
      "REVOKED" | "EXPIRED" | "CANCELLED", "kind": "internal" | "external", "company": string | null,
      "suspended", "licences": [key], "credits": n | "unlimited" | null, "language": "fr" | "en" | null,
      "inviterEmail", "seatRequestId", "batchId", "createdAt",
      "expiresAt", "lastSentAt", "sendCount", "closedAt", "closedReason" }`;

export interface PendingOptions {
  status?: InvitationStatus[][];
  role?: string;
  type?: string;
  inviter?: string;
  expiring?: number;
  search?: string;
  page?: number;
  pageSize?: number;
  external?: boolean;
  company?: string;
  uncovered?: boolean;
}

export interface BulkOptions {
  days: string;
  yes?: boolean;
}

export function registerInvitations(program: Command): void {
  const pending = program
    .command('pending')
    .description('list invitations: the open ones by default (pending and awaiting approval)')
    .option(
      '--status <status...>',
      `only these statuses (${invitationStatusNames.join(', ')}); repeat or separate with commas`,
      list(invitationStatus),
    )
    .option('--role <role>', 'only this role')
    .option('--type <user type>', 'only this user type')
    .option('--inviter <e-mail>', 'only those sent by this member')
    .option('--expiring <days>', 'only those expiring within this many days', days)
    .option('--search <text>', 'only those whose e-mail or name contains this')
    .option('--external', 'only external invitations (people of partner companies)')
    .option('--company <name>', 'only those for this partner company or one of its subsidiaries')
    .option('--uncovered', 'only external invitations whose company is no longer secured (suspended links)')
    .option('--page <n>', 'page number (default 1)', page)
    .option('--page-size <n>', 'invitations per page, 1-500 (default 20)', pageSize)
    .addHelpText(
      'after',
      `
Roles and user types are shown by name; in JSON they are the catalogue's keys (see \`org show --json\`).

JSON output (--json):
  { "invitations": [ ${INVITATION_JSON.replace(/ }$/, `${LISTED_COMPANY_JSON} }`)} ],
    "total": n, "page": n, "pageSize": n, "pages": n,
    "counts": { "pending": n, "awaitingApproval": n, "byUserType": { "<user type key>": n } } }`,
    )
    .action(async (options: PendingOptions, command: Command) => (await work()).listPending(options, command));
  registerBulkActions(pending);

  program
    .command('revoke')
    .description('revoke an open invitation: its link stops working, its seat and username are freed')
    .argument('<id|e-mail>', "the invitation's id, or the invitee's e-mail address", nonEmpty)
    .addHelpText('after', `\nJSON output (--json): the invitation\n  ${INVITATION_JSON}`)
    .action(async (ref: string, _options: unknown, command: Command) => (await work()).revoke(ref, command));

  program
    .command('resend')
    .description('send a pending invitation again, with a new link and a renewed lifetime')
    .argument('<id|e-mail>', "the invitation's id, or the invitee's e-mail address", nonEmpty)
    .addHelpText(
      'after',
      `
Refused (exit code 1) within the organization's resend cooldown (24 h by default), with the time left.

JSON output (--json): the invitation
  ${INVITATION_JSON}`,
    )
    .action(async (ref: string, _options: unknown, command: Command) => (await work()).resend(ref, command));
}

const BULK_JSON = `{ "preview": { "days": n, "count": n, "held": n, "sample": [e-mail]SKIPPED },
    "result": { "days": n, "count": n, "held": n, "sample": [e-mail], "ids": [id], "expected": n,
                "changed": boolean SKIPPED } | null }`;
const SKIPPED_JSON = `,
                "skipped": { "member": n, "reinvited": n, "usernameTaken": n, "uncovered": n, "cooldown": n }`;

// The count is printed first; in a terminal the command then asks, and --yes answers for scripts.
// Without a terminal and without --yes nothing is done (exit code 1), so that a script never acts
// on a count it did not see.
function registerBulkActions(pending: Command): void {
  pending
    .command('resend-expired')
    .description(
      'send again, with a new link and a new lifetime, every invitation that expired in the last N days (asks first)',
    )
    .requiredOption('--days <n>', 'how far back to look: 1 to 365 days')
    .option('--yes', 'do it without asking (for scripts)')
    .addHelpText(
      'after',
      `
Left expired, counted apart: addresses that are members now or were invited again, usernames
taken since, external invitations whose company is not secured, and those e-mailed within the
resend cooldown. Those beyond the seats are held for a manager's approval.

JSON output (--json):
  ${BULK_JSON.replaceAll('SKIPPED', SKIPPED_JSON)}`,
    )
    .action(async (options: BulkOptions, command: Command) => (await work()).bulk('resend', options, command));

  pending
    .command('revoke-older')
    .description(
      'revoke every open invitation (pending or awaiting approval) created more than N days ago (asks first)',
    )
    .requiredOption('--days <n>', 'invitations created more than this many days ago: 1 to 365')
    .option('--yes', 'do it without asking (for scripts)')
    .addHelpText(
      'after',
      `
Their links stop working at once and their seats are freed; the seat requests of those awaiting
approval shrink, or are withdrawn.

JSON output (--json):
  ${BULK_JSON.replaceAll('SKIPPED', '')}`,
    )
    .action(async (options: BulkOptions, command: Command) => (await work()).bulk('revoke', options, command));
}
