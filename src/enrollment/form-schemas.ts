// The enrollment forms as they arrive (application/x-www-form-urlencoded), checked at the edge.
// Generous bounds only: the domain owns the real rules and answers with per-field errors.
import { z } from 'zod';
import { locales } from '../i18n/locale.js';

const text = (max: number) => z.string().max(max).default('');
const common = {
  csrf: z.string().max(100).optional(),
  /** The language the form was shown in: the answer comes back in it. */
  lang: z.enum(locales).optional().catch(undefined),
};

export const acceptFormSchema = z.object({
  ...common,
  firstName: text(500),
  lastName: text(500),
  username: text(500),
  email: text(500),
  password: text(1024),
  passwordConfirmation: text(1024),
  /** 'verify': the code sent to a chosen address is typed back (the second step). */
  step: z.enum(['verify']).optional().catch(undefined),
  code: text(50),
});

export const firstLoginFormSchema = z.object({
  ...common,
  login: text(500),
  temporaryPassword: text(1024),
  newPassword: text(1024),
  passwordConfirmation: text(1024),
});

export const organizationIdSchema = z.uuid();
