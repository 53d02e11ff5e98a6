// Turns claimed 'enrollment.code_email' rows into the e-mail carrying the code that verifies an
// address chosen at enrollment; the code is minted here, as the e-mail leaves. It is branded and
// sent like the invitation it answers: the organization's brand, the inviter (or the organization's
// own sender settings) as from name and reply-to, in the invitee's language.
import type { Db } from '../db/database.js';
import { emailBrandOf } from '../email/templates/email-brand.js';
import { renderEnrollmentCodeEmail } from '../email/templates/enrollment-code.js';
import { memberLocale } from '../i18n/member-locale.js';
import { CODE_VALID_MINUTES, mintChosenAddressCode } from '../invitations/chosen-address-code.js';
import { brandColumns, toBrand } from '../organizations/brand.js';
import { senderOf } from '../organizations/sender.js';
import type { ClaimedMessage } from './claim-outbox.js';
import type { EnrollmentCodeEmailPayload } from './payloads.js';
import { type Preparation, renderError } from './prepare-invitation-emails.js';

export async function prepareEnrollmentCodeEmails(
  db: Db,
  items: readonly { message: ClaimedMessage; payload: EnrollmentCodeEmailPayload }[],
  options: { publicUrl: string; now: Date },
): Promise<Preparation> {
  const result: Preparation = { ready: [], skipped: [], failed: [] };
  for (const item of items) {
    try {
      const invitation = await db.invitation.findUnique({
        where: { id: item.payload.invitationId },
        select: {
          status: true,
          language: true,
          inviter: { select: { email: true, firstName: true, lastName: true } },
          organization: {
            select: {
              id: true,
              name: true,
              locale: true,
              emailFromName: true,
              emailReplyTo: true,
              brand: { select: brandColumns },
            },
          },
        },
      });
      const minted =
        invitation?.status === 'PENDING'
          ? await mintChosenAddressCode(db, item.payload.invitationId, item.payload.send, options.now)
          : null;
      if (!invitation || !minted) {
        result.skipped.push({ message: item.message, note: 'skipped: the code was replaced, used or expired' });
        continue;
      }
      const { organization } = invitation;
      const brand = emailBrandOf(organization, toBrand(organization.brand), options.publicUrl);
      const sender = senderOf(organization, brand.name, invitation.inviter);
      // The invitee's language when the invitation sets one, else the page's they asked from.
      const locale = memberLocale({
        language: invitation.language,
        channelLocale: item.payload.locale,
        organizationLocale: organization.locale,
      });
      const composed = renderEnrollmentCodeEmail({
        locale,
        organizationName: brand.name,
        brand,
        code: minted.code,
        email: minted.email,
        validMinutes: CODE_VALID_MINUTES,
      });
      result.ready.push({
        message: item.message,
        email: {
          key: item.message.key,
          kind: 'enrollment_code',
          to: { email: minted.email },
          fromName: sender.fromName,
          ...(sender.replyTo ? { replyTo: sender.replyTo } : {}),
          composed,
          templateData: {
            locale,
            organizationName: brand.name,
            logoUrl: brand.logoUrl ?? '',
            color: brand.color,
          },
          customArgs: { sesame_key: item.message.key, outbox_id: item.message.id },
          actionUrl: options.publicUrl,
        },
      });
    } catch (error) {
      result.failed.push({ message: item.message, error: renderError(error) });
    }
  }
  return result;
}
