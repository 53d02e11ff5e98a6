// The digest's settings as `org set` reads them (organizations/update-setting.ts declares them
// with these schemas): each refusal is its own bilingual message naming what is expected. English
// words and their French equivalents are accepted alike.
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { DigestSettingKey } from '../i18n/digest-messages.js';
import { isTimeZone, nextDigestAt, weekdays } from './digest-schedule.js';

const refuse = (key: DigestSettingKey, value: string) =>
  new AppError('digest.setting_invalid', { key, value: value.trim().slice(0, 60) }, 'invalid');

/** A word among the accepted ones (lower-cased), mapped to the stored value. */
const oneOf = <T>(key: DigestSettingKey, words: Record<string, T>) =>
  z.string().transform((value) => {
    const word = value.trim().toLowerCase();
    if (!Object.hasOwn(words, word)) throw refuse(key, value);
    return words[word] as T;
  });

const frenchWeekdays = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

export const digestSettingSchemas = {
  digest: oneOf('digest', {
    off: 'off',
    none: 'off',
    désactivé: 'off',
    daily: 'daily',
    quotidien: 'daily',
    weekly: 'weekly',
    hebdomadaire: 'weekly',
  }),
  'digest-time': z.string().transform((value) => {
    const match = /^([01]?\d|2[0-3])[:h]([0-5]\d)$/.exec(value.trim());
    if (!match) throw refuse('digest-time', value);
    return `${(match[1] ?? '').padStart(2, '0')}:${match[2]}`;
  }),
  'digest-day': oneOf('digest-day', {
    ...Object.fromEntries(weekdays.map((day, index) => [day, index + 1])),
    ...Object.fromEntries(frenchWeekdays.map((day, index) => [day, index + 1])),
  } as Record<string, number>),
  timezone: z.string().transform((value) => {
    const zone = value.trim();
    // Intl throws on an unknown zone; a name with other characters is refused before it.
    if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(zone) || !isTimeZone(zone)) throw refuse('timezone', value);
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  }),
  'digest-when': oneOf('digest-when', { always: true, toujours: true, changes: false, changements: false }),
};

/** The columns whose change moves the next digest. */
export const digestScheduleColumns: ReadonlySet<string> = new Set([
  'digestFrequency',
  'digestTime',
  'digestWeekday',
  'timezone',
]);

/** Sets when the next digest is due from the organization's settings as they are now (NULL when off). */
export async function rescheduleDigest(
  tx: Prisma.TransactionClient | Db,
  organization: { id: string; digestFrequency: string; digestTime: string; digestWeekday: number; timezone: string },
  now = new Date(),
): Promise<Date | null> {
  const next = nextDigestAt(scheduleOf(organization), now);
  await tx.organization.update({ where: { id: organization.id }, data: { nextDigestAt: next } });
  return next;
}

export const scheduleOf = (organization: {
  digestFrequency: string;
  digestTime: string;
  digestWeekday: number;
  timezone: string;
}) => ({
  frequency: organization.digestFrequency,
  time: organization.digestTime,
  weekday: organization.digestWeekday,
  timezone: organization.timezone,
});
