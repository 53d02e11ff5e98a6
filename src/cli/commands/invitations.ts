// sesame pending | revoke <id|e-mail> | resend <id|e-mail>
import type { Command } from 'commander';
import type { InvitationStatus } from '../../generated/prisma/client.js';
import { days, invitationStatus, invitationStatusNames, list, nonEmpty, page, pageSize } from '../values.js';

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

export function registerInvitations(program: Command): void {
  program
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
  { "invitations": [ ${INVITATION_JSON} ],
    "total": n, "page": n, "pageSize": n, "pages": n,
    "counts": { "pending": n, "awaitingApproval": n, "byUserType": { "<user type key>": n } } }`,
    )
    .action(async (options: PendingOptions, command: Command) => (await work()).listPending(options, command));

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
