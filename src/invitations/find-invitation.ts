// Finds an invitation of the actor's organization by id or by e-mail (the open one first).
import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import type { Invitation } from '../generated/prisma/client.js';
import type { Locale } from '../i18n/locale.js';
import type { Actor } from '../permissions/actor.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findInvitation(db: Db, actor: Actor, ref: string): Promise<Invitation> {
  const organizationId = actor.organization.id;
  const key = ref.trim();
  const invitation = UUID.test(key)
    ? await db.invitation.findFirst({ where: { id: key, organizationId } })
    : ((await db.invitation.findFirst({ where: { organizationId, openEmail: key.toLowerCase() } })) ??
      (await db.invitation.findFirst({
        where: { organizationId, email: key.toLowerCase() },
        orderBy: { createdAt: 'desc' },
      })));
  if (!invitation) throw new AppError('invitation.not_found', { ref: key }, 'not_found');
  return invitation;
}

export const statusLabel = (status: Invitation['status'], locale: Locale): string =>
  ({
    PENDING: { en: 'pending', fr: 'en attente' },
    AWAITING_APPROVAL: { en: 'awaiting approval', fr: "en attente d'approbation" },
    ACCEPTED: { en: 'accepted', fr: 'acceptée' },
    REVOKED: { en: 'revoked', fr: 'révoquée' },
    EXPIRED: { en: 'expired', fr: 'expirée' },
    CANCELLED: { en: 'cancelled', fr: 'annulée' },
  })[status][locale];
