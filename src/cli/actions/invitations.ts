// The work of `sesame pending`, `pending resend-expired`, `pending revoke-older`, `revoke` and `resend`.
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import {
  type BulkOperation,
  bulkActionTexts,
  bulkConfirmation,
  bulkDone,
} from '../../chat/rendering/bulk-action-texts.js';
import { type RowCompany, rowCompanies } from '../../companies/row-companies.js';
import type { Invitation } from '../../generated/prisma/client.js';
import { bulkOperations } from '../../invitations/bulk-actions.js';
import { deliveryLabel } from '../../invitations/delivery-label.js';
import { statusLabel } from '../../invitations/find-invitation.js';
import { type InvitationPage, listInvitations } from '../../invitations/list-invitations.js';
import { resendInvitation } from '../../invitations/resend.js';
import { revokeInvitation } from '../../invitations/revoke.js';
import { memberProperties } from '../../licences/member-properties.js';
import { roleName, userTypeName } from '../../organizations/catalogue.js';
import type { BulkOptions, PendingOptions } from '../commands/invitations.js';
import { companyCells, companyHeaders, companyJson } from '../company-cells.js';
import { exitCodes } from '../exit.js';
import { propertyCells, propertyHeaders } from '../member-property-cells.js';
import { formatDate, formatDay, table } from '../output.js';
import { runAsMember } from '../session.js';
import { cliTexts } from '../texts.js';

export function listPending(options: PendingOptions, command: Command): Promise<void> {
  return runAsMember(command, async ({ db, actor, out, locale }) => {
    const page = await listInvitations(db, actor, {
      status: options.status?.flat(),
      role: options.role,
      userType: options.type,
      inviter: options.inviter,
      expiringWithinDays: options.expiring,
      search: options.search,
      external: options.external,
      company: options.company,
      uncovered: options.uncovered,
      page: options.page,
      pageSize: options.pageSize,
    });
    const companyOf = await rowCompanies(db, actor.organization.id, page.invitations);
    if (out.json) return out.result(pageJson(page, companyOf));
    const texts = cliTexts(locale);
    const catalogue = actor.organization.catalogue;
    // The company of external invitations (issue 16), then licences, credits and language (issue
    // 17): each when some invitation of the page has one.
    const company = companyHeaders(page.invitations, locale);
    const extra = propertyHeaders(page.invitations, locale);
    if (page.invitations.length === 0) out.line(texts.noInvitations);
    else
      out.line(
        table(
          [...texts.invitationHeaders, ...company, ...extra],
          page.invitations.map((i) => [
            i.id,
            i.email,
            [i.firstName, i.lastName].filter(Boolean).join(' '),
            statusLabel(i.status, locale),
            roleName(catalogue, i.role, locale),
            userTypeName(catalogue, i.userType, locale),
            i.inviterEmail,
            formatDay(i.lastSentAt),
            deliveryLabel(i.deliveryStatus, locale),
            formatDay(i.expiresAt),
            ...companyCells(companyOf(i), company.length > 0, locale),
            ...propertyCells(i, extra.length > 0, locale),
          ]),
        ),
      );
    out.line();
    const byType = Object.entries(page.counts.byUserType)
      .map(([key, n]) => `${userTypeName(catalogue, key, locale)} ${n}`)
      .join(', ');
    out.line(texts.pendingFooter(page, byType));
  });
}

export function revoke(ref: string, command: Command): Promise<void> {
  return runAsMember(command, async ({ db, actor, out, locale }) => {
    const invitation = await revokeInvitation(db, actor, ref);
    if (out.json) return out.result(invitationJson(invitation));
    out.line(cliTexts(locale).revoked(invitation.email));
  });
}

export function resend(ref: string, command: Command): Promise<void> {
  return runAsMember(command, async ({ db, actor, out, locale }) => {
    const invitation = await resendInvitation(db, actor, ref);
    if (out.json) return out.result(invitationJson(invitation));
    out.line(cliTexts(locale).resent(invitation.email, invitation.sendCount, formatDate(invitation.expiresAt)));
  });
}

/** The count first; then the question (in a terminal) or --yes; then the run, on the same criteria. */
export function bulk(operation: BulkOperation, options: BulkOptions, command: Command): Promise<void> {
  return runAsMember(command, async ({ db, actor, out, locale }) => {
    const texts = bulkActionTexts(locale);
    const preview = await bulkOperations[operation].preview(db, actor, { days: options.days });
    for (const line of bulkConfirmation(operation, preview, locale, (text) => text)) out.line(line);
    const answer = (result: unknown) => (out.json ? out.result({ preview, result }) : undefined);
    if (preview.count === 0) return answer(null);
    const confirmed = options.yes || (process.stdin.isTTY ? await askYes(texts.ask, texts.yes) : undefined);
    if (confirmed === undefined) {
      out.error(texts.needsYes);
      answer(null);
      return exitCodes.refused;
    }
    if (!confirmed) {
      out.line(texts.nothingDone);
      return answer(null);
    }
    const result = await bulkOperations[operation].run(db, actor, { days: preview.days, expected: preview.count });
    out.line(bulkDone(operation, result, locale));
    return answer(result);
  });
}

/** Asks on stderr (stdout stays the command's result) and reads one answer from the terminal. */
async function askYes(question: string, yes: readonly string[]): Promise<boolean> {
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return yes.includes((await terminal.question(question)).trim().toLowerCase());
  } finally {
    terminal.close();
  }
}

export function invitationJson(invitation: Invitation & { inviterEmail?: string }) {
  return {
    id: invitation.id,
    email: invitation.email,
    firstName: invitation.firstName,
    lastName: invitation.lastName,
    username: invitation.username,
    role: invitation.role,
    userType: invitation.userType,
    groups: invitation.groups,
    message: invitation.message,
    mustUseEmail: invitation.mustUseEmail,
    status: invitation.status,
    kind: invitation.external ? 'external' : 'internal',
    company: invitation.companyName,
    // An external invitation whose company is no longer covered: its link cannot be used.
    suspended: invitation.suspended,
    // Add-on licences, credits (a number, "unlimited" or null) and language (null: the organization's).
    ...memberProperties(invitation),
    ...(invitation.inviterEmail === undefined ? {} : { inviterEmail: invitation.inviterEmail }),
    seatRequestId: invitation.seatRequestId,
    batchId: invitation.batchId,
    createdAt: invitation.createdAt,
    expiresAt: invitation.expiresAt,
    lastSentAt: invitation.lastSentAt,
    sendCount: invitation.sendCount,
    deliveryStatus: invitation.deliveryStatus,
    deliveryDetail: invitation.deliveryDetail,
    closedAt: invitation.closedAt,
    closedReason: invitation.closedReason,
  };
}

function pageJson(page: InvitationPage, companyOf: (row: Invitation) => RowCompany | null) {
  return {
    invitations: page.invitations.map((i) => ({ ...invitationJson(i), ...companyJson(companyOf(i)) })),
    total: page.total,
    page: page.page,
    pageSize: page.pageSize,
    pages: page.pages,
    counts: page.counts,
  };
}
