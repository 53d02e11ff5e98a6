// A temporary password Sesame chooses for a member added from chat, where typing one in a form
// would leave it in the chat's history. Shown once to the admin who hands it over; the member
// must replace it at first login. 14 characters from 31 unambiguous letters and digits (no 0/o,
// 1/l/i), in groups for reading aloud: about 69 bits.
import { randomInt } from 'node:crypto';
import { checkPassword } from '../forms/password-policy.js';

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function generateTemporaryPassword(username?: string | null): string {
  for (;;) {
    const chars = Array.from({ length: 14 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    const password = `${chars.slice(0, 5)}-${chars.slice(5, 10)}-${chars.slice(10)}`;
    // The policy's other rules (a letter and a digit, not sequential) rarely fail: draw again.
    if (checkPassword(password, username).ok) return password;
  }
}
