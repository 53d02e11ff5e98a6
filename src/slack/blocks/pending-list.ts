// The pending list as an ephemeral message: the counts, one section per invitation (with a line
// for its member properties, when it has some) with Resend and Revoke (Revoke asks for
// confirmation), the two bulk actions (each shows its count before anything is done:
// bulk-confirmation.ts), and Previous/Next carrying the filter along.
import type { KnownBlock } from '@slack/types';
import { BULK_DEFAULT_DAYS, type BulkOperation, bulkActionTexts } from '../../chat/rendering/bulk-action-texts.js';
import { memberPropertiesText } from '../../chat/rendering/member-properties-text.js';
import { chatTexts } from '../../chat/rendering/texts.js';
import { formatDateTime } from '../../email/format-date.js';
import type { Locale } from '../../i18n/locale.js';
import { deliveryLabel, noteworthyDelivery } from '../../invitations/delivery-label.js';
import { statusLabel } from '../../invitations/find-invitation.js';
import type { InvitationFilter, InvitationPage } from '../../invitations/list-invitations.js';
import { roleName, userTypeName } from '../../organizations/catalogue.js';
import type { Organization } from '../../organizations/organization.js';
import { clip, context, escapeMrkdwn, type SlackMessage, section } from '../reply.js';

export const pendingActions = { resend: 'pending_resend', revoke: 'pending_revoke', page: 'pending_page' } as const;

/** The bulk actions' buttons: open a confirmation (`open:<operation>`), its days, run it, back to the list. */
export const bulkActions = {
  open: 'pending_bulk',
  days: 'pending_bulk_days',
  run: 'pending_bulk_run',
  back: 'pending_bulk_back',
} as const;

/** Button values stay under Slack's 2,000 characters: the filter is small by construction. */
export const encodeListState = (filter: InvitationFilter) => JSON.stringify(filter).slice(0, 1900);

export function pendingList(
  page: InvitationPage,
  organization: Organization,
  filter: InvitationFilter,
  locale: Locale,
  notice?: string,
): SlackMessage {
  const texts = chatTexts(locale);
  const catalogue = organization.catalogue;
  const blocks: KnownBlock[] = [];
  if (notice) blocks.push(section(notice));
  blocks.push(section(texts.pendingHeading(page.total, page.page, page.pages)));
  blocks.push(context(texts.pendingCounts(page.counts.pending, page.counts.awaitingApproval)));
  if (page.invitations.length === 0) blocks.push(section(texts.pendingEmpty));
  const state = { ...filter, page: page.page };
  for (const inv of page.invitations) {
    const name = [inv.firstName, inv.lastName].filter(Boolean).join(' ');
    const row = texts.pendingRow(
      statusLabel(inv.status, locale),
      roleName(catalogue, inv.role, locale),
      userTypeName(catalogue, inv.userType, locale),
      inv.inviterEmail,
      formatDateTime(inv.expiresAt, locale),
      inv.companyName,
    );
    const delivery = noteworthyDelivery(inv.deliveryStatus) ? ` · ✉️ ${deliveryLabel(inv.deliveryStatus, locale)}` : '';
    blocks.push(
      section(`*${escapeMrkdwn(inv.email)}*${name ? ` (${escapeMrkdwn(name)})` : ''}\n${escapeMrkdwn(row)}${delivery}`),
    );
    const properties = memberPropertiesText(inv, locale);
    if (properties) blocks.push(context(clip(escapeMrkdwn(properties))));
    const value = JSON.stringify({ id: inv.id, list: state });
    blocks.push({
      type: 'actions',
      block_id: `invitation:${inv.id}`,
      elements: [
        ...(inv.status === 'PENDING'
          ? [{ type: 'button' as const, action_id: pendingActions.resend, text: plainText(texts.resend), value }]
          : []),
        {
          type: 'button',
          action_id: pendingActions.revoke,
          style: 'danger',
          text: plainText(texts.revoke),
          value,
          confirm: {
            title: plainText(texts.revokeConfirmTitle),
            text: plainText(texts.revokeConfirm(inv.email)),
            confirm: plainText(texts.revoke),
            deny: plainText(texts.cancel),
            style: 'danger',
          },
        },
      ],
    });
  }
  blocks.push(bulkButtons(state, locale));
  const nav = [];
  if (page.page > 1) nav.push(pageButton(texts.previous, { ...filter, page: page.page - 1 }, 'previous'));
  if (page.page < page.pages) nav.push(pageButton(texts.next, { ...filter, page: page.page + 1 }, 'next'));
  if (nav.length > 0) blocks.push({ type: 'actions', block_id: 'pending_nav', elements: nav });
  return {
    text: `${texts.pendingHeading(page.total, page.page, page.pages).replace(/\*/g, '')}`,
    blocks,
    replaceOriginal: true,
  };
}

export const plainText = (text: string) => ({ type: 'plain_text' as const, text: text.slice(0, 150) });

/** "Resend expired (last 7 days)…" and "Revoke pending older than 30 days…": each opens its confirmation. */
function bulkButtons(list: InvitationFilter, locale: Locale): KnownBlock {
  const texts = bulkActionTexts(locale);
  const button = (operation: BulkOperation, label: string) => ({
    type: 'button' as const,
    action_id: `${bulkActions.open}:${operation}`,
    text: plainText(label),
    value: JSON.stringify({ operation, days: BULK_DEFAULT_DAYS[operation], list }),
  });
  return {
    type: 'actions',
    block_id: 'pending_bulk',
    elements: [
      button('resend', texts.resendButton(BULK_DEFAULT_DAYS.resend)),
      button('revoke', texts.revokeButton(BULK_DEFAULT_DAYS.revoke)),
    ],
  };
}

function pageButton(label: string, filter: InvitationFilter, id: string) {
  return {
    type: 'button' as const,
    action_id: `${pendingActions.page}:${id}`,
    text: plainText(label),
    value: encodeListState(filter),
  };
}
