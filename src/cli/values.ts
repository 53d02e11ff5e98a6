// The values given on the command line, checked as commander parses them: an invalid value
// becomes commander's "option '--x <n>' argument 'y' is invalid" error (exit code 2) before
// anything else runs. Plain checks, not zod schemas: `sesame --help` loads no zod (95 modules).
import { type Argument, type Command, InvalidArgumentError } from 'commander';
import type { ZodType } from 'zod';
import type { InvitationStatus, SeatRequestStatus } from '../generated/prisma/client.js';
import { type Locale, locales } from '../i18n/locale.js';

/** A commander argParser: the value, parsed, or InvalidArgumentError saying what was expected. */
export type Check<T> = (value: string) => T;

const invalid = (message: string): never => {
  throw new InvalidArgumentError(message);
};

const oneOf = <T extends string>(choices: readonly T[], value: string, message: string): T =>
  (choices as readonly string[]).includes(value) ? (value as T) : invalid(message);

export const lang: Check<Locale> = (value) => oneOf(locales, value, 'expected fr or en');

const wholeNumber =
  (min: number, max: number, what: string): Check<number> =>
  (value) => {
    const digits = value.trim();
    const parsed = Number(digits);
    return /^\d+$/.test(digits) && parsed >= min && parsed <= max ? parsed : invalid(`expected ${what}`);
  };

export const seats = wholeNumber(1, 1_000_000, 'a whole number of seats (at least 1)');
export const days = wholeNumber(0, 3650, 'a number of days (0 or more)');
export const page = wholeNumber(1, 1_000_000, 'a page number (1 or more)');
export const pageSize = wholeNumber(1, 500, 'a page size between 1 and 500');
export const limit = wholeNumber(1, 10_000, 'a number between 1 and 10000');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const id: Check<string> = (value) =>
  UUID.test(value.trim()) ? value.trim().toLowerCase() : invalid('expected an id (a UUID)');

export const nonEmpty: Check<string> = (value) => value.trim() || invalid('expected a non-empty value');

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
export const invitationStatus: Check<InvitationStatus[]> = (value) => {
  const name = oneOf(
    invitationStatusNames,
    value.trim().toLowerCase().replace(/_/g, '-'),
    `expected ${invitationStatusNames.join(', ')}`,
  );
  return name === 'all'
    ? [...new Set(Object.values(invitationStatuses))]
    : [invitationStatuses[name] as InvitationStatus];
};

export const seatRequestStatus: Check<SeatRequestStatus> = (value) =>
  oneOf(
    ['pending', 'approved', 'denied'],
    value.trim().toLowerCase(),
    'expected pending, approved or denied',
  ).toUpperCase() as SeatRequestStatus;

const yes = ['true', 'yes', 'oui', 'on', '1'];
const no = ['false', 'no', 'non', 'off', '0'];
export const boolean: Check<boolean> = (value) =>
  yes.includes(oneOf([...yes, ...no], value.trim().toLowerCase(), 'expected true or false'));

/** A check by a schema the domain defines (e.g. the job names), loaded by the command that uses it. */
export const bySchema =
  <T>(schema: () => ZodType<T, string>): Check<T> =>
  (value) => {
    const result = schema().safeParse(value);
    return result.success ? result.data : invalid(result.error.issues[0]?.message ?? 'invalid value');
  };

/**
 * commander's `choices`, from a list the domain defines: loaded when the argument is parsed or
 * the command's help is shown, so that `sesame --help` loads no domain module.
 */
export function choicesOnUse(command: Command, argument: Argument, load: () => readonly string[]): Argument {
  const apply = () => {
    if (!argument.argChoices) argument.choices(load());
  };
  command.on('beforeHelp', apply);
  return argument.argParser((value: string, previous: unknown) => {
    apply();
    return (argument.parseArg as (value: string, previous: unknown) => unknown)(value, previous);
  });
}

/** A commander argParser for a repeatable option; each occurrence may hold a comma-separated list. */
export const list =
  <T>(check: Check<T>) =>
  (value: string, previous: T[] | undefined): T[] => [
    ...(previous ?? []),
    ...value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean)
      .map(check),
  ];

/** A repeatable option whose values are kept as given, one per occurrence (group names may hold commas). */
export const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** Addresses as typed: several per argument are allowed, separated by commas, semicolons or spaces. */
export const splitAddresses = (values: readonly string[]): string[] =>
  values.flatMap((v) => v.split(/[\s,;]+/)).filter(Boolean);
