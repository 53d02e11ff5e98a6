import type { Locale } from './locale.js';

/** "5 h 12 min", "3 min", "1 d 2 h" ("1 j 2 h" in French), rounded up to the minute. */
export function formatDuration(ms: number, locale: Locale): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const parts = [];
  if (days) parts.push(`${days} ${locale === 'fr' ? 'j' : 'd'}`);
  if (hours) parts.push(`${hours} h`);
  if (mins && !days) parts.push(`${mins} min`);
  return parts.join(' ');
}
