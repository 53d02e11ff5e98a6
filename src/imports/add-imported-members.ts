// Inside the import's transaction: adds the rows that carry a password (members who must change it
// at first login) or an enterprise ID, through the same insertMember as a direct add; a row naming
// a company adds an external member of it, on the external seats. Few rows by nature (each needed
// a password hashed, or an ID typed), so one at a time is fine; their member.added webhooks are
// then written together, in one statement.
import { isAppError } from '../errors/app-error.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { Notice } from '../i18n/messages.js';
import { insertMember } from '../members/add-member.js';
import type { Actor } from '../permissions/actor.js';
import { emitMembersAdded } from '../webhooks/member-added.js';
import type { Field } from './map-columns.js';
import { passGates, type RowGates } from './row-gates.js';
import { fieldOfRefusal } from './row-issue.js';
import type { ValidRow } from './validate-row.js';

export interface AddedMembers {
  added: number;
  /** The address is a member already (e.g. the same file imported twice): nothing to do. */
  alreadyMembers: number;
}

export async function addImportedMembers(
  tx: Prisma.TransactionClient,
  actor: Actor,
  rows: readonly { row: ValidRow; credential: string | { enterpriseId: string } }[],
  /** Read before: the companies (in this transaction, under the lock) and the identity provider. */
  gates: RowGates,
  refuse: (row: ValidRow, field: Field, reason: Notice) => void,
): Promise<AddedMembers> {
  const result: AddedMembers = { added: 0, alreadyMembers: 0 };
  const addedIds: string[] = [];
  for (const { row, credential } of rows) {
    const gate = passGates(row, gates);
    if (!gate.ok) {
      refuse(row, gate.field, gate.reason);
      continue;
    }
    // A refused row must not abort the whole import's transaction (a failed statement would).
    await tx.$executeRawUnsafe('SAVEPOINT import_member');
    try {
      const member = await insertMember(tx, actor, { ...row, password: row.password ?? '' }, credential, gate.company);
      await tx.$executeRawUnsafe('RELEASE SAVEPOINT import_member');
      addedIds.push(member.id);
      result.added++;
    } catch (error) {
      if (!isAppError(error)) throw error;
      await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT import_member');
      if (error.code === 'email.active_member') result.alreadyMembers++;
      else refuse(row, fieldOfRefusal(error.code), error);
    }
  }
  await emitMembersAdded(tx, actor.organization.id, addedIds);
  return result;
}
