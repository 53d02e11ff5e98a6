// Remove a member: their seat (internal or external), their username and their address are free
// at once, so the same person can be invited again right after. It is also how a member added
// directly is "resent" an invitation: remove them, then invite them.
//
// The member's row is deleted, not kept with a `removed` status. Every reader of `member` counts
// and matches rows as they are (seats used = members + pending invitations, the username and
// address checks, the chat and enterprise sign-ins), so a deleted row frees everything in one
// statement and cannot be forgotten by one of them; the unique indexes on the address, the
// username and the enterprise identity are freed with it. What pointed at the member:
// - the invitations they sent (open or closed) and the seat requests they made are kept and handed
//   to whoever removes them (`invitation.inviter_id` and `seat_request.requested_by_id` are
//   required and refuse a delete): the remover is then told the open invitations' outcomes and
//   their names are on the reminders. Who sent them first stays in the audit trail;
// - the members they added (`member.invited_by_id`) and the seat requests they decided
//   (`seat_request.decided_by_id`) lose that link (ON DELETE SET NULL);
// - audit events keep the member's id and e-mail (no foreign key), chat users are matched by
//   e-mail (a removed person is no longer recognised), and queued notifications or e-mails for
//   them are skipped by their jobs ("no longer exists").
// Nobody removes themselves, and the last owner is never removed (src/permissions/policy.ts):
// the organization's row is locked and the acting member read again under the lock, so two owners
// removing each other at once leave one of them.
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { lockOrganization } from '../companies/company-tree.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import { normalizeEmail } from '../forms/email-address.js';
import type { Member, Prisma } from '../generated/prisma/client.js';
import { type InvitationKind, invitationKind } from '../invitations/invitation-kind.js';
import type { Actor } from '../permissions/actor.js';
import { assertCanManageInvitations, assertCanRemoveMember } from '../permissions/policy.js';
import { emitWebhookEvent } from '../webhooks/emit-webhook-event.js';

type Reader = Db | Prisma.TransactionClient;

/** What a removal frees and hands over: shown before it is confirmed, and returned once done. */
export interface MemberRemoval {
  memberId: string;
  email: string;
  firstName: string;
  lastName: string;
  username: string;
  role: string;
  userType: string;
  isOwner: boolean;
  isManager: boolean;
  /** The seat freed: internal (the plan's) or external (with the partner company). */
  kind: InvitationKind;
  company: string | null;
  /** Their open invitations (pending or held for approval): handed to whoever removes them. */
  openInvitations: number;
  /** Their seat requests still waiting for a manager: handed over too. */
  pendingSeatRequests: number;
}

/** Who would be removed, and what it frees, after the same checks as the removal (for a confirmation). */
export async function previewMemberRemoval(db: Db, actor: Actor, rawEmail: string): Promise<MemberRemoval> {
  assertCanManageInvitations(actor, 'remove_member');
  const member = await findMember(db, actor.organization.id, rawEmail);
  assertCanRemoveMember(actor, member, await ownerCount(db, member));
  return removalOf(member, await openWorkOf(db, member));
}

export async function removeMember(
  db: Db,
  actor: Actor,
  /** `memberId`: the member a confirmation showed; the same address re-added since is not removed. */
  input: { email: string; memberId?: string },
): Promise<MemberRemoval> {
  assertCanManageInvitations(actor, 'remove_member');
  const orgId = actor.organization.id;
  return db.$transaction(async (tx) => {
    await lockOrganization(tx, orgId);
    // Read again under the lock: an owner removed a moment ago no longer removes anyone.
    const acting = await tx.member.findFirst({ where: { id: actor.member.id, organizationId: orgId } });
    if (!acting) throw new AppError('member.not_found', { email: actor.member.email }, 'forbidden');
    const member = await findMember(tx, orgId, input.email);
    if (input.memberId && member.id !== input.memberId) {
      throw new AppError('member.not_found', { email: member.email }, 'not_found');
    }
    assertCanRemoveMember({ ...actor, member: acting }, member, await ownerCount(tx, member));

    const removal = removalOf(member, await openWorkOf(tx, member));
    const invitations = await tx.invitation.updateMany({
      where: { inviterId: member.id },
      data: { inviterId: acting.id },
    });
    const seatRequests = await tx.seatRequest.updateMany({
      where: { requestedById: member.id },
      data: { requestedById: acting.id },
    });
    // Add-on licences, once they exist, are freed here too: one more statement in this
    // transaction (deleting the member's licence assignments), before the member's row goes.
    await tx.member.delete({ where: { id: member.id } });

    const { kind, company } = removal;
    await recordAuditEvent(tx, actor, {
      action: 'member.removed',
      subjectType: 'member',
      subjectId: member.id,
      data: {
        email: member.email,
        username: member.username,
        role: member.role,
        userType: member.userType,
        kind,
        company,
        invitationsHandedOver: invitations.count,
        seatRequestsHandedOver: seatRequests.count,
      },
    });
    await emitWebhookEvent(tx, {
      organizationId: orgId,
      type: 'member.removed',
      subjectId: member.id,
      data: {
        memberId: member.id,
        email: member.email,
        username: member.username,
        firstName: member.firstName,
        lastName: member.lastName,
        role: member.role,
        userType: member.userType,
        kind,
        company,
      },
    });
    return removal;
  });
}

async function findMember(db: Reader, organizationId: string, rawEmail: string): Promise<Member> {
  const email = normalizeEmail(rawEmail);
  const member = await db.member.findUnique({ where: { organizationId_email: { organizationId, email } } });
  if (!member) throw new AppError('member.not_found', { email }, 'not_found');
  return member;
}

/** The organization's owners, counted only when the member is one (the last-owner rule). */
const ownerCount = (db: Reader, member: Member): Promise<number> =>
  member.isOwner
    ? db.member.count({ where: { organizationId: member.organizationId, isOwner: true } })
    : Promise.resolve(0);

type OpenWork = Pick<MemberRemoval, 'openInvitations' | 'pendingSeatRequests'>;

/** What the member started and is still open: it is handed to whoever removes them. */
async function openWorkOf(db: Reader, member: Member): Promise<OpenWork> {
  const [openInvitations, pendingSeatRequests] = await Promise.all([
    db.invitation.count({ where: { inviterId: member.id, status: { in: ['PENDING', 'AWAITING_APPROVAL'] } } }),
    db.seatRequest.count({ where: { requestedById: member.id, status: 'PENDING' } }),
  ]);
  return { openInvitations, pendingSeatRequests };
}

const removalOf = (
  { id, email, firstName, lastName, username, role, userType, isOwner, isManager, ...rest }: Member,
  open: OpenWork,
): MemberRemoval => ({
  memberId: id,
  email,
  firstName,
  lastName,
  username,
  role,
  userType,
  isOwner,
  isManager,
  ...invitationKind(rest),
  ...open,
});
