// What the database already knows about a chunk of rows (src/invitations/existing-facts.ts, the
// same facts the writer judges by), shaped for the dry run.
import type { Prisma } from '../generated/prisma/client.js';
import { lookUpExisting } from '../invitations/existing-facts.js';
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
  const facts = await lookUpExisting(db, organizationId, {
    emails: rows.map((r) => r.email),
    usernames: rows.flatMap((r) => (r.username ? [r.username] : [])),
  });
  return {
    memberEmails: facts.memberEmails,
    openInvitations: new Map([...facts.openByEmail].map(([email, i]) => [email, i.status])),
    takenUsernames: facts.takenUsernames,
  };
}
