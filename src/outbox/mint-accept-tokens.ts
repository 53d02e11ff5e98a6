// Mints the accept tokens of a batch of invitation e-mails in one statement: the set-based twin
// of issueAcceptToken (src/invitations/accept-token.ts), same format and same hash, so that a
// 1,000-message batch costs one round trip instead of 1,000. The join on the invitation's
// status makes "still pending" and "token minted" one atomic fact.

import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database.js';
import { hashToken } from '../invitations/accept-token.js';
import { TOKEN_RETENTION_DAYS } from '../invitations/clean-up-tokens.js';

/** One token per entry (an invitation may appear twice: two e-mails, two links); null when the invitation is no longer pending. */
export async function mintAcceptTokens(db: Db, invitationIds: readonly string[]): Promise<(string | null)[]> {
  if (invitationIds.length === 0) return [];
  const tokens = invitationIds.map(() => randomBytes(32).toString('base64url'));
  const hashes = tokens.map((token) => Buffer.from(hashToken(token)).toString('hex'));
  const rows = await db.$queryRawUnsafe<{ hash: string }[]>(
    `INSERT INTO invitation_token (token_hash, invitation_id, purge_after)
     SELECT decode(t.hash, 'hex'), t.invitation_id, i.expires_at + make_interval(days => ${TOKEN_RETENTION_DAYS})
       FROM unnest($1::text[], $2::uuid[]) AS t(hash, invitation_id)
       JOIN invitation i ON i.id = t.invitation_id AND i.status = 'PENDING'
     RETURNING encode(token_hash, 'hex') AS hash`,
    hashes,
    [...invitationIds],
  );
  const minted = new Set(rows.map((r) => r.hash));
  return tokens.map((token, i) => (minted.has(hashes[i] as string) ? token : null));
}
