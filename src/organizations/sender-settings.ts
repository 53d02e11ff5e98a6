// The checks of the sender settings (org set from-name | reply-to), and "none" for back to the
// default. Each refusal is its own bilingual message rather than the generic "expected ...".
import { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import { checkEmailAddress } from '../forms/email-address.js';
import { findTextFlaw } from '../text/edge-text.js';

/** A setting's value, or null for "none" (back to its default). The check throws its own AppError. */
export const orNone = (check: (value: string) => string) =>
  z.string().transform((value) => (value.trim().toLowerCase() === 'none' ? null : check(value)));

export function checkFromName(text: string): string {
  const name = text.trim();
  if (name.length < 1 || name.length > 100 || findTextFlaw(name)) {
    throw new AppError('brand.from_name_invalid', {}, 'invalid');
  }
  return name;
}

export function checkReplyTo(text: string): string {
  const checked = checkEmailAddress(text);
  if (!checked.ok) throw new AppError('brand.reply_to_invalid', { email: text.trim().slice(0, 254) }, 'invalid');
  return checked.value;
}
