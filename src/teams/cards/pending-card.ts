// The pending list as a card: the counts, each invitation with its member properties when it has
// some (licences, credits, language) and Resend and Revoke (Revoke asks again through a small
// confirmation card), Previous/Next carrying the filter along, and the two bulk actions (each
// answers with its confirmation card, the count first: bulk-confirmation-card.ts).

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
import { escapeTeamsMarkdown } from '../markdown.js';
import { type AdaptiveCard, adaptiveCard, type Element, execute, small, text } from './adaptive.js';

export const pendingVerbs = { resend: 'pending_resend', revoke: 'pending_revoke', page: 'pending_page' } as const;

/** The bulk actions' verbs: show the confirmation (with the count) for some days, run it, back to the list. */
export const bulkVerbs = { preview: 'pending_bulk', run: 'pending_bulk_run', back: 'pending_bulk_back' } as const;

export function pendingCard(
  page: InvitationPage,
  organization: Organization,
  filter: InvitationFilter,
  locale: Locale,
  notice?: string,
): AdaptiveCard {
  const texts = chatTexts(locale);
  const catalogue = organization.catalogue;
  const list = { ...filter, page: page.page };
  const body: Element[] = [];
  if (notice) body.push(text(notice, { color: 'Attention' }));
  body.push(text(texts.pendingHeading(page.total, page.page, page.pages), { weight: 'Bolder', size: 'Medium' }));
  body.push(small(texts.pendingCounts(page.counts.pending, page.counts.awaitingApproval)));
  if (page.invitations.length === 0) body.push(text(texts.pendingEmpty));
  for (const inv of page.invitations) {
    const row = texts.pendingRow(
      statusLabel(inv.status, locale),
      roleName(catalogue, inv.role, locale),
      userTypeName(catalogue, inv.userType, locale),
      escapeTeamsMarkdown(inv.inviterEmail),
      formatDateTime(inv.expiresAt, locale),
      inv.companyName && escapeTeamsMarkdown(inv.companyName),
    );
    const delivery = noteworthyDelivery(inv.deliveryStatus) ? ` · ✉️ ${deliveryLabel(inv.deliveryStatus, locale)}` : '';
    const data = { id: inv.id, list };
    const properties = memberPropertiesText(inv, locale);
    body.push({
      type: 'Container',
      separator: true,
      items: [
        text(`**${escapeTeamsMarkdown(inv.email)}**`),
        small(`${row}${delivery}`),
        ...(properties ? [small(escapeTeamsMarkdown(properties))] : []),
        {
          type: 'ActionSet',
          actions: [
            ...(inv.status === 'PENDING' ? [execute(texts.resend, pendingVerbs.resend, data)] : []),
            {
              type: 'Action.ShowCard',
              title: texts.revoke,
              card: adaptiveCard(
                [text(texts.revokeConfirm(escapeTeamsMarkdown(inv.email)))],
                [execute(texts.revoke, pendingVerbs.revoke, data, 'destructive')],
              ),
            },
          ],
        },
      ],
    });
  }
  const nav: Element[] = [];
  if (page.page > 1) nav.push(execute(texts.previous, pendingVerbs.page, { list: { ...filter, page: page.page - 1 } }));
  if (page.page < page.pages)
    nav.push(execute(texts.next, pendingVerbs.page, { list: { ...filter, page: page.page + 1 } }));
  const bulk = bulkActionTexts(locale);
  const open = (operation: BulkOperation, title: string) =>
    execute(title, bulkVerbs.preview, { operation, days: BULK_DEFAULT_DAYS[operation], list });
  return adaptiveCard(body, [
    ...nav,
    open('resend', bulk.resendButton(BULK_DEFAULT_DAYS.resend)),
    open('revoke', bulk.revokeButton(BULK_DEFAULT_DAYS.revoke)),
  ]);
}
