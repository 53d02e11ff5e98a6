// Turns claimed 'enrollment.code_email' rows into the e-mail carrying the code that verifies an
// address chosen at enrollment; the code is minted here, as the e-mail leaves.
import type { Db } from '../db/database.js';
import { renderEnrollmentCodeEmail } from '../email/templates/enrollment-code.js';
import { CODE_VALID_MINUTES, mintChosenAddressCode } from '../invitations/chosen-address-code.js';
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
        select: { status: true, organization: { select: { name: true } } },
      });
      const minted =
        invitation?.status === 'PENDING'
          ? await mintChosenAddressCode(db, item.payload.invitationId, item.payload.send, options.now)
          : null;
      if (!invitation || !minted) {
        result.skipped.push({ message: item.message, note: 'skipped: the code was replaced, used or expired' });
        continue;
      }
      const composed = renderEnrollmentCodeEmail({
        locale: item.payload.locale,
        organizationName: invitation.organization.name,
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
          composed,
          templateData: { locale: item.payload.locale, organizationName: invitation.organization.name },
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
