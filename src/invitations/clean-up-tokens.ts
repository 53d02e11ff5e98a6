// Retention: token hashes are kept until 30 days after their invitation's expiry date, so that an
// old link still says what happened to it ("expired", "withdrawn", "already used"); after that
// they serve no purpose and are deleted (the link then reads as unknown). `purge_after` is set
// when the token is minted, so this reads only the due rows through an index. A resent
// invitation's new links carry the new expiry date.
import type { Db } from '../db/database.js';

export const TOKEN_RETENTION_DAYS = 30;

export async function cleanUpSpentTokens(db: Db, options: { now?: Date; limit?: number } = {}): Promise<number> {
  return db.$executeRawUnsafe(
    `DELETE FROM invitation_token WHERE token_hash IN (
       SELECT token_hash FROM invitation_token WHERE purge_after < $1::timestamptz LIMIT $2)`,
    (options.now ?? new Date()).toISOString(),
    options.limit ?? 5000,
  );
}
