// Validation in bulk (CSV rows, pasted lists) must collect every problem rather than stop at the
// first one, so validators return a Result carrying a Notice instead of throwing.
import type { Notice } from '../i18n/messages.js';

export type Result<T> = { ok: true; value: T; warnings: Notice[] } | { ok: false; error: Notice };

export const ok = <T>(value: T, warnings: Notice[] = []): Result<T> => ({ ok: true, value, warnings });
export const fail = <T = never>(error: Notice): Result<T> => ({ ok: false, error });
