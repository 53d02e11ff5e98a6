// Builds the Actor for a channel: the organization (already known to the channel) and the
// member acting, matched by e-mail, never by a chat id from configuration.
import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import type { Member, Prisma } from '../generated/prisma/client.js';
import { type Locale, pickLocale } from '../i18n/locale.js';
import type { Organization } from '../organizations/organization.js';
import type { Actor, Channel } from '../permissions/actor.js';

export async function resolveActor(
  db: Db | Prisma.TransactionClient,
  options: { organization: Organization; email?: string; channel: Channel; locale?: Locale | string },
): Promise<Actor> {
  const { organization } = options;
  let member: Member | null;
  if (options.email) {
    const email = options.email.trim().toLowerCase();
    member = await db.member.findUnique({
      where: { organizationId_email: { organizationId: organization.id, email } },
    });
    if (!member) throw new AppError('member.not_found', { email }, 'forbidden');
  } else {
    member = await db.member.findFirst({
      where: { organizationId: organization.id, isOwner: true },
      orderBy: { createdAt: 'asc' },
    });
    if (!member) throw new AppError('member.not_found', { email: '(owner)' }, 'not_found');
  }
  return { organization, member, channel: options.channel, locale: pickLocale(options.locale, organization.locale) };
}
