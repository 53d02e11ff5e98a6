// A member added from chat: Sesame chooses the temporary password (src/members/temporary-password.ts)
// and returns it once, for the admin to hand over; only its hash is kept.
import type { Db } from '../db/database.js';
import type { Actor } from '../permissions/actor.js';
import { type AddMemberResult, addMember } from './add-member.js';
import type { AddMemberForm } from './check-add-member-input.js';
import { generateTemporaryPassword } from './temporary-password.js';

export async function addMemberWithTemporaryPassword(
  db: Db,
  actor: Actor,
  form: AddMemberForm,
): Promise<AddMemberResult & { temporaryPassword: string }> {
  const temporaryPassword = generateTemporaryPassword(form.username);
  const result = await addMember(db, actor, { ...form, password: temporaryPassword });
  return { ...result, temporaryPassword };
}
