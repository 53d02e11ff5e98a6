// The one error type of the domain: a stable code (see src/i18n/messages.ts) and the values the
// message needs. Each channel renders it its own way (CLI exit code, Slack ephemeral, HTTP page).
import type { MessageCode, MessageParams } from '../i18n/messages.js';
import type { Result } from './result.js';

export type ErrorKind = 'refused' | 'not_found' | 'forbidden' | 'conflict' | 'invalid';

export class AppError<C extends MessageCode = MessageCode> extends Error {
  constructor(
    readonly code: C,
    readonly params: MessageParams<C>,
    readonly kind: ErrorKind = 'refused',
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

/** Turns a validation notice into the error that refuses the whole operation. */
export const refuse = (n: { code: MessageCode; params: unknown }, kind: ErrorKind = 'refused'): AppError =>
  new AppError(n.code, n.params as never, kind);

/** The value of a validation result, or the refusal of the whole operation with its notice. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw refuse(result.error, 'invalid');
  return result.value;
}
