// How many of each licence are left, read once under the organization's lock (which the caller
// holds, as for seats), then taken row by row: two writers never both take the last one. Shared by
// the invitations writer (a row refused for its licences is reported, the others written) and the
// direct add.
import type { Db } from '../db/database.js';
import { refuse } from '../errors/app-error.js';
import { checkEmailAddress } from '../forms/email-address.js';
import type { Prisma } from '../generated/prisma/client.js';
import { type Notice, notice } from '../i18n/messages.js';
import type { Actor } from '../permissions/actor.js';
import { licenceParams, readLicences } from './licence-catalogue.js';
import { licencesLeft, licenceUsage } from './licence-usage.js';

/** Takes the licences of one person if all are left (null), or says which is not (nothing taken). */
export type TakeLicences = (keys: string[]) => Notice | null;

export async function openLicenceRoom(
  tx: Prisma.TransactionClient,
  organizationId: string,
  /** Licences given back by what this write replaces (an open invitation superseded by a direct add). */
  freed: string[] = [],
): Promise<TakeLicences> {
  const [licences, usage] = await Promise.all([readLicences(tx, organizationId), licenceUsage(tx, organizationId)]);
  for (const key of freed) usage.set(key, (usage.get(key) ?? 1) - 1);
  const left = new Map(licences.map((l) => [l.key, licencesLeft(l.owned, usage.get(l.key) ?? 0)]));
  return (keys) => {
    for (const key of keys) {
      const licence = licences.find((l) => l.key === key);
      // Removed from the catalogue since the request was checked.
      if (!licence) return notice('licence.unknown', { licence: key, known: licences.map((l) => l.key).join(', ') });
      if ((left.get(key) ?? 0) <= 0)
        return notice('licence.none_left', { ...licenceParams(licence), left: 0, owned: licence.owned ?? 0 });
    }
    for (const key of keys) left.set(key, (left.get(key) ?? 0) - 1);
    return null;
  };
}

/**
 * For a form's early answer: the refusal when one of `licences` has none left for one more person,
 * or null. For a direct add to `addedEmail`, an open invitation to that address gives its own
 * licences back, as the add itself does (add-member.ts), which checks again under the lock.
 */
export async function licenceShortfall(db: Db, actor: Actor, licences: string[], addedEmail: string | undefined) {
  const organizationId = actor.organization.id;
  const email = addedEmail ? checkEmailAddress(addedEmail, actor.organization.allowedDomains) : undefined;
  const superseded = email?.ok
    ? await db.invitation.findFirst({ where: { organizationId, openEmail: email.value }, select: { licences: true } })
    : null;
  const refusal = (await openLicenceRoom(db, organizationId, superseded?.licences ?? []))(licences);
  return refusal ? refuse(refusal) : null;
}
