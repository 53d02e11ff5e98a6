// The password policy for temporary passwords and enrollment (ArcGIS's default policy):
// at least 8 characters with a letter and a digit, not the username, not a common password,
// not made of repeated or sequential runs (aaaabbbb, 1234abcd) nor of keyboard runs (azertyuiop).
import { dictionary } from '@zxcvbn-ts/language-common';
import { fail, ok, type Result } from '../errors/result.js';
import { notice } from '../i18n/messages.js';
import { checkEdgeText } from '../text/edge-text.js';
import { frenchCommonPasswords } from './french-common-passwords.js';
import { isKeyboardRun } from './keyboard-runs.js';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

// zxcvbn's list of the ~50,000 most common passwords, and the words French passwords are built on.
const common = new Set<string>([...(dictionary['passwords-common'] as string[]), ...frenchCommonPasswords]);

export function checkPassword(password: string, username?: string | null): Result<string> {
  const clean = checkEdgeText('Password', password);
  if (!clean.ok) return clean;
  if (password.length < PASSWORD_MIN) return fail(notice('password.too_short', { min: PASSWORD_MIN }));
  if (password.length > PASSWORD_MAX) return fail(notice('password.too_long', { max: PASSWORD_MAX }));
  if (!/\p{L}/u.test(password) || !/\p{Nd}/u.test(password)) return fail(notice('password.needs_letter_and_digit', {}));
  if (username && password.toLowerCase() === username.toLowerCase())
    return fail(notice('password.same_as_username', {}));
  // The shape first: "aaaaaaaa1" is on the lists too, but "repeated" tells what to change.
  if (isRepeatedOrSequential(password)) return fail(notice('password.repeated_or_sequential', {}));
  if (isKeyboardRun(password)) return fail(notice('password.keyboard_run', {}));
  if (isCommon(password)) return fail(notice('password.common', {}));
  return ok(password);
}

function isCommon(password: string): boolean {
  const lower = password.toLowerCase();
  // "Password1!" is as guessable as "password1": also check without trailing symbols; and a common
  // word with digits after it (soleil2024, doudou123) is tried right after the word itself.
  const word = lower
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}]+$/u, '');
  return (
    common.has(lower) || common.has(lower.replace(/[^\p{L}\p{N}]+$/u, '')) || (word.length >= 4 && common.has(word))
  );
}

/**
 * True when runs of 3+ characters that repeat (aaaa) or follow each other up or down (1234,
 * abcd, dcba) make up at least 80% of the password: aaaabbbb, 1234abcd and aaaabbbb1 fall to the
 * first guesses of any cracker, while a password with one short run in it (abc1x234) does not.
 */
export function isRepeatedOrSequential(password: string): boolean {
  const codes = [...password.toLowerCase()].map((c) => c.codePointAt(0) ?? 0);
  let covered = 0;
  let i = 0;
  while (i < codes.length) {
    const step = (codes[i + 1] ?? Number.NaN) - (codes[i] ?? 0);
    let end = i;
    if ([0, 1, -1].includes(step)) {
      while (end + 1 < codes.length && (codes[end + 1] ?? 0) - (codes[end] ?? 0) === step) end++;
    }
    const length = end - i + 1;
    if (length >= 3) covered += length;
    i = end + 1;
  }
  return codes.length > 0 && covered / codes.length >= 0.8;
}
