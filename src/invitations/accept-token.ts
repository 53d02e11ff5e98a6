// Accept tokens: 256 random bits, sent in the e-mail link, stored only as their SHA-256.
// A token is minted when its e-mail is delivered (not when the invitation is written), so the
// raw token never rests in the database, not even in the outbox.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database.js';
import type { Invitation, Prisma } from '../generated/prisma/client.js';
import { TOKEN_RETENTION_DAYS } from './clean-up-tokens.js';

export const hashToken = (token: string): Uint8Array<ArrayBuffer> =>
  new Uint8Array(createHash('sha256').update(token, 'utf8').digest());

export async function issueAcceptToken(tx: Prisma.TransactionClient | Db, invitationId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const { expiresAt } = await tx.invitation.findUniqueOrThrow({
    where: { id: invitationId },
    select: { expiresAt: true },
  });
  await tx.invitationToken.create({
    data: {
      invitationId,
      tokenHash: hashToken(token),
      purgeAfter: new Date(expiresAt.getTime() + TOKEN_RETENTION_DAYS * 86_400_000),
    },
  });
  return token;
}

/** The invitation a token opens, whatever its status (the page says why it no longer works). */
export async function findInvitationByToken(db: Db, token: string): Promise<Invitation | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const row = await db.invitationToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { invitation: true },
  });
  return row?.invitation ?? null;
}
