// A member who may not invite asks the admins to invite an address. The address and the note are
// checked as an invitation's would be (allowed domains included), so that an admin never approves
// what would be refused. An address that is already a member or invited is answered at once; a
// second request for an address while one is pending joins it (at most one pending request per
// address: the unique open_email, taken by an INSERT ... ON CONFLICT, safe under concurrency).
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Db } from '../db/database.js';
import { AppError, unwrap } from '../errors/app-error.js';
import { checkEmailAddress } from '../forms/email-address.js';
import { checkMessage } from '../forms/field-checks.js';
import type { InviteRequest } from '../generated/prisma/client.js';
import { enqueue, outboxKinds } from '../outbox/enqueue.js';
import { outboxKey, outboxKeys } from '../outbox/outbox-keys.js';
import type { Actor } from '../permissions/actor.js';
import { canManageInvitations } from '../permissions/policy.js';

/** A note is for the admins' card: short enough to read at a glance. */
export const NOTE_MAX = 500;

export interface InviteRequestInput {
  email: string;
  note?: string;
}

export type InviteRequestAnswer =
  /** A new request: the admins get its card. */
  | { outcome: 'requested'; request: InviteRequest }
  /** Someone asked for this address first: this member joined their request and hears the outcome too. */
  | { outcome: 'joined'; request: InviteRequest; firstRequestedByEmail: string | null }
  /** This member had already asked for it: nothing new. */
  | { outcome: 'already_requested'; request: InviteRequest }
  | { outcome: 'already_member'; email: string }
  | { outcome: 'already_invited'; email: string; invitationId: string };

export function checkNote(raw: string | undefined): string | null {
  const note = unwrap(checkMessage(raw));
  if (note && note.length > NOTE_MAX) throw new AppError('invite_request.note_too_long', { max: NOTE_MAX }, 'invalid');
  return note;
}

export async function requestInvitation(db: Db, actor: Actor, input: InviteRequestInput): Promise<InviteRequestAnswer> {
  const org = actor.organization;
  // Read from the row, not the actor: an owner may have turned requests off a moment ago. Said
  // first: nothing the member could fix in the address would change the answer.
  const settings = await db.organization.findUnique({ where: { id: org.id }, select: { inviteRequestsEnabled: true } });
  if (!settings?.inviteRequestsEnabled) throw new AppError('invite_request.off', {}, 'refused');
  const email = unwrap(checkEmailAddress(input.email, org.allowedDomains));
  // Those who may invite do so: a request would only wait for themselves.
  if (canManageInvitations(actor.member, org)) throw new AppError('invite_request.invite_instead', { email });
  const note = checkNote(input.note);

  const [member, invitation] = await Promise.all([
    db.member.findFirst({ where: { organizationId: org.id, email }, select: { id: true } }),
    db.invitation.findFirst({ where: { organizationId: org.id, openEmail: email }, select: { id: true } }),
  ]);
  if (member) return { outcome: 'already_member', email };
  if (invitation) return { outcome: 'already_invited', email, invitationId: invitation.id };

  return db.$transaction(async (tx) => {
    const me = actor.member.id;
    // Created, or joined when the address already has a pending request (the requester is added
    // once, and never beside themselves).
    // No row back: this member had already asked for it (the update's condition failed).
    const [row] = await tx.$queryRawUnsafe<{ id: string; inserted: boolean }[]>(
      `INSERT INTO invite_request (organization_id, email, open_email, note, requested_by_id)
       VALUES ($1::uuid, $2, $2, $3, $4::uuid)
       ON CONFLICT (organization_id, open_email) DO UPDATE
          SET also_requested_by_ids = array_append(invite_request.also_requested_by_ids, $4::uuid)
        WHERE invite_request.requested_by_id IS DISTINCT FROM $4::uuid
          AND NOT ($4::uuid = ANY(invite_request.also_requested_by_ids))
       RETURNING id::text AS id, (xmax = 0) AS inserted`,
      org.id,
      email,
      note,
      me,
    );
    const request = await tx.inviteRequest.findFirstOrThrow({
      where: row ? { id: row.id } : { organizationId: org.id, openEmail: email },
      include: { requestedBy: { select: { email: true } } },
    });
    const { requestedBy, ...plain } = request;
    if (!row) return { outcome: 'already_requested', request: plain };
    await recordAuditEvent(tx, actor, {
      action: 'invite_request.requested',
      subjectType: 'invite_request',
      subjectId: plain.id,
      data: { email, note, joined: !row.inserted },
    });
    // The card is posted once and redrawn after: a join redraws it with who else asked.
    await enqueue(tx, {
      organizationId: org.id,
      kind: outboxKinds.notification,
      key: row.inserted
        ? outboxKey(outboxKeys.inviteRequestCreated, { inviteRequestId: plain.id })
        : outboxKey(outboxKeys.inviteRequestJoined, { inviteRequestId: plain.id, memberId: me }),
      payload: { type: 'invite_request.created', inviteRequestId: plain.id },
    });
    return row.inserted
      ? { outcome: 'requested', request: plain }
      : { outcome: 'joined', request: plain, firstRequestedByEmail: requestedBy?.email ?? null };
  });
}
