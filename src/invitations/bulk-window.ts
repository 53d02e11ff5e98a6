// What the pending list's two bulk actions share (bulk-resend-expired.ts, bulk-revoke-stale.ts):
// the window they look back over (N days, 1 to 365, checked here for every channel), what their
// preview shows (a count and a few addresses), and the one audit row each run records.
import { insertAuditRowsSql } from '../audit/audit-rows.js';
import { sqlText } from '../db/sql-text.js';
import { AppError } from '../errors/app-error.js';

export const BULK_DAYS = { min: 1, max: 365 } as const;

/** How many addresses a preview names (the confirmation stays short). */
export const BULK_SAMPLE_SIZE = 5;

/**
 * The number of days a bulk action looks back over: a whole number from 1 to 365, given as a
 * number or as typed ("30"). Anything else is refused with what to type instead.
 */
export function parseBulkDays(value: unknown): number {
  const typed = typeof value === 'string' ? value.trim() : value;
  const days = typeof typed === 'string' && /^\d{1,3}$/.test(typed) ? Number(typed) : typed;
  if (typeof days === 'number' && Number.isInteger(days) && days >= BULK_DAYS.min && days <= BULK_DAYS.max) return days;
  const shown = String(value ?? '').slice(0, 40);
  throw new AppError('bulk.days_invalid', { days: shown, ...BULK_DAYS }, 'invalid');
}

/** The moment `days` before `now`. */
export const daysBefore = (now: Date, days: number): Date => new Date(now.getTime() - days * 86_400_000);

/** What a bulk action reports: how many, and a few of their addresses (in the order acted on). */
export const sampleOf = (emails: readonly string[]): string[] => emails.slice(0, BULK_SAMPLE_SIZE);

/** A confirmed action reports whether the count it acted on differs from the one confirmed. */
export const changedSince = (expected: number | undefined, actual: number): boolean =>
  expected !== undefined && expected !== actual;

/**
 * The one audit row of a bulk run, over the CTE `acted` (one row per invitation, with `id`):
 * the count and the ids, and `extra` (SQL jsonb_build_object pairs). Nothing is recorded when
 * nothing was done, so a second run of the same action leaves no trace. Parameters $1-$4 are the
 * organization and the actor (id, e-mail, channel).
 */
export function insertBulkAuditRowSql(action: string, extra: string): string {
  return insertAuditRowsSql(
    {
      organizationId: '$1::uuid',
      actorId: '$2::uuid',
      actorEmail: '$3::text',
      channel: '$4::text',
      action: sqlText(action),
      subjectType: sqlText('organization'),
      subjectId: '$1::text',
      data: `jsonb_build_object('count', s.count, 'ids', s.ids, ${extra})`,
    },
    `FROM (SELECT count(*)::int AS count, coalesce(jsonb_agg(id::text ORDER BY id), '[]'::jsonb) AS ids,
                  count(*) FILTER (WHERE held)::int AS held
             FROM acted) s
      WHERE s.count > 0`,
  );
}
