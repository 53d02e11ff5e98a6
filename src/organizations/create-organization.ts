// Creates an organization with its owner (an operator's act: no acting member exists yet, so the
// audit trail names the new owner as the one who created it).
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Db } from '../db/database.js';
import { AppError, refuse, unwrap } from '../errors/app-error.js';
import { checkEmailAddress } from '../forms/email-address.js';
import { usernameFromEmail } from '../forms/username.js';
import { Prisma } from '../generated/prisma/client.js';
import type { Locale } from '../i18n/locale.js';
import type { Channel } from '../permissions/actor.js';
import { checkEdgeText } from '../text/edge-text.js';
import { defaultCatalogue } from './catalogue.js';
import { type Organization, toOrganization } from './organization.js';

export interface CreateOrganizationInput {
  name: string;
  seats: number;
  ownerEmail: string;
  locale?: Locale;
  channel: Channel;
}

export function createOrganization(db: Db, input: CreateOrganizationInput): Promise<Organization> {
  return db.$transaction((tx) => createOrganizationIn(tx, input));
}

/**
 * The same inside the caller's transaction, for an operation that sets up more with the
 * organization (a chat workspace linked as it is created): a later failure undoes it all.
 */
export async function createOrganizationIn(
  tx: Prisma.TransactionClient,
  input: CreateOrganizationInput,
): Promise<Organization> {
  const name = input.name.trim();
  unwrap(checkEdgeText('Organization name', name));
  if (!name || name.length > 100)
    throw new AppError('org.setting_invalid', { key: 'name', expected: '1 to 100 characters' }, 'invalid');
  if (!Number.isInteger(input.seats) || input.seats < 1) {
    throw new AppError('org.setting_invalid', { key: 'seats', expected: 'a whole number of at least 1' }, 'invalid');
  }
  const email = checkEmailAddress(input.ownerEmail);
  if (!email.ok) throw refuse(email.error, 'invalid');
  const owner = defaultCatalogue.roles.find((r) => r.admin) ?? defaultCatalogue.roles[0];
  const org = await tx.organization
    .create({ data: { name, seatLimit: input.seats, locale: input.locale ?? 'en', catalogue: defaultCatalogue } })
    .catch((error: unknown) => {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw new AppError('org.name_taken', { name }, 'conflict');
      }
      throw error;
    });
  const member = await tx.member.create({
    data: {
      organizationId: org.id,
      email: email.value,
      username: usernameFromEmail(email.value),
      role: owner?.key ?? defaultCatalogue.defaultRole,
      userType: 'creator',
      isOwner: true,
      isManager: true,
    },
  });
  const organization = toOrganization(org);
  await recordAuditEvent(
    tx,
    { organization, member, channel: input.channel, locale: organization.locale },
    {
      action: 'organization.created',
      subjectType: 'organization',
      subjectId: org.id,
      data: { name, seats: input.seats },
    },
  );
  return organization;
}
