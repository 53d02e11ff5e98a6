// A form's problems keyed by field, so that a page shows each next to its field. Thrown by the
// domain operations behind a form (accepting an invitation, a first sign-in, a chosen address).
import type { Notice } from '../i18n/messages.js';

export type FieldErrors = Partial<
  Record<'firstName' | 'lastName' | 'username' | 'email' | 'password' | 'passwordConfirmation' | 'code', Notice>
>;

export class FormError extends Error {
  constructor(readonly fields: FieldErrors) {
    super('form has errors');
  }
}
