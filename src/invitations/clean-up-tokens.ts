// Retention: the token hashes of closed invitations are kept for a while, so that an old link
// still says what happened to it ("expired", "withdrawn", "already used"); after that they
// serve no purpose and are deleted (the link then reads as unknown).
import type { Db } from '../db/database.js';

export const TOKEN_RETENTION_DAYS = 30;

export async function cleanUpSpentTokens(db: Db, options: { now?: Date; limit?: number } = {}): Promise<number> {
  return db.$executeRawUnsafe(
    `DELETE FROM invitation_token WHERE token_hash IN (
       SELECT t.token_hash FROM invitation_token t JOIN invitation i ON i.id = t.invitation_id
        WHERE i.status NOT IN ('PENDING', 'AWAITING_APPROVAL')
          AND coalesce(i.closed_at, i.expires_at) < $1::timestamptz - make_interval(days => $3::int)
        LIMIT $2)`,
    (options.now ?? new Date()).toISOString(),
    options.limit ?? 5000,
    TOKEN_RETENTION_DAYS,
  );
}
