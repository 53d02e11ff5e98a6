// Changes one organization setting from its text form (`sesame org set <key> <value>`,
// the chat settings dialogs). Owners only: these settings shape billing and security.
import { z } from 'zod';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { checkNextStepUrl } from '../brand/next-step-url.js';
import type { Db } from '../db/database.js';
import { digestScheduleColumns, digestSettingSchemas, rescheduleDigest } from '../digest/digest-settings.js';
import { AppError } from '../errors/app-error.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { Actor } from '../permissions/actor.js';
import { assertOwner } from '../permissions/policy.js';
import { followSeatLimit } from '../seats/follow-held-invitations.js';
import { type SeatKind, seatUsage } from '../seats/seat-usage.js';
import { findTextFlaw } from '../text/edge-text.js';
import { type Organization, toOrganization } from './organization.js';
import { checkFromName, checkReplyTo, orNone } from './sender-settings.js';

const list = (value: string) => (value.trim().toLowerCase() === 'none' ? [] : value.split(/[\s,;]+/).filter(Boolean));
const domain = z
  .string()
  .regex(/^@?[a-z0-9-]+(\.[a-z0-9-]+)+$/i)
  .transform((d) => d.replace(/^@/, '').toLowerCase());

const settings = {
  name: {
    column: 'name',
    expected: '1 to 100 characters, without control characters',
    schema: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .refine((name) => !findTextFlaw(name)),
  },
  locale: { column: 'locale', expected: 'fr or en', schema: z.enum(['fr', 'en']) },
  seats: {
    column: 'seatLimit',
    expected: 'a whole number of at least 1',
    schema: z.coerce.number().int().min(1).max(1_000_000),
  },
  'external-seats': {
    column: 'externalSeatLimit',
    expected: 'a whole number of 0 or more',
    schema: z.coerce.number().int().min(0).max(1_000_000),
  },
  'invitation-lifetime-days': {
    column: 'invitationLifetimeDays',
    expected: 'a number of days between 1 and 365',
    schema: z.coerce.number().int().min(1).max(365),
  },
  'reminder-days': {
    column: 'reminderDays',
    expected: 'days after sending, e.g. "3,10" (or "none")',
    schema: z
      .string()
      .transform(list)
      .pipe(z.array(z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(1).max(365))).max(10))
      .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
  },
  'resend-cooldown-hours': {
    column: 'resendCooldownHours',
    expected: 'a number of hours between 0 and 720',
    schema: z.coerce.number().int().min(0).max(720),
  },
  'allowed-domains': {
    column: 'allowedDomains',
    expected: 'domains separated by commas, e.g. "example.com,example.fr" (or "none")',
    schema: z.string().transform(list).pipe(z.array(domain).max(100)),
  },
  'uses-usernames': {
    column: 'usesUsernames',
    expected: 'true or false',
    schema: z.enum(['true', 'false', 'yes', 'no', 'oui', 'non']).transform((v) => ['true', 'yes', 'oui'].includes(v)),
  },
  // Members who are not admins may ask the admins to invite someone (src/invite-requests/).
  'invite-requests': {
    column: 'inviteRequestsEnabled',
    expected: 'on or off',
    schema: z
      .enum(['on', 'off', 'true', 'false', 'yes', 'no', 'oui', 'non'])
      .transform((v) => ['on', 'true', 'yes', 'oui'].includes(v)),
  },
  // The sender and the next step (issue 18): each check throws its own bilingual refusal.
  'from-name': { column: 'emailFromName', expected: 'a name, or "none"', schema: orNone(checkFromName) },
  'reply-to': { column: 'emailReplyTo', expected: 'an e-mail address, or "none"', schema: orNone(checkReplyTo) },
  'sign-in-url': {
    column: 'signInUrl',
    expected: 'an https:// address, or "none"',
    schema: orNone((value) => checkNextStepUrl('sign-in-url', value)),
  },
  'getting-started-url': {
    column: 'gettingStartedUrl',
    expected: 'an https:// address, or "none"',
    schema: orNone((value) => checkNextStepUrl('getting-started-url', value)),
  },
  // The managers' channel digest (src/digest/): each check throws its own bilingual refusal.
  digest: { column: 'digestFrequency', expected: 'daily, weekly or off', schema: digestSettingSchemas.digest },
  'digest-time': { column: 'digestTime', expected: 'HH:MM', schema: digestSettingSchemas['digest-time'] },
  'digest-day': { column: 'digestWeekday', expected: 'monday to sunday', schema: digestSettingSchemas['digest-day'] },
  'digest-when': { column: 'digestAlways', expected: 'always or changes', schema: digestSettingSchemas['digest-when'] },
  timezone: { column: 'timezone', expected: 'an IANA time zone', schema: digestSettingSchemas.timezone },
} as const;

export type SettingKey = keyof typeof settings;
export const settingKeys = Object.keys(settings) as SettingKey[];

export async function updateOrganizationSetting(
  db: Db,
  actor: Actor,
  key: string,
  value: string,
): Promise<Organization> {
  assertOwner(actor);
  const setting = settings[key as SettingKey];
  if (!setting) throw new AppError('org.setting_unknown', { key, known: settingKeys.join(', ') }, 'invalid');
  const parsed = setting.schema.safeParse(value);
  if (!parsed.success) throw new AppError('org.setting_invalid', { key, expected: setting.expected }, 'invalid');
  const data = { [setting.column]: parsed.data } as Prisma.OrganizationUpdateInput;
  const row = await db.$transaction(async (tx) => {
    if (setting.column === 'seatLimit') await refuseBelowUsage(tx, actor.organization.id, parsed.data as number);
    if (setting.column === 'externalSeatLimit') {
      await refuseBelowUsage(tx, actor.organization.id, parsed.data as number, 'external');
    }
    const updated = await tx.organization.update({ where: { id: actor.organization.id }, data });
    await recordAuditEvent(tx, actor, {
      action: 'organization.setting_changed',
      subjectType: 'organization',
      subjectId: updated.id,
      data: { key, value: parsed.data as Prisma.InputJsonValue },
    });
    // Open seat requests (of the plan's seats, or the external ones) now cost another number of
    // seats: their cards show it.
    if (setting.column === 'seatLimit') await followSeatLimit(tx, updated.id, 'internal');
    if (setting.column === 'externalSeatLimit') await followSeatLimit(tx, updated.id, 'external');
    // The next digest follows its schedule's new frequency, time, day or zone.
    if (digestScheduleColumns.has(setting.column)) {
      return { ...updated, nextDigestAt: await rescheduleDigest(tx, updated) };
    }
    return updated;
  });
  return toOrganization(row);
}

/**
 * A limit below the seats in use (the plan's, or the external members' own) would leave the
 * organization over it with nothing to decide: refused, with the figures. Under the organization's lock, like every seat write.
 */
async function refuseBelowUsage(
  tx: Prisma.TransactionClient,
  organizationId: string,
  limit: number,
  kind: SeatKind = 'internal',
): Promise<void> {
  await tx.$queryRawUnsafe('SELECT 1 FROM organization WHERE id = $1::uuid FOR UPDATE', organizationId);
  const usage = await seatUsage(tx, organizationId, kind);
  if (limit < usage.used) {
    throw new AppError('org.seats_below_usage', { limit, ...usage }, 'refused');
  }
}
