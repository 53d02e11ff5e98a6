// zod schemas for the values given on the command line, and the adapters that let commander
// use them: an invalid value becomes commander's "option '--x <n>' argument 'y' is invalid"
// error (exit code 2) before anything else runs.
import { InvalidArgumentError } from 'commander';
import { z } from 'zod';
import type { InvitationStatus, SeatRequestStatus } from '../generated/prisma/client.js';

export const langSchema = z.enum(['fr', 'en'], { message: 'expected fr or en' });

const wholeNumber = (min: number, max: number, what: string) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `expected ${what}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `expected ${what}`).max(max, `expected ${what}`));

export const seatsSchema = wholeNumber(1, 1_000_000, 'a whole number of seats (at least 1)');
export const daysSchema = wholeNumber(0, 3650, 'a number of days (0 or more)');
export const pageSchema = wholeNumber(1, 1_000_000, 'a page number (1 or more)');
export const pageSizeSchema = wholeNumber(1, 500, 'a page size between 1 and 500');
export const limitSchema = wholeNumber(1, 10_000, 'a number between 1 and 10000');

export const idSchema = z
  .string()
  .trim()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'expected an id (a UUID)')
  .transform((id) => id.toLowerCase());

export const nonEmptySchema = z.string().trim().min(1, 'expected a non-empty value');

const invitationStatuses: Record<string, InvitationStatus> = {
  pending: 'PENDING',
  'awaiting-approval': 'AWAITING_APPROVAL',
  held: 'AWAITING_APPROVAL',
  accepted: 'ACCEPTED',
  revoked: 'REVOKED',
  expired: 'EXPIRED',
  cancelled: 'CANCELLED',
};
export const invitationStatusNames = [...Object.keys(invitationStatuses), 'all'];

/** One status name, or "all" (every status). */
export const invitationStatusSchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((s) => s.replace(/_/g, '-'))
  .pipe(
    z.enum(invitationStatusNames as [string, ...string[]], { message: `expected ${invitationStatusNames.join(', ')}` }),
  )
  .transform((s): InvitationStatus[] =>
    s === 'all' ? [...new Set(Object.values(invitationStatuses))] : [invitationStatuses[s] as InvitationStatus],
  );

export const seatRequestStatusSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['pending', 'approved', 'denied'], { message: 'expected pending, approved or denied' }))
  .transform((s) => s.toUpperCase() as SeatRequestStatus);

export const booleanSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(
    z.enum(['true', 'false', 'yes', 'no', 'oui', 'non', 'on', 'off', '1', '0'], { message: 'expected true or false' }),
  )
  .transform((v) => ['true', 'yes', 'oui', 'on', '1'].includes(v));

function parse<T>(schema: z.ZodType<T, string>, value: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new InvalidArgumentError(result.error.issues[0]?.message ?? 'invalid value');
}

/** A commander argParser validating one value. */
export const arg =
  <T>(schema: z.ZodType<T, string>) =>
  (value: string): T =>
    parse(schema, value);

/** A commander argParser for a repeatable option; each occurrence may hold a comma-separated list. */
export const list =
  <T>(schema: z.ZodType<T, string>) =>
  (value: string, previous: T[] | undefined): T[] => [
    ...(previous ?? []),
    ...value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean)
      .map((v) => parse(schema, v)),
  ];

/** A repeatable option whose values are kept as given, one per occurrence (group names may hold commas). */
export const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** Addresses as typed: several per argument are allowed, separated by commas, semicolons or spaces. */
export const splitAddresses = (values: readonly string[]): string[] =>
  values.flatMap((v) => v.split(/[\s,;]+/)).filter(Boolean);
