// When an organization's digest is due: daily or weekly (a weekday) at a local time of day, in the
// organization's IANA time zone. The instant is computed from the zone's offset at that moment
// (Intl), so 08:00 Europe/Paris is 07:00 UTC in winter and 06:00 UTC in summer.

export type DigestFrequency = 'off' | 'daily' | 'weekly';

export interface DigestSchedule {
  frequency: DigestFrequency | string;
  /** HH:MM, local. */
  time: string;
  /** 1 (Monday) to 7 (Sunday), for a weekly digest. */
  weekday: number;
  timezone: string;
}

const DAY_MS = 86_400_000;

/** Whether Intl knows the zone (it throws a RangeError on an unknown one). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsIn(zone: string, at: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, format);
  }
  const parts = Object.fromEntries(
    format
      .formatToParts(at)
      .filter((p) => p.type !== 'literal')
      .map((p) => [p.type, Number(p.value)]),
  );
  return parts as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
}

/** How far the zone's wall clock is ahead of UTC at that instant, in milliseconds. */
function offsetAt(zone: string, at: Date): number {
  const p = partsIn(zone, at);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/**
 * The instant a local wall-clock time happens in the zone. A time skipped by a DST change
 * (02:30 on the spring-forward night) happens at the same elapsed time after midnight, i.e. 03:30.
 */
export function zonedInstant(zone: string, year: number, month: number, day: number, minutes: number): Date {
  const wall = Date.UTC(year, month - 1, day) + minutes * 60_000;
  // Two passes: the offset at the first guess may differ from the offset at the answer (DST).
  let guess = wall - offsetAt(zone, new Date(wall));
  guess = wall - offsetAt(zone, new Date(guess));
  return new Date(guess);
}

export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** The first due instant strictly after `after`; null when the digest is off. */
export function nextDigestAt(schedule: DigestSchedule, after: Date): Date | null {
  if (schedule.frequency !== 'daily' && schedule.frequency !== 'weekly') return null;
  const local = partsIn(schedule.timezone, after);
  const minutes = minutesOf(schedule.time);
  for (let i = 0; i <= 8; i++) {
    const date = new Date(Date.UTC(local.year, local.month - 1, local.day) + i * DAY_MS);
    const isoWeekday = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
    if (schedule.frequency === 'weekly' && isoWeekday !== schedule.weekday) continue;
    const due = zonedInstant(
      schedule.timezone,
      date.getUTCFullYear(),
      date.getUTCMonth() + 1,
      date.getUTCDate(),
      minutes,
    );
    if (due > after) return due;
  }
  return null;
}

/** The length of a period, for the first digest's "since" (it has no previous digest). */
export function periodMs(frequency: string): number {
  return frequency === 'weekly' ? 7 * DAY_MS : DAY_MS;
}

export const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
