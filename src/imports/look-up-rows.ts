// What the database already knows about a chunk of rows, in three set-based queries (never one
// per row): which addresses are members, which have an open invitation, which usernames are taken.
import type { Prisma } from '../generated/prisma/client.js';
import type { ValidRow } from './validate-row.js';

type Tx = Prisma.TransactionClient;

export interface RowFacts {
  memberEmails: Set<string>;
  /** Address → status of its open invitation. */
  openInvitations: Map<string, 'PENDING' | 'AWAITING_APPROVAL'>;
  /** Usernames of members and of open invitations. */
  takenUsernames: Set<string>;
}

export async function lookUpRows(db: Tx, organizationId: string, rows: readonly ValidRow[]): Promise<RowFacts> {
  const emails = rows.map((r) => r.email);
  const usernames = rows.flatMap((r) => (r.username ? [r.username] : []));
  const [members, open, taken] = await Promise.all([
    db.$queryRawUnsafe<{ email: string }[]>(
      'SELECT email FROM member WHERE organization_id = $1::uuid AND email = ANY($2::text[])',
      organizationId,
      emails,
    ),
    db.$queryRawUnsafe<{ email: string; status: 'PENDING' | 'AWAITING_APPROVAL' }[]>(
      `SELECT open_email AS email, status::text AS status FROM invitation
        WHERE organization_id = $1::uuid AND open_email = ANY($2::text[])`,
      organizationId,
      emails,
    ),
    usernames.length === 0
      ? Promise.resolve([])
      : db.$queryRawUnsafe<{ username: string }[]>(
          `SELECT username FROM member WHERE organization_id = $1::uuid AND username = ANY($2::text[])
           UNION SELECT open_username FROM invitation WHERE organization_id = $1::uuid AND open_username = ANY($2::text[])`,
          organizationId,
          usernames,
        ),
  ]);
  return {
    memberEmails: new Set(members.map((m) => m.email)),
    openInvitations: new Map(open.map((i) => [i.email, i.status])),
    takenUsernames: new Set(taken.map((u) => u.username)),
  };
}
