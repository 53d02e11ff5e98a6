// An invitee chose another address: keep what they typed (the password only as its hash) and
// e-mail a code to that address. A new try replaces the previous one, up to CODE_SENDS codes.
import type { Db } from '../db/database.js';
import { FormError } from '../forms/form-error.js';
import type { Invitation } from '../generated/prisma/client.js';
import type { Locale } from '../i18n/locale.js';
import { notice } from '../i18n/messages.js';
import { enqueue, outboxKinds } from '../outbox/enqueue.js';
import { outboxKey, outboxKeys } from '../outbox/outbox-keys.js';
import { CODE_SENDS, CODE_VALID_MINUTES } from './chosen-address-code.js';
import type { Enrollee } from './enroll-member.js';

export async function askForChosenAddressCode(
  db: Db,
  invitation: Invitation,
  enrollee: Enrollee,
  locale: Locale,
  now: Date,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const expiresAt = new Date(now.getTime() + CODE_VALID_MINUTES * 60_000);
    const fields = {
      email: enrollee.email,
      firstName: enrollee.firstName,
      lastName: enrollee.lastName,
      username: enrollee.username,
      passwordHash: enrollee.passwordHash,
      codeHash: null,
      attempts: 0,
      expiresAt,
    };
    const previous = await tx.enrollmentVerification.findUnique({
      where: { invitationId: invitation.id },
      select: { sends: true },
    });
    // Each try sends an e-mail to an address of the visitor's choice: bounded per invitation.
    if (previous && previous.sends >= CODE_SENDS) {
      throw new FormError({ email: notice('verification.too_many_codes', { max: CODE_SENDS }) });
    }
    const row = await tx.enrollmentVerification.upsert({
      where: { invitationId: invitation.id },
      create: { invitationId: invitation.id, ...fields },
      update: { ...fields, sends: { increment: 1 } },
    });
    await enqueue(tx, {
      organizationId: invitation.organizationId,
      kind: outboxKinds.enrollmentCodeEmail,
      key: outboxKey(outboxKeys.enrollmentCodeEmail, { invitationId: invitation.id, send: row.sends }),
      payload: { invitationId: invitation.id, send: row.sends, locale },
    });
  });
}
