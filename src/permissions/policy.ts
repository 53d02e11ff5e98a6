// The permission rules, in one place.
import { AppError } from '../errors/app-error.js';
import type { Member } from '../generated/prisma/client.js';
import { roleByKey } from '../organizations/catalogue.js';
import type { Organization } from '../organizations/organization.js';
import type { Actor } from './actor.js';

/** Owners and members with an admin role invite, import, add, resend and revoke. */
export const canManageInvitations = (member: Member, org: Organization) =>
  member.isOwner || Boolean(roleByKey(org.catalogue, member.role)?.admin);

/** Managers and owners decide seat requests. */
export const canDecideSeatRequests = (member: Member) => member.isOwner || member.isManager;

export function assertCanManageInvitations(actor: Actor): void {
  if (!canManageInvitations(actor.member, actor.organization)) {
    throw new AppError('permission.invite', { email: actor.member.email }, 'forbidden');
  }
}

export function assertCanDecideSeatRequests(actor: Actor): void {
  if (!canDecideSeatRequests(actor.member)) {
    throw new AppError('permission.decide', { email: actor.member.email }, 'forbidden');
  }
}

export function assertOwner(actor: Actor): void {
  if (!actor.member.isOwner) throw new AppError('permission.owner_only', { email: actor.member.email }, 'forbidden');
}
