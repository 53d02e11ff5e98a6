// sesame pending | revoke <id|e-mail> | resend <id|e-mail>
import type { Command } from 'commander';
import type { Invitation, InvitationStatus } from '../../generated/prisma/client.js';
import { statusLabel } from '../../invitations/find-invitation.js';
import { type InvitationPage, listInvitations } from '../../invitations/list-invitations.js';
import { resendInvitation } from '../../invitations/resend.js';
import { revokeInvitation } from '../../invitations/revoke.js';
import { roleName, userTypeName } from '../../organizations/catalogue.js';
import { formatDate, formatDay, table } from '../output.js';
import { runAsMember } from '../session.js';
import { say } from '../texts.js';
import {
  arg,
  daysSchema,
  invitationStatusNames,
  invitationStatusSchema,
  list,
  nonEmptySchema,
  pageSchema,
  pageSizeSchema,
} from '../values.js';

const INVITATION_JSON = `{ "id", "email", "firstName", "lastName", "username", "role", "userType",
      "groups": [g], "message", "mustUseEmail", "status": "PENDING" | "AWAITING_APPROVAL" | "ACCEPTED" |
      "REVOKED" | "EXPIRED" | "CANCELLED", "inviterEmail", "seatRequestId", "batchId", "createdAt",
      "expiresAt", "lastSentAt", "sendCount", "closedAt", "closedReason" }`;

interface PendingOptions {
  status?: InvitationStatus[][];
  role?: string;
  type?: string;
  inviter?: string;
  expiring?: number;
  search?: string;
  page?: number;
  pageSize?: number;
}

export function registerInvitations(program: Command): void {
  program
    .command('pending')
    .description('list invitations: the open ones by default (pending and awaiting approval)')
    .option(
      '--status <status...>',
      `only these statuses (${invitationStatusNames.join(', ')}); repeat or separate with commas`,
      list(invitationStatusSchema),
    )
    .option('--role <role>', 'only this role')
    .option('--type <user type>', 'only this user type')
    .option('--inviter <e-mail>', 'only those sent by this member')
    .option('--expiring <days>', 'only those expiring within this many days', arg(daysSchema))
    .option('--search <text>', 'only those whose e-mail or name contains this')
    .option('--page <n>', 'page number (default 1)', arg(pageSchema))
    .option('--page-size <n>', 'invitations per page, 1-500 (default 20)', arg(pageSizeSchema))
    .addHelpText(
      'after',
      `
Roles and user types are shown by name; in JSON they are the catalogue's keys (see \`org show --json\`).

JSON output (--json):
  { "invitations": [ ${INVITATION_JSON} ],
    "total": n, "page": n, "pageSize": n, "pages": n,
    "counts": { "pending": n, "awaitingApproval": n, "byUserType": { "<user type key>": n } } }`,
    )
    .action((options: PendingOptions, command: Command) =>
      runAsMember(command, async ({ db, actor, out, locale }) => {
        const page = await listInvitations(db, actor, {
          status: options.status?.flat(),
          role: options.role,
          userType: options.type,
          inviter: options.inviter,
          expiringWithinDays: options.expiring,
          search: options.search,
          page: options.page,
          pageSize: options.pageSize,
        });
        if (out.json) return out.result(pageJson(page));
        const s = say(locale);
        const catalogue = actor.organization.catalogue;
        if (page.invitations.length === 0) out.line(s.noInvitations);
        else
          out.line(
            table(
              s.invitationHeaders,
              page.invitations.map((i) => [
                i.id,
                i.email,
                [i.firstName, i.lastName].filter(Boolean).join(' '),
                statusLabel(i.status, locale),
                roleName(catalogue, i.role, locale),
                userTypeName(catalogue, i.userType, locale),
                i.inviterEmail,
                formatDay(i.lastSentAt),
                formatDay(i.expiresAt),
              ]),
            ),
          );
        out.line();
        const byType = Object.entries(page.counts.byUserType)
          .map(([key, n]) => `${userTypeName(catalogue, key, locale)} ${n}`)
          .join(', ');
        out.line(s.pendingFooter(page, byType));
      }),
    );

  program
    .command('revoke')
    .description('revoke an open invitation: its link stops working, its seat and username are freed')
    .argument('<id|e-mail>', "the invitation's id, or the invitee's e-mail address", arg(nonEmptySchema))
    .addHelpText('after', `\nJSON output (--json): the invitation\n  ${INVITATION_JSON}`)
    .action((ref: string, _options: unknown, command: Command) =>
      runAsMember(command, async ({ db, actor, out, locale }) => {
        const invitation = await revokeInvitation(db, actor, ref);
        if (out.json) return out.result(invitationJson(invitation));
        out.line(say(locale).revoked(invitation.email));
      }),
    );

  program
    .command('resend')
    .description('send a pending invitation again, with a new link and a renewed lifetime')
    .argument('<id|e-mail>', "the invitation's id, or the invitee's e-mail address", arg(nonEmptySchema))
    .addHelpText(
      'after',
      `
Refused (exit code 1) within the organization's resend cooldown (24 h by default), with the time left.

JSON output (--json): the invitation
  ${INVITATION_JSON}`,
    )
    .action((ref: string, _options: unknown, command: Command) =>
      runAsMember(command, async ({ db, actor, out, locale }) => {
        const invitation = await resendInvitation(db, actor, ref);
        if (out.json) return out.result(invitationJson(invitation));
        out.line(say(locale).resent(invitation.email, invitation.sendCount, formatDate(invitation.expiresAt)));
      }),
    );
}

export function invitationJson(i: Invitation & { inviterEmail?: string }) {
  return {
    id: i.id,
    email: i.email,
    firstName: i.firstName,
    lastName: i.lastName,
    username: i.username,
    role: i.role,
    userType: i.userType,
    groups: i.groups,
    message: i.message,
    mustUseEmail: i.mustUseEmail,
    status: i.status,
    ...(i.inviterEmail === undefined ? {} : { inviterEmail: i.inviterEmail }),
    seatRequestId: i.seatRequestId,
    batchId: i.batchId,
    createdAt: i.createdAt,
    expiresAt: i.expiresAt,
    lastSentAt: i.lastSentAt,
    sendCount: i.sendCount,
    closedAt: i.closedAt,
    closedReason: i.closedReason,
  };
}

function pageJson(page: InvitationPage) {
  return {
    invitations: page.invitations.map(invitationJson),
    total: page.total,
    page: page.page,
    pageSize: page.pageSize,
    pages: page.pages,
    counts: page.counts,
  };
}
