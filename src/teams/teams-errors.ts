// Failures that are Teams' own, or a card's: each has its own words (teamsErrorText), never
// "something went wrong on our side".
import type { z } from 'zod';

/** Teams could not be asked who is speaking (no serviceUrl, the Bot Connector down or refusing). */
export class TeamsUnreachableError extends Error {
  override name = 'TeamsUnreachableError';
}

/** A card or dialog sent data Sesame cannot read (an old card, a changed form, a forged invoke). */
export class BadSubmissionError extends Error {
  override name = 'BadSubmissionError';
}

/**
 * Reads a card's or dialog's submitted data at the edge. What is wrong is said by path only: the
 * values may be anything a person typed.
 */
export function parseSubmission<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const paths = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)');
  throw new BadSubmissionError(`unreadable submission: ${[...new Set(paths)].join(', ')}`);
}

/** The HTTP status of a failed Bot Connector call, as the SDK's client (axios) reports it. */
export const statusOf = (error: unknown): number | undefined => {
  const status = (error as { response?: { status?: unknown } } | undefined)?.response?.status;
  return typeof status === 'number' ? status : undefined;
};
