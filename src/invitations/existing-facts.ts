// What the database already knows about a set of addresses and usernames, in three set-based
// queries (never one per row): which addresses are members, which have an open invitation, which
// usernames are taken by a member or an open invitation. Shared by the writer and the import's
// dry run, so that both judge a row by the same facts.
import type { Prisma } from '../generated/prisma/client.js';

type Tx = Prisma.TransactionClient;

export interface OpenInvitation {
  id: string;
  email: string;
  status: 'PENDING' | 'AWAITING_APPROVAL';
}

export interface ExistingFacts {
  memberEmails: Set<string>;
  openByEmail: Map<string, OpenInvitation>;
  takenUsernames: Set<string>;
}

export async function lookUpExisting(
  tx: Tx,
  organizationId: string,
  wanted: { emails: string[]; usernames: string[] },
): Promise<ExistingFacts> {
  const [members, open, taken] = await Promise.all([
    tx.$queryRawUnsafe<{ email: string }[]>(
      'SELECT email FROM member WHERE organization_id = $1::uuid AND email = ANY($2::text[])',
      organizationId,
      wanted.emails,
    ),
    tx.$queryRawUnsafe<OpenInvitation[]>(
      `SELECT id::text, email, status::text AS status FROM invitation
        WHERE organization_id = $1::uuid AND open_email = ANY($2::text[])`,
      organizationId,
      wanted.emails,
    ),
    wanted.usernames.length === 0
      ? Promise.resolve([])
      : tx.$queryRawUnsafe<{ username: string }[]>(
          `SELECT username FROM member WHERE organization_id = $1::uuid AND username = ANY($2::text[])
           UNION SELECT open_username FROM invitation WHERE organization_id = $1::uuid AND open_username = ANY($2::text[])`,
          organizationId,
          wanted.usernames,
        ),
  ]);
  return {
    memberEmails: new Set(members.map((m) => m.email)),
    openByEmail: new Map(open.map((i) => [i.email, i])),
    takenUsernames: new Set(taken.map((u) => u.username)),
  };
}
