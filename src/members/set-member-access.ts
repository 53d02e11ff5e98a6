// An owner changes what a member may do: their role (any role of the catalogue the member's user
// type allows, the admin role included: promotion is how admins are made, never by invitation),
// or the manager flag (who decides seat requests).
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import { normalizeEmail } from '../forms/email-address.js';
import type { Member } from '../generated/prisma/client.js';
import { findRole, roleByKey, userTypeByKey } from '../organizations/catalogue.js';
import type { Actor } from '../permissions/actor.js';
import { assertOwner } from '../permissions/policy.js';

export type AccessChange = { field: 'role'; value: string } | { field: 'manager'; value: boolean };

export interface SetMemberAccessResult {
  member: Member;
  /** False when the member already had this access (nothing written, nothing audited). */
  changed: boolean;
}

export async function setMemberAccess(
  db: Db,
  actor: Actor,
  input: { email: string; change: AccessChange },
): Promise<SetMemberAccessResult> {
  assertOwner(actor);
  const catalogue = actor.organization.catalogue;
  const email = normalizeEmail(input.email);
  const member = await db.member.findUnique({
    where: { organizationId_email: { organizationId: actor.organization.id, email } },
  });
  if (!member) throw new AppError('member.not_found', { email }, 'not_found');

  let data: { role: string } | { isManager: boolean };
  let from: string | boolean;
  let to: string | boolean;
  if (input.change.field === 'role') {
    const role = findRole(catalogue, input.change.value);
    if (!role) {
      const known = catalogue.roles.map((r) => r.names.en).join(', ');
      throw new AppError('role.unknown', { role: input.change.value.trim(), known }, 'invalid');
    }
    const userType = userTypeByKey(catalogue, member.userType);
    if (!userType?.allowedRoles.includes(role.key)) {
      const allowed = (userType?.allowedRoles ?? []).map((key) => roleByKey(catalogue, key)?.names.en ?? key);
      throw new AppError(
        'role.not_allowed_for_type',
        { role: role.names.en, userType: userType?.names.en ?? member.userType, allowed: allowed.join(', ') },
        'invalid',
      );
    }
    data = { role: role.key };
    from = member.role;
    to = role.key;
  } else {
    data = { isManager: input.change.value };
    from = member.isManager;
    to = input.change.value;
  }
  if (from === to) return { member, changed: false };

  const updated = await db.$transaction(async (tx) => {
    const row = await tx.member.update({ where: { id: member.id }, data });
    await recordAuditEvent(tx, actor, {
      action: 'member.access_changed',
      subjectType: 'member',
      subjectId: member.id,
      data: { email, field: input.change.field, from, to },
    });
    return row;
  });
  return { member: updated, changed: true };
}
