// Runs of neighbouring keys (azerty, qsdfgh, wxcvbn, qwerty, 1234): among the first guesses of
// any cracker. French keyboards are AZERTY, so its rows count as much as QWERTY's (and QWERTZ's).

const rows = [
  // QWERTY
  '1234567890',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  // AZERTY (its digit row unshifted gives these symbols)
  '&é"\'(-è_çà',
  'azertyuiop',
  'qsdfghjklm',
  'wxcvbn',
  // QWERTZ
  'qwertzuiop',
  'yxcvbnm',
];

// Every ordered pair of keys that sit side by side on a row, in either direction.
const neighbours = new Set(
  rows.flatMap((row) => {
    const keys = [...row];
    return keys.slice(1).flatMap((key, i) => [`${keys[i]}${key}`, `${key}${keys[i]}`]);
  }),
);

/**
 * True when runs of 3+ neighbouring keys make up at least 80% of the password (azertyuiop1,
 * wxcvbn123, azer1234), the same share as for repeated or sequential characters.
 */
export function isKeyboardRun(password: string): boolean {
  const keys = [...password.toLowerCase()];
  let covered = 0;
  let i = 0;
  while (i < keys.length) {
    let end = i;
    // A run keeps one direction along its row: "aza" is not a run.
    while (end + 1 < keys.length && neighbours.has(`${keys[end]}${keys[end + 1]}`) && keys[end + 1] !== keys[end - 1]) {
      end++;
    }
    const length = end - i + 1;
    if (length >= 3) covered += length;
    i = end + 1;
  }
  return keys.length > 0 && covered / keys.length >= 0.8;
}
