// The one-time code that verifies an address chosen at enrollment. Like accept tokens, it is
// minted when its e-mail leaves (never resting in the outbox), and only its hash is stored.
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/database.js';

/** How long a code may be typed back, and how many tries it allows. */
export const CODE_VALID_MINUTES = 30;
export const CODE_TRIES = 5;
/** Codes one invitation may have sent (each new try of the form sends one). */
export const CODE_SENDS = 5;

const hashCode = (invitationId: string, code: string): Uint8Array<ArrayBuffer> =>
  new Uint8Array(createHash('sha256').update(`${invitationId}:${code}`, 'utf8').digest());

export const sameCode = (invitationId: string, code: string, stored: Uint8Array): boolean => {
  const typed = hashCode(invitationId, code);
  return typed.length === stored.length && timingSafeEqual(typed, stored);
};

/**
 * A fresh code for the invitee's `send`-th try, its hash stored; null when that try was replaced
 * by a newer one or has expired (its e-mail is then not sent).
 */
export async function mintChosenAddressCode(
  db: Db,
  invitationId: string,
  send: number,
  now: Date,
): Promise<{ code: string; email: string } | null> {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const rows = await db.$queryRawUnsafe<{ email: string }[]>(
    `UPDATE enrollment_verification SET code_hash = $3, attempts = 0
      WHERE invitation_id = $1::uuid AND sends = $2 AND expires_at > $4
      RETURNING email`,
    invitationId,
    send,
    hashCode(invitationId, code),
    now,
  );
  return rows[0] ? { code, email: rows[0].email } : null;
}
